import { describe, expect, it } from 'vitest';
import { countWords, extractiveSummary, foldedWordsOf, isRecord, recentlyUsed } from '../src/index.js';
import { sentencesOf } from '../src/sentences.js';
import { stem } from '../src/stem.js';
import { contentWordsOf } from '../src/words.js';

describe('text utilities', () => {
  it('finds whole sentences and drops headings and list markers', () => {
    expect(sentencesOf('Title\n- The first point is here. The second one follows!\nA fragment without end')).toEqual([
      'The first point is here.',
      'The second one follows!',
    ]);
  });

  it('keeps content words only', () => {
    expect(contentWordsOf('The refund was sent to you by the bank.')).toEqual(['refund', 'sent', 'bank']);
  });

  it('summarises extractively within the budget, in the original order', () => {
    const text =
      'The harbour board met in May. The harbour wall needs repair, the harbour board said. ' +
      'Lunch was served. The repair of the harbour wall will cost ten thousand pounds.';
    const summary = extractiveSummary(text, 20);
    expect(summary.join(' ').split(/\s+/).length).toBeLessThanOrEqual(20);
    expect(summary).toContain('The repair of the harbour wall will cost ten thousand pounds.');
    expect(summary).not.toContain('Lunch was served.');
    expect(extractiveSummary('Apples grow on trees in the orchard.', 20)).not.toEqual(
      extractiveSummary('Ships sail from the harbour at dawn.', 20),
    );
  });

  it('stems plurals and verb endings of longer words only', () => {
    expect(stem('refunds')).toBe('refund');
    expect(stem('billing')).toBe('bill');
    expect(stem('bus')).toBe('bus');
  });

  it('counts words that hold a letter or digit, not bullet dashes', () => {
    expect(countWords('- one\n- two, 3 four')).toBe(4);
    expect(countWords('  ')).toBe(0);
    expect(countWords('— … 42')).toBe(1);
  });

  it('folds words for matching: NFKC, lower case, marks inside words, anything else separates', () => {
    expect(foldedWordsOf("Tech-Support, 2FA! don't")).toEqual(['tech', 'support', '2fa', 'don', 't']);
    expect(foldedWordsOf('Ｆａｃｔｕｒａｃｉóｎ')).toEqual(['facturación']);
    expect(foldedWordsOf('हिन्दी')).toEqual(['हिन्दी']);
  });
});

describe('answer helpers', () => {
  it('tells a JSON object from null, arrays and scalars', () => {
    expect(isRecord({ a: 1 })).toBe(true);
    expect([null, [], 'x', 1].map(isRecord)).toEqual([false, false, false, false]);
  });

  it('keeps the most recently used values and builds each key once while kept', () => {
    const memo = recentlyUsed<object>(2);
    let built = 0;
    const build = () => ({ n: ++built });
    const a = memo('a', build);
    memo('b', build);
    expect(memo('a', build)).toBe(a); // kept; 'b' is now the least recently used
    memo('c', build); // forgets 'b'
    expect(memo('a', build)).toBe(a);
    expect(built).toBe(3);
    memo('b', build);
    expect(built).toBe(4);
  });
});
