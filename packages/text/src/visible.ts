/**
 * Whether a text holds anything a reader can see. Used by every tool argument that must not be
 * blank: a string made only of spaces, line breaks, zero-width or other invisible characters
 * carries nothing to summarise, classify, route or draft from, and must not cost a model call.
 */

/**
 * Characters that render as nothing on their own:
 * - `White_Space`: spaces of every width, tabs, line and paragraph separators;
 * - `Default_Ignorable_Code_Point`: what Unicode says to render invisibly when not supported — zero-width
 *   space, non-joiner and joiner (U+200B–U+200D), word joiner (U+2060), byte order mark (U+FEFF), soft
 *   hyphen (U+00AD), bidirectional marks and controls, variation selectors, the combining grapheme
 *   joiner, Hangul fillers and tag characters;
 * - `Cc` (control characters) and `Cs` (lone surrogate halves);
 * - U+2800, the blank Braille pattern, which renders as an empty cell.
 *
 * Everything else counts as visible, including combining marks (they render, on a dotted circle when
 * alone) and the format characters that are not default-ignorable, such as the Arabic number sign U+0600.
 */
const VISIBLE = /[^\p{White_Space}\p{Default_Ignorable_Code_Point}\p{Cc}\p{Cs}\u2800]/u;

/**
 * True when `text` has at least one visible character (see `VISIBLE` above for the rule):
 * `hasVisibleText(' \u200B\uFEFF')` is false, `hasVisibleText('\u200Bhi')` is true.
 */
export function hasVisibleText(text: string): boolean {
  return VISIBLE.test(text);
}
