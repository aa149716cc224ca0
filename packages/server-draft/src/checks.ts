/**
 * The server's own checks on a draft: pure functions, no model. A draft passes when
 *
 * - length: its body has at least one word and at most `maxWords` words (no tolerance over the
 *   limit: the limit is the caller's, and the draft step is asked to respect it);
 * - subject (emails only): its first line is `Subject: …` with some text;
 * - must-include: each required point is present, judged by `pointIncluded`.
 *
 * Every missing point counts as one failed check, so a draft missing one point beats a draft missing
 * three. The best of several drafts has the fewest failed checks, the latest winning a tie.
 */

import { countWords } from '@mcp-sampling/text';
import type { ParsedDraft } from './draft-format.js';
import type { Kind } from './kinds.js';
import { contentStems, normalise } from './words.js';

/** Share of a point's content words that must appear in the draft (rounded up). */
export const POINT_WORD_SHARE = 2 / 3;

/**
 * Whether the draft makes `point`, deterministically:
 * 1. the whole point, normalised (case, accents, punctuation, thousands separators), appears as a
 *    phrase in the normalised draft; or
 * 2. every number in the point appears in the draft, and at least ⌈⅔⌉ of its content words (not
 *    function words) appear, compared by stem (`budgets` meets `budget`, `approved` meets `approve`).
 * A point made only of function words needs the phrase.
 */
export function pointIncluded(point: string, draft: string): boolean {
  const phrase = normalise(point);
  const text = normalise(draft);
  if (phrase !== '' && ` ${text} `.includes(` ${phrase} `)) return true;
  const wanted = [...new Set(contentStems(point))];
  if (wanted.length === 0) return false;
  const present = new Set(contentStems(draft));
  const numbers = wanted.filter((word) => /\d/.test(word));
  if (!numbers.every((number) => present.has(number))) return false;
  const found = wanted.filter((word) => present.has(word)).length;
  return found >= Math.ceil(wanted.length * POINT_WORD_SHARE);
}

/** How the body's length compares with the limit. */
export type LengthVerdict = 'ok' | 'empty' | 'too-long';

/** `empty` with no words, `too-long` over `maxWords`, else `ok`. */
export function judgeLength(words: number, maxWords: number): LengthVerdict {
  if (words === 0) return 'empty';
  return words > maxWords ? 'too-long' : 'ok';
}

/** What the checks say about one draft. */
export interface DraftAssessment {
  /** Words in the body (the subject line is not counted). */
  words: number;
  length: LengthVerdict;
  /** Emails: whether the draft has a subject line. Always true for other kinds. */
  hasSubject: boolean;
  /** One entry per required point, in the caller's order. */
  coverage: Array<{ point: string; included: boolean }>;
  /** Failed checks: length, subject, and one per missing point. */
  failed: number;
}

/** Run every check on a parsed draft. Points are looked for in the subject and the body. */
export function assessDraft(
  draft: ParsedDraft,
  rules: { kind: Kind; maxWords: number; mustInclude: readonly string[] },
): DraftAssessment {
  const words = countWords(draft.body);
  const length = judgeLength(words, rules.maxWords);
  const hasSubject = rules.kind !== 'email' || draft.subject !== undefined;
  const searched = draft.subject === undefined ? draft.body : `${draft.subject}\n${draft.body}`;
  const coverage = rules.mustInclude.map((point) => ({ point, included: pointIncluded(point, searched) }));
  const failed = (length === 'ok' ? 0 : 1) + (hasSubject ? 0 : 1) + coverage.filter((entry) => !entry.included).length;
  return { words, length, hasSubject, coverage, failed };
}

/** Index of the best draft: fewest failed checks, and of those the latest. */
export function bestDraftIndex(assessments: readonly Pick<DraftAssessment, 'failed'>[]): number {
  let best = 0;
  assessments.forEach((assessment, index) => {
    if (assessment.failed <= (assessments[best] as Pick<DraftAssessment, 'failed'>).failed) best = index;
  });
  return best;
}
