/** The answer's last resort: a summary still over the word limit is trimmed, never cut inside a word or a bullet. */
import { countWords } from '@mcp-sampling/text';

/**
 * Cut `text` to at most `limit` words. Bulleted text loses whole trailing bullets; prose is cut
 * after the last full sentence that fits; a first sentence that alone is too long is cut at the
 * word limit and marked with an ellipsis.
 */
export function trimToWords(text: string, limit: number): string {
  if (countWords(text) <= limit) return text;
  const lines = text.split('\n');
  if (lines.filter((line) => /^\s*[-*•]\s/.test(line)).length >= 2) {
    while (lines.length > 1 && countWords(lines.join('\n')) > limit) lines.pop();
    const kept = lines.join('\n').trimEnd();
    if (countWords(kept) <= limit) return kept;
  }
  const sentences = text.match(/[^.!?]+(?:[.!?]+["')\]]*|$)\s*/g) ?? [text];
  let kept = '';
  for (const sentence of sentences) {
    if (countWords(kept + sentence) > limit) break;
    kept += sentence;
  }
  if (kept.trim() !== '') return kept.trim();
  return cutAtWord(text, limit);
}

function cutAtWord(text: string, limit: number): string {
  let seen = 0;
  const tokens = text.split(/(\s+)/);
  let out = '';
  for (const token of tokens) {
    if (/[\p{L}\p{N}]/u.test(token)) {
      if (seen === limit) break;
      seen += 1;
    }
    out += token;
  }
  return `${out.trimEnd().replace(/[,;:]$/, '')}…`;
}
