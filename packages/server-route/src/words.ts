/**
 * The one notion of "word" that route names, keywords and requests share: runs of letters, digits
 * (and combining marks), compared case-insensitively after Unicode NFKC folding. Everything else (spaces,
 * hyphens, underscores, punctuation) only separates words.
 */

const WORD = /[\p{L}\p{M}\p{N}]+/gu;

/** The words of `text`, lower-cased: `"Tech-Support, 2FA!"` → `['tech', 'support', '2fa']`. */
export function wordsOf(text: string): string[] {
  return text.normalize('NFKC').toLowerCase().match(WORD) ?? [];
}

/**
 * True when `text` has at least one letter or digit. Combining marks alone do not count: a variation
 * selector or a combining grapheme joiner is a mark but shows nothing.
 */
export function hasWord(text: string): boolean {
  return /[\p{L}\p{N}]/u.test(text.normalize('NFKC'));
}

/**
 * The comparison form of a route name: its words joined by single spaces. `"Tech Support"`,
 * `"tech-support"`, `" TECH_support! "` all become `"tech support"`.
 */
export function normaliseName(name: string): string {
  return wordsOf(name).join(' ');
}
