/** The crude suffix stem the offline model matches enum options with. */

/**
 * A crude English stem, enough to match `refunds` with `refund` and `billing` with `billed`. The
 * servers' heuristics keep stemmers of their own: each is tuned to what it matches, and both sides
 * of every comparison go through the same one.
 */
export function stem(word: string): string {
  if (word.length <= 4) return word;
  return word.replace(/(?:ing|ed|es|s)$/, '');
}
