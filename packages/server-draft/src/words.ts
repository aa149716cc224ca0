/**
 * The normalisation, stop words and stems behind the must-include matcher. Pure functions only: the
 * checks that use them run on every replay of the tool, so they must give the same answer each time.
 *
 * They are the draft's own on purpose, not @mcp-sampling/text's: a point is matched as a phrase, so
 * accents are stripped and `9,000` meets `9000`; `may` is a content word here (usually the month);
 * and the stemmer lets `approved` meet `approve`, which text's stem (used by the offline model)
 * does not. Swapping either would change which drafts pass their checks.
 */

/**
 * Lower case, accents removed, thousands separators dropped (`9,000` → `9000`), every run of other
 * characters turned into one space. `"Café opens 9,000 m²!"` → `"cafe opens 9000 m2"`.
 */
export function normalise(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/(\d)[,’'](?=\d{3}(?!\d))/g, '$1')
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}

/** Function words that say little about whether a point was made (`may` is kept: in drafts it is usually the month). */
const STOPWORDS = new Set(
  (
    'a an the and or but nor so yet of to in on at by for from with about as into onto over under than then ' +
    'is are was were be been being am do does did done have has had having will would shall should can could might must ' +
    'it its this that these those there here their them they we our us you your he she his her him i me my mine ' +
    'not no all any each every some such very just also too only own same both either neither what which who whom whose ' +
    'when where why how if up out off again once more most other'
  ).split(' '),
);

/**
 * A light suffix stripper, enough to let `budgets`/`budget` and `approved`/`approve` meet:
 * one of `ing`, `ed`, `es`, `s` is removed when at least three letters remain, then a final `e`
 * when at least three letters remain. Not a linguistic stemmer, and it does not need to be: both
 * sides of every comparison go through it.
 */
export function stem(word: string): string {
  let stemmed = word;
  for (const suffix of ['ing', 'ed', 'es', 's']) {
    if (stemmed.endsWith(suffix) && stemmed.length - suffix.length >= 3) {
      stemmed = stemmed.slice(0, -suffix.length);
      break;
    }
  }
  if (stemmed.endsWith('e') && stemmed.length >= 4) stemmed = stemmed.slice(0, -1);
  return stemmed;
}

/** The stems of the words of `text` that carry meaning: no stopwords; numbers kept as they are. */
export function contentStems(text: string): string[] {
  const words = normalise(text).split(' ');
  return words.filter((word) => word !== '' && !STOPWORDS.has(word)).map((word) => (/\d/.test(word) ? word : stem(word)));
}
