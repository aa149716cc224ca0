import { describe, expect, it } from 'vitest';
import { findDuplicateLabel, labelKey, labelMatcher, labelSpecs } from '../src/labels.js';

describe('labelKey', () => {
  it.each([
    ['Billing', 'billing'],
    ['  BILLING.', 'billing'],
    ['billing!!', 'billing'],
    ['Follow-up', 'follow up'],
    ['follow   up', 'follow up'],
    ['"Follow_up"', 'follow up'],
    ['Ｂｉｌｌｉｎｇ', 'billing'], // full-width letters, folded by NFKC
    ['Café', 'café'],
    ['हिन्दी', 'हिन्दी'], // combining marks are kept
    ['C++', 'c'],
  ])('maps %j to %j', (name, key) => {
    expect(labelKey(name)).toBe(key);
  });
});

describe('findDuplicateLabel', () => {
  it('finds the first pair that shares a key', () => {
    expect(findDuplicateLabel(['Billing', 'Sales', 'Technical', ' sales.', 'billing'])).toEqual({ first: 1, second: 3 });
  });

  it('finds none among distinct names', () => {
    expect(findDuplicateLabel(['Billing', 'Bill', 'Billing issue'])).toBeUndefined();
  });

  it('treats names that differ only in punctuation as the same label', () => {
    expect(findDuplicateLabel(['C++', 'C#'])).toEqual({ first: 0, second: 1 });
  });
});

describe('labelMatcher', () => {
  const match = labelMatcher(['Billing', 'Follow-up', 'Technical']);

  it('returns the canonical name for any matching spelling', () => {
    expect(match('  BILLING.')).toBe('Billing');
    expect(match('follow up')).toBe('Follow-up');
    expect(match('Technical')).toBe('Technical');
  });

  it('returns undefined for a label outside the set', () => {
    expect(match('Refunds')).toBeUndefined();
    expect(match('Bill')).toBeUndefined();
    expect(match('')).toBeUndefined();
  });
});

describe('labelSpecs', () => {
  it('gives every label the object shape and drops blank descriptions', () => {
    expect(labelSpecs(['Sales', { name: 'Billing', description: '  Money.  ' }, { name: 'Other', description: ' ' }])).toEqual([
      { name: 'Sales' },
      { name: 'Billing', description: 'Money.' },
      { name: 'Other' },
    ]);
  });

  it('drops descriptions made only of invisible characters', () => {
    expect(
      labelSpecs([
        { name: 'Billing', description: '\u200B\u200C\uFEFF' },
        { name: 'Sales', description: ' \u2060 ' },
      ]),
    ).toEqual([{ name: 'Billing' }, { name: 'Sales' }]);
  });
});
