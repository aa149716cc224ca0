/**
 * Splitting a long context into parts the context step can condense side by side. Parts follow
 * paragraph boundaries, then sentence boundaries, and only as a last resort whitespace (or a hard
 * cut). Every part is at most `maxChars` long and two neighbours together exceed it, so there are
 * never more than 2 × length / maxChars + 1 parts.
 */

/** Context at least this long is condensed part by part before the outline; shorter context is passed whole. */
export const LONG_CONTEXT_CHARS = 24_000;

/** Characters per part: about 4,000 tokens. */
export const CONTEXT_CHUNK_CHARS = 16_000;

/** Split `text` into parts of at most `maxChars` characters, in order, none empty. */
export function chunkText(text: string, maxChars = CONTEXT_CHUNK_CHARS): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const piece of piecesOf(text, maxChars)) {
    const joined = current === '' ? piece : `${current}\n\n${piece}`;
    if (joined.length <= maxChars) {
      current = joined;
    } else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Paragraphs of at most `maxChars`; a longer paragraph comes out as runs of whole sentences. */
function* piecesOf(text: string, maxChars: number): Generator<string> {
  for (const paragraph of text.split(/\n\s*\n/)) {
    const trimmed = paragraph.trim();
    if (trimmed === '') continue;
    if (trimmed.length <= maxChars) {
      yield trimmed;
      continue;
    }
    let run = '';
    for (const sentence of trimmed.split(/(?<=[.!?])\s+/)) {
      for (const part of sentence.length <= maxChars ? [sentence] : cutAtSpaces(sentence, maxChars)) {
        const joined = run === '' ? part : `${run} ${part}`;
        if (joined.length <= maxChars) {
          run = joined;
        } else {
          yield run;
          run = part;
        }
      }
    }
    if (run !== '') yield run;
  }
}

/** Cut a run with no sentence boundary at the last space before the limit, or at the limit. */
function cutAtSpaces(text: string, maxChars: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const space = rest.lastIndexOf(' ', maxChars);
    const cut = space > maxChars / 2 ? space : maxChars;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== '') parts.push(rest);
  return parts;
}
