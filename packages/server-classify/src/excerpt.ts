/**
 * What the model reads of a long text. Classifying needs the gist, not every word, so a text over
 * `EXCERPT_LIMITS.threshold` characters is read as a bounded excerpt: its beginning, its end, and
 * evenly spaced passages from the middle, each headed by its character range. The excerpt never
 * holds more than `threshold` characters of the text, however long the text is.
 */
import { withThousands } from '@mcp-sampling/text';

/** The excerpt strategy's sizes, in characters. head + tail + windows × window = threshold. */
export const EXCERPT_LIMITS = {
  /** Texts up to this length are sent whole. */
  threshold: 12_000,
  /** Characters from the beginning. */
  head: 4_000,
  /** Characters from the end. */
  tail: 2_000,
  /** Passages taken from the middle, evenly spaced. */
  windows: 4,
  /** Characters per middle passage. */
  window: 1_500,
} as const;

export type ExcerptLimits = { readonly [K in keyof typeof EXCERPT_LIMITS]: number };

/** How far a passage edge may move to land on whitespace instead of inside a word. */
const SNAP_CHARS = 80;

/** One passage of the text: `text` is `source.slice(start, end)`. */
export interface Passage {
  start: number;
  end: number;
  text: string;
}

/** What the model reads of a text. */
export interface Excerpt {
  /** False when the text is sent whole (one passage). */
  excerpted: boolean;
  /** Length of the whole text. */
  totalChars: number;
  /** In text order, never overlapping. */
  passages: Passage[];
}

/**
 * The passages of `text` the model reads: the whole text when it is at most `limits.threshold`
 * characters, else the head, `limits.windows` evenly spaced middle passages and the tail. Passage
 * edges move inward (never outward) to the nearest whitespace within 80 characters, so passages
 * start and end on word boundaries where they can and stay within their sizes.
 */
export function excerptOf(text: string, limits: ExcerptLimits = EXCERPT_LIMITS): Excerpt {
  const totalChars = text.length;
  if (totalChars <= limits.threshold) {
    return { excerpted: false, totalChars, passages: [{ start: 0, end: totalChars, text }] };
  }
  const ranges: Array<[number, number]> = [[0, limits.head]];
  const middleStart = limits.head;
  const middleLength = totalChars - limits.tail - middleStart;
  for (let index = 1; index <= limits.windows; index += 1) {
    const centre = middleStart + Math.round((middleLength * index) / (limits.windows + 1));
    const start = Math.max(middleStart, centre - Math.floor(limits.window / 2));
    ranges.push([start, Math.min(start + limits.window, totalChars - limits.tail)]);
  }
  ranges.push([totalChars - limits.tail, totalChars]);

  const passages: Passage[] = [];
  let previousEnd = 0;
  for (const [rawStart, rawEnd] of ranges) {
    const start = rawStart === 0 ? 0 : snapStart(text, Math.max(rawStart, previousEnd));
    const end = rawEnd === totalChars ? totalChars : snapEnd(text, rawEnd, start);
    if (end <= start) continue;
    passages.push({ start, end, text: text.slice(start, end) });
    previousEnd = end;
  }
  return { excerpted: true, totalChars, passages };
}

/** Move a passage start forward to the beginning of a word, if one begins within reach. */
function snapStart(text: string, position: number): number {
  if (/\s/.test(text[position - 1] ?? '')) return position;
  const gap = /\s+/.exec(text.slice(position, position + SNAP_CHARS));
  return gap === null ? notInsidePair(text, position, 1) : position + gap.index + gap[0].length;
}

/** Move a passage end back to the end of a word, if one ends within reach (and after `floor`). */
function snapEnd(text: string, position: number, floor: number): number {
  if (/\s/.test(text[position] ?? '')) return position;
  const from = Math.max(floor, position - SNAP_CHARS);
  const lastGap = text.slice(from, position).search(/\s\S*$/);
  return lastGap !== -1 && from + lastGap > floor ? from + lastGap : notInsidePair(text, position, -1);
}

/** `position`, moved by `step` when it would split a UTF-16 surrogate pair. */
function notInsidePair(text: string, position: number, step: 1 | -1): number {
  const code = text.charCodeAt(position);
  return code >= 0xdc00 && code <= 0xdfff ? position + step : position;
}

/**
 * The excerpt as the model reads it: the whole text, or each passage under a line giving its
 * character range, passages separated by a blank line.
 */
export function renderExcerpt(excerpt: Excerpt): string {
  if (!excerpt.excerpted) return excerpt.passages[0]?.text ?? '';
  const total = withThousands(excerpt.totalChars);
  return excerpt.passages
    .map(
      (passage) => `[characters ${withThousands(passage.start)} to ${withThousands(passage.end)} of ${total}]\n${passage.text}`,
    )
    .join('\n\n');
}
