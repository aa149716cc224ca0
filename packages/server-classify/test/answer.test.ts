import { describe, expect, it } from 'vitest';
import { answerSchema, canonicaliseAnswer, MULTI_LABEL_THRESHOLD, rankLabels } from '../src/answer.js';

const NAMES = ['Billing', 'Technical', 'Sales', 'Account'];
const entries = (pairs: Array<[string, number]>) => pairs.map(([label, confidence]) => ({ label, confidence }));

describe('canonicaliseAnswer', () => {
  const canonicalise = canonicaliseAnswer(NAMES);

  it('maps matching spellings to the canonical names and leaves the rest to validation', () => {
    const value = {
      labels: [{ label: ' billing.', confidence: 0.9 }, { label: 'Refunds', confidence: 0.5 }, 42],
      rationale: 'r',
    };
    expect(canonicalise(value)).toEqual({
      labels: [{ label: 'Billing', confidence: 0.9 }, { label: 'Refunds', confidence: 0.5 }, 42],
      rationale: 'r',
    });
  });

  it.each([[null], ['Billing'], [[{ label: 'billing' }]], [{ labels: 'billing' }]])('passes %j through unchanged', (value) => {
    expect(canonicalise(value)).toEqual(value);
  });
});

describe('answerSchema', () => {
  it('accepts only the given names, confidences in 0..1, and at least one label in single-label mode', () => {
    const single = answerSchema(NAMES, false);
    expect(single.safeParse({ labels: entries([['Sales', 0.4]]), rationale: '' }).success).toBe(true);
    expect(single.safeParse({ labels: entries([['sales', 0.4]]), rationale: '' }).success).toBe(false);
    expect(single.safeParse({ labels: entries([['Sales', 1.2]]), rationale: '' }).success).toBe(false);
    expect(single.safeParse({ labels: [], rationale: '' }).success).toBe(false);
    expect(answerSchema(NAMES, true).safeParse({ labels: [], rationale: '' }).success).toBe(true);
  });

  it('returns the same schema object for the same label set and mode, within a bounded memo', () => {
    const first = answerSchema(NAMES, false);
    expect(answerSchema([...NAMES], false)).toBe(first);
    expect(answerSchema(NAMES, true)).not.toBe(first);
    expect(answerSchema(NAMES.slice(1), false)).not.toBe(first);
    for (let i = 0; i < 40; i += 1) answerSchema([`a${i}`, `b${i}`], false); // pushes NAMES out of the memo
    const rebuilt = answerSchema(NAMES, false);
    expect(rebuilt).not.toBe(first);
    expect(rebuilt.safeParse({ labels: entries([['Sales', 0.4]]), rationale: '' }).success).toBe(true);
  });
});

describe('rankLabels', () => {
  it('sorts by confidence, keeps the model order on ties, and keeps 3 in single-label mode', () => {
    const ranked = rankLabels(
      entries([
        ['Technical', 0.2],
        ['Billing', 0.6],
        ['Sales', 0.2],
        ['Account', 0.1],
      ]),
      false,
    );
    expect(ranked).toEqual({
      label: 'Billing',
      labels: entries([
        ['Billing', 0.6],
        ['Technical', 0.2],
        ['Sales', 0.2],
      ]),
    });
  });

  it('merges a repeated label, keeping its highest confidence', () => {
    expect(
      rankLabels(
        entries([
          ['Sales', 0.3],
          ['Billing', 0.5],
          ['Sales', 0.8],
        ]),
        false,
      ).labels,
    ).toEqual(
      entries([
        ['Sales', 0.8],
        ['Billing', 0.5],
      ]),
    );
  });

  it(`keeps labels at or above ${MULTI_LABEL_THRESHOLD} in multi-label mode, and gives null when none is left`, () => {
    expect(
      rankLabels(
        entries([
          ['Sales', 0.5],
          ['Billing', 0.9],
          ['Account', 0.49],
        ]),
        true,
      ),
    ).toEqual({
      label: 'Billing',
      labels: entries([
        ['Billing', 0.9],
        ['Sales', 0.5],
      ]),
    });
    expect(rankLabels(entries([['Sales', 0.3]]), true)).toEqual({ label: null, labels: [] });
    expect(rankLabels([], true)).toEqual({ label: null, labels: [] });
  });
});
