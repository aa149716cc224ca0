import { describe, expect, it } from 'vitest';
import { contentWordsOf, extractiveSummary, lexicalOverlap, sentencesOf, stem } from '../src/index.js';

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

  it('measures lexical overlap on stems', () => {
    expect(stem('refunds')).toBe('refund');
    expect(lexicalOverlap('I want my refunds for the billing error', 'Billing and refund questions')).toBe(2 / 3);
    expect(lexicalOverlap('hello there', 'Billing')).toBe(0);
    expect(lexicalOverlap('anything', 'the a of')).toBe(0);
  });
});
