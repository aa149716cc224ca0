import { contentWordsOf } from './words.js';

/** A crude English stem, enough to match `refunds` with `refund` and `billing` with `billed`. */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ing|ed|es|s)$/, '');
}

/** The distinct stems of the content words of `text`. */
export function stemsOf(text: string): Set<string> {
  return new Set(contentWordsOf(text).map(stem));
}

/**
 * How much of `candidate` appears in `text`: the share (0..1) of the candidate's distinct content
 * stems found among the text's. 0 when the candidate has no content words.
 */
export function lexicalOverlap(text: Set<string> | string, candidate: string): number {
  const textStems = typeof text === 'string' ? stemsOf(text) : text;
  const wanted = stemsOf(candidate);
  if (wanted.size === 0) return 0;
  let found = 0;
  for (const word of wanted) if (textStems.has(word)) found += 1;
  return found / wanted.size;
}
