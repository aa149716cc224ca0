/** Words, word counts and the common function words that carry no topic. */

/** English function words ignored when scoring or matching content. */
export const STOP_WORDS: ReadonlySet<string> = new Set(
  (
    'a an and are as at be but by for from has have in is it its of on or that the their this to was were will with ' +
    'which who not can all more than into also our we they these those there been being such i you he she me my your ' +
    'do does did so if then them his her about what when where how should would could may might must please'
  ).split(' '),
);

/** Lower-cased runs of letters, digits and apostrophes. */
export function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** The words of `text` that carry content: no stop words, no single letters. */
export function contentWordsOf(text: string): string[] {
  return wordsOf(text).filter((word) => word.length > 1 && !STOP_WORDS.has(word));
}

const FOLDED_WORD = /[\p{L}\p{M}\p{N}]+/gu;

/**
 * The words of `text` for matching names and labels: Unicode NFKC folding (full-width letters become
 * plain ones), lower case, runs of letters, combining marks and digits; everything else (spaces,
 * hyphens, underscores, apostrophes, punctuation) only separates words.
 * `"Tech-Support, 2FA!"` → `['tech', 'support', '2fa']`.
 */
export function foldedWordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(FOLDED_WORD) ?? [];
}

/**
 * How many words `text` has: whitespace-separated runs that contain a letter or digit, so a bullet
 * dash or a lone punctuation mark does not count.
 */
export function countWords(text: string): number {
  let count = 0;
  for (const token of text.split(/\s+/)) if (/[\p{L}\p{N}]/u.test(token)) count += 1;
  return count;
}
