/** The extractive summary the offline model and the heuristics use: no model, the same answer every time. */
import { sentencesOf } from './sentences.js';
import { STOP_WORDS, wordsOf } from './words.js';

/**
 * An extractive summary of `text` within `budget` words: the sentences that carry the most
 * frequent content words (score = summed frequency / √length), in their original order.
 * Deterministic: the same text and budget always give the same sentences.
 */
export function extractiveSummary(text: string, budget: number): string[] {
  const sentences = sentencesOf(text);
  if (sentences.length === 0) return [text.split(/\s+/).slice(0, budget).join(' ')];
  const frequency = new Map<string, number>();
  for (const word of wordsOf(text)) if (!STOP_WORDS.has(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const scored = sentences.map((sentence, index) => {
    const words = wordsOf(sentence);
    const score = words.reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0) / Math.sqrt(words.length);
    return { sentence, index, score, length: words.length };
  });
  const chosen: typeof scored = [];
  let used = 0;
  for (const candidate of [...scored].sort((a, b) => b.score - a.score || a.index - b.index)) {
    if (used + candidate.length > budget) continue;
    chosen.push(candidate);
    used += candidate.length;
  }
  if (chosen.length === 0)
    return [
      wordsOf(sentences[0] ?? '')
        .slice(0, budget)
        .join(' '),
    ];
  return chosen.sort((a, b) => a.index - b.index).map((c) => c.sentence);
}
