import { foldedWordsOf as wordsOf } from '@mcp-sampling/text';
import { describe, expect, it } from 'vitest';
import { normaliseAnswer } from '../src/answer.js';
import { RouteBook } from '../src/route-book.js';
import { hasWord, normaliseName } from '../src/words.js';

describe('words and name normalisation', () => {
  it('splits on everything but letters, digits and marks, lower-cased', () => {
    expect(wordsOf('Tech-Support, 2FA! e-mail_address')).toEqual(['tech', 'support', '2fa', 'e', 'mail', 'address']);
    expect(wordsOf('  ')).toEqual([]);
    expect(wordsOf('Ｆａｃｔｕｒａｃｉóｎ')).toEqual(['facturación']); // NFKC folds full-width letters
    expect(wordsOf('हिन्दी सहायता')).toEqual(['हिन्दी', 'सहायता']); // combining marks stay inside words
  });

  it('normalises case, spacing and punctuation of names', () => {
    for (const spelling of ['Tech Support', 'tech-support', ' TECH_support! ', 'Tech  Support.']) {
      expect(normaliseName(spelling)).toBe('tech support');
    }
    expect(normaliseName('Accounts & Billing')).toBe('accounts billing');
    expect(normaliseName('billing')).not.toBe(normaliseName('billings'));
  });

  it('knows a name needs a word', () => {
    expect(hasWord('--!')).toBe(false);
    expect(hasWord('a')).toBe(true);
    expect(hasWord('7')).toBe(true);
    expect(hasWord('\uFE0F\u034F\u200D')).toBe(false); // variation selector, grapheme joiner, zero-width joiner
    expect(hasWord('\u0301')).toBe(false); // a combining mark alone is no letter
    expect(hasWord('e\u0301')).toBe(true);
  });

  it('finds the canonical route for any spelling, and nothing for another word', () => {
    const book = new RouteBook([
      { name: 'Tech Support', description: 'd' },
      { name: 'billing', description: 'd' },
    ]);
    expect(book.canonical('TECH-SUPPORT')).toBe('Tech Support');
    expect(book.canonical('Billing!')).toBe('billing');
    expect(book.canonical('bill')).toBeUndefined();
  });

  it('maps the answer before validation and leaves other shapes alone', () => {
    const normalise = normaliseAnswer(new RouteBook([{ name: 'Tech Support', description: 'd' }]));
    expect(normalise({ route: 'tech support', confidence: 0.7, reason: ' Bug.\n ' })).toEqual({
      route: 'Tech Support',
      confidence: 0.7,
      reason: 'Bug.',
    });
    expect(normalise({ route: 'marketing', confidence: 1, reason: 'r' })).toEqual({
      route: 'marketing',
      confidence: 1,
      reason: 'r',
    });
    expect(normalise(['tech support'])).toEqual(['tech support']);
    expect(normalise(null)).toBeNull();
    expect(normalise({ route: 7 })).toEqual({ route: 7 });
  });
});
