import { describe, expect, it } from 'vitest';
import { EXCERPT_LIMITS, excerptOf, renderExcerpt } from '../src/excerpt.js';
import { longText } from './fixtures.js';

const contentChars = (text: string) => excerptOf(text).passages.reduce((sum, passage) => sum + passage.text.length, 0);

describe('excerptOf', () => {
  it('keeps a text up to the threshold whole', () => {
    const text = longText(EXCERPT_LIMITS.threshold);
    const excerpt = excerptOf(text);
    expect(excerpt).toEqual({ excerpted: false, totalChars: text.length, passages: [{ start: 0, end: text.length, text }] });
    expect(renderExcerpt(excerpt)).toBe(text);
  });

  it.each([
    ['just over the threshold', longText(EXCERPT_LIMITS.threshold + 1)],
    ['200,000 characters of prose', longText(200_000)],
    ['2,000,000 characters of prose', longText(2_000_000)],
    ['200,000 characters with no whitespace', 'x'.repeat(200_000)],
    ['200,000 characters of emoji (surrogate pairs)', '😀'.repeat(100_000)],
  ])('takes the head, 4 middle passages and the tail of %s, within the bound', (_name, text) => {
    const { excerpted, passages, totalChars } = excerptOf(text);
    expect(excerpted).toBe(true);
    expect(totalChars).toBe(text.length);
    expect(passages).toHaveLength(2 + EXCERPT_LIMITS.windows);
    expect(passages[0]?.start).toBe(0);
    expect(passages.at(-1)?.end).toBe(text.length);
    expect(contentChars(text)).toBeLessThanOrEqual(EXCERPT_LIMITS.threshold);
    if (text.length >= 10 * EXCERPT_LIMITS.threshold) expect(contentChars(text)).toBeGreaterThan(EXCERPT_LIMITS.threshold * 0.95);
    for (const [index, passage] of passages.entries()) {
      expect(passage.text).toBe(text.slice(passage.start, passage.end));
      expect(passage.end).toBeGreaterThan(passage.start);
      if (index > 0) expect(passage.start).toBeGreaterThanOrEqual(passages[index - 1]?.end as number);
      expect(passage.text).not.toMatch(/^[\uDC00-\uDFFF]|[\uD800-\uDBFF]$/); // no split surrogate pair
    }
  });

  it('spaces the middle passages evenly between head and tail', () => {
    const text = 'y'.repeat(1_000_000);
    const starts = excerptOf(text)
      .passages.slice(1, -1)
      .map((passage) => passage.start);
    const middle = 1_000_000 - EXCERPT_LIMITS.head - EXCERPT_LIMITS.tail;
    const expected = [1, 2, 3, 4].map((i) => EXCERPT_LIMITS.head + Math.round((middle * i) / 5) - EXCERPT_LIMITS.window / 2);
    expect(starts).toEqual(expected);
  });

  it('moves passage edges inward to word boundaries', () => {
    const text = longText(100_000);
    for (const passage of excerptOf(text).passages) {
      if (passage.start > 0) expect(text[passage.start - 1]).toMatch(/\s/);
      if (passage.end < text.length) expect(text[passage.end]).toMatch(/\s/);
    }
  });

  it('keeps middle passages apart when the text is barely over the threshold', () => {
    const { passages } = excerptOf('z'.repeat(12_500));
    for (let i = 1; i < passages.length; i += 1)
      expect(passages[i]?.start).toBeGreaterThanOrEqual(passages[i - 1]?.end as number);
  });

  it('honours other limits', () => {
    const limits = { threshold: 100, head: 40, tail: 20, windows: 2, window: 20 };
    const { passages } = excerptOf('w'.repeat(1_000), limits);
    expect(passages.map((passage) => [passage.start, passage.end])).toEqual([
      [0, 40],
      [343, 363],
      [657, 677],
      [980, 1_000],
    ]);
  });
});

describe('renderExcerpt', () => {
  it('heads every passage with its character range', () => {
    const text = 'w'.repeat(1_000);
    const rendered = renderExcerpt(excerptOf(text, { threshold: 100, head: 40, tail: 20, windows: 2, window: 20 }));
    expect(rendered).toBe(
      [
        `[characters 0 to 40 of 1,000]\n${'w'.repeat(40)}`,
        `[characters 343 to 363 of 1,000]\n${'w'.repeat(20)}`,
        `[characters 657 to 677 of 1,000]\n${'w'.repeat(20)}`,
        `[characters 980 to 1,000 of 1,000]\n${'w'.repeat(20)}`,
      ].join('\n\n'),
    );
  });
});
