import { describe, expect, it } from 'vitest';
import { classifyHeuristically, HEURISTIC_MAX_CONFIDENCE, overlapScore, stem, terms } from '../src/heuristic.js';
import { longText, manyLabels, REFUND_TICKET, SUPPORT_LABELS } from './fixtures.js';

describe('stem and terms', () => {
  it.each([
    ['billing', 'bill'],
    ['billed', 'bill'],
    ['bills', 'bill'],
    ['invoices', 'invoic'],
    ['invoicing', 'invoic'],
    ['invoice', 'invoic'],
    ['queries', 'query'],
    ['status', 'status'],
    ['class', 'class'],
    ['bus', 'bus'],
  ])('stems %s to %s', (word, expected) => {
    expect(stem(word)).toBe(expected);
  });

  it('lower-cases, splits on punctuation and drops stopwords and single letters', () => {
    expect(terms('The INVOICE was wrong: a refund, please!')).toEqual(['invoic', 'wrong', 'refund', 'pleas']);
  });
});

describe('overlapScore', () => {
  const text = new Set(terms(REFUND_TICKET));

  it('weighs name words double', () => {
    // name "Billing" (bill, weight 2, absent from the ticket); description words: invoic, payment, refund, charg (all present)
    expect(overlapScore(text, 'Billing', 'Invoices, payments, refunds and charges.')).toBeCloseTo(4 / 6);
  });

  it('is 0 when nothing overlaps or the label has no usable words', () => {
    expect(overlapScore(text, 'Technical', 'Errors, crashes, outages and bugs.')).toBe(0);
    expect(overlapScore(text, 'It', '')).toBe(0);
  });
});

describe('classifyHeuristically', () => {
  it('picks the label with the most overlap, with an honest low confidence and a lexical rationale', () => {
    const result = classifyHeuristically({ text: REFUND_TICKET, labels: SUPPORT_LABELS, multiLabel: false });
    expect(result).toEqual({
      label: 'Billing',
      labels: [{ label: 'Billing', confidence: 0.33 }],
      rationale: 'Lexical matching only (no model was used): "Billing" shares the most words with the text.',
    });
  });

  it('never claims more than the cap, even for a perfect match', () => {
    const result = classifyHeuristically({ text: 'billing billing', labels: ['Billing', 'Sales'], multiLabel: false });
    expect(result.labels[0]).toEqual({ label: 'Billing', confidence: HEURISTIC_MAX_CONFIDENCE });
  });

  it('gives the first label at confidence 0 when nothing overlaps', () => {
    const result = classifyHeuristically({ text: 'The weather was lovely.', labels: SUPPORT_LABELS, multiLabel: false });
    expect(result.label).toBe('Billing');
    expect(result.labels).toEqual([{ label: 'Billing', confidence: 0 }]);
    expect(result.rationale).toMatch(/no label's words appear in the text/);
  });

  it('keeps up to 2 runners-up that overlap at all', () => {
    const labels = ['Refund', 'Payment', 'Invoice', 'Charge', 'Weather'];
    const result = classifyHeuristically({ text: REFUND_TICKET, labels, multiLabel: false });
    expect(result.labels.map((entry) => entry.label)).toEqual(['Refund', 'Payment', 'Invoice']);
    expect(result.labels.every((entry) => entry.confidence === 0.5)).toBe(true);
  });

  it('returns every label with at least half its words in multi-label mode, or none', () => {
    const labels = [
      { name: 'Refund', description: 'Money back.' },
      { name: 'Duplicate payment' },
      { name: 'Outage', description: 'Service down.' },
    ];
    const result = classifyHeuristically({ text: REFUND_TICKET, labels, multiLabel: true });
    expect(result).toMatchObject({
      label: 'Duplicate payment',
      labels: [
        { label: 'Duplicate payment', confidence: 0.5 }, // both name words occur
        { label: 'Refund', confidence: 0.25 }, // its name occurs, its description does not
      ],
    });

    const none = classifyHeuristically({ text: 'The weather was lovely.', labels, multiLabel: true });
    expect(none).toEqual({ label: null, labels: [], rationale: expect.stringMatching(/^Lexical matching only.*no label/) });
  });

  it('answers the largest inputs deterministically (its speed is measured in `pnpm bench`)', () => {
    const input = { text: longText(200_000), labels: manyLabels(100), multiLabel: false };
    const first = classifyHeuristically(input);
    expect(input.labels.map((label) => label.name)).toContain(first.label);
    expect(first.labels.length).toBeLessThanOrEqual(3);
    for (const scored of first.labels) expect(scored.confidence).toBeLessThanOrEqual(HEURISTIC_MAX_CONFIDENCE);
    expect(classifyHeuristically(input)).toEqual(first);
  });
});
