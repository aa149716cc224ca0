/**
 * The answer without a model: lexical overlap between the text and each label's name and
 * description. Deterministic and honest about being weak: confidence never exceeds
 * `HEURISTIC_MAX_CONFIDENCE` and is 0 when nothing overlaps. The kit's fallback policy calls it
 * when no model can be reached.
 */
import { foldedWordsOf } from '@mcp-sampling/text';
import { type Classification, MAX_SINGLE_LABELS, type ScoredLabel } from './answer.js';
import { type LabelInput, labelSpecs } from './labels.js';

/** Highest confidence a lexical match may claim. */
export const HEURISTIC_MAX_CONFIDENCE = 0.5;

/** Multi-label mode: share of a label's (weighted) words the text must contain for the label to apply. */
export const HEURISTIC_MULTI_MIN_OVERLAP = 0.5;

/** Words of a label's name count this many times as much as words of its description. */
const NAME_WEIGHT = 2;

/**
 * Function words left out of the overlap. The classifier's own list, like its stemmer below, not
 * @mcp-sampling/text's: text's stem keeps `invoice` apart from `invoices` and its longer stop list
 * drops words (`more`, `please`, `about`) that name real labels, so either swap would change which
 * label the heuristic picks.
 */
const STOPWORDS = new Set(
  (
    'a an and are as at be been but by can do does for from has have how i if in into is it its me my no not of on or our ' +
    'so that the their them there these they this to was we were what when which who will with you your'
  ).split(' '),
);

/** The input the heuristic reads (the tool's parsed input). */
export interface HeuristicInput {
  text: string;
  labels: readonly LabelInput[];
  multiLabel: boolean;
}

/**
 * Crude English stemming: `billing`, `billed`, `bills` → `bill`; `invoices`, `invoicing` → `invoic`;
 * `queries` → `query`. Enough to match a label's words against inflected forms in the text.
 */
export function stem(word: string): string {
  let base = word;
  if (base.length > 4 && base.endsWith('ies')) return `${base.slice(0, -3)}y`;
  for (const suffix of ['ing', 'ed', 'ly', 's']) {
    if (base.endsWith(suffix) && base.length - suffix.length >= 3 && !(suffix === 's' && /(ss|us|is)$/.test(base))) {
      base = base.slice(0, -suffix.length);
      break;
    }
  }
  return base.length > 3 && base.endsWith('e') ? base.slice(0, -1) : base;
}

/** The stems of `text`'s words (`foldedWordsOf`: NFKC, lower case), stopwords and one-character words dropped. */
export function terms(text: string): string[] {
  return foldedWordsOf(text)
    .filter((word) => word.length > 1 && !STOPWORDS.has(word))
    .map(stem);
}

/** Weighted share of a label's terms found in the text: 0 (none, or a label with no usable words) to 1 (all). */
export function overlapScore(textTerms: ReadonlySet<string>, name: string, description = ''): number {
  const weights = new Map<string, number>();
  for (const term of terms(description)) weights.set(term, 1);
  for (const term of terms(name)) weights.set(term, NAME_WEIGHT);
  let total = 0;
  let found = 0;
  for (const [term, weight] of weights) {
    total += weight;
    if (textTerms.has(term)) found += weight;
  }
  return total === 0 ? 0 : found / total;
}

/**
 * Classify by lexical overlap. Each label scores the weighted share of its name's and
 * description's words (stemmed, name words counting double) that occur in the text; confidence is
 * `HEURISTIC_MAX_CONFIDENCE × score`, rounded to 2 decimals. Single-label mode returns the best
 * label (the first listed when nothing overlaps, at confidence 0) and up to 2 runners-up that
 * overlap at all; multi-label mode returns every label whose score reaches
 * `HEURISTIC_MULTI_MIN_OVERLAP`, or none.
 */
export function classifyHeuristically({ text, labels, multiLabel }: HeuristicInput): Classification {
  const textTerms = new Set(terms(text));
  const scored: ScoredLabel[] = labelSpecs(labels).map(({ name, description }) => ({
    label: name,
    confidence: round2(HEURISTIC_MAX_CONFIDENCE * overlapScore(textTerms, name, description)),
  }));
  const sorted = [...scored].sort((a, b) => b.confidence - a.confidence);
  const prefix = 'Lexical matching only (no model was used): ';

  if (multiLabel) {
    const applying = sorted.filter((entry) => entry.confidence >= round2(HEURISTIC_MAX_CONFIDENCE * HEURISTIC_MULTI_MIN_OVERLAP));
    return {
      label: applying[0]?.label ?? null,
      labels: applying,
      rationale:
        applying.length === 0
          ? `${prefix}no label has at least half of its words in the text.`
          : `${prefix}${applying.length} label(s) have at least half of their words in the text.`,
    };
  }
  const top = sorted[0] as ScoredLabel;
  const labelsOut = [top, ...sorted.slice(1, MAX_SINGLE_LABELS).filter((entry) => entry.confidence > 0)];
  return {
    label: top.label,
    labels: labelsOut,
    rationale:
      top.confidence === 0
        ? `${prefix}no label's words appear in the text, so the first label is given with confidence 0.`
        : `${prefix}"${top.label}" shares the most words with the text.`,
  };
}

function round2(value: number): number {
  return Math.round(value * 100) / 100;
}
