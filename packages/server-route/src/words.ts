/**
 * Route names as words. Names, keywords and requests share one notion of "word": `foldedWordsOf`
 * from @mcp-sampling/text (runs of letters, digits and combining marks, compared case-insensitively
 * after Unicode NFKC folding; everything else only separates words)).
 */
import { foldedWordsOf } from '@mcp-sampling/text';

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
  return foldedWordsOf(name).join(' ');
}
