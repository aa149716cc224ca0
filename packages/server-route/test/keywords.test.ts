import { describe, expect, it } from 'vitest';
import { decideByKeywords, describeKeywordWin, marginConfidence, RequestWords, scoreKeywords } from '../src/keywords.js';
import { DESK_ROUTES, manyRoutes, PHISHING_REQUEST } from './desk.js';

const words = (text: string) => new RequestWords(text);

describe('the keyword matcher', () => {
  it('matches whole words only, case-insensitively', () => {
    const routes = [{ name: 'billing', keywords: ['Refund'] }];
    expect(scoreKeywords(words('I want a REFUND.'), routes)[0]?.matched).toEqual(['Refund']);
    expect(scoreKeywords(words('Refunds are slow'), routes)[0]?.matched).toEqual([]);
    expect(scoreKeywords(words('nonrefund fee'), routes)[0]?.matched).toEqual([]);
  });

  it('matches phrases as consecutive words, whatever separates them', () => {
    const routes = [{ name: 'billing', keywords: ['credit card'] }];
    expect(scoreKeywords(words('My credit-card was charged'), routes)[0]?.matched).toEqual(['credit card']);
    expect(scoreKeywords(words('My Credit  Card was charged'), routes)[0]?.matched).toEqual(['credit card']);
    expect(scoreKeywords(words('credit on my card'), routes)[0]?.matched).toEqual([]);
    expect(scoreKeywords(words('card credit'), routes)[0]?.matched).toEqual([]);
    // A phrase whose first word repeats is found at its second occurrence.
    expect(scoreKeywords(words('credit note, then credit card'), routes)[0]?.matched).toEqual(['credit card']);
  });

  it('counts each distinct keyword once, however often it occurs', () => {
    const routes = [{ name: 'billing', keywords: ['refund', 'REFUND', 'invoice'] }];
    expect(scoreKeywords(words('refund refund refund'), routes)[0]?.matched).toEqual(['refund']);
  });

  it('picks the highest score, and the earlier route on a tie', () => {
    const routes = [
      { name: 'a', keywords: ['alpha'] },
      { name: 'b', keywords: ['beta', 'gamma'] },
      { name: 'c', keywords: ['beta', 'gamma'] },
    ];
    expect(decideByKeywords(words('alpha beta gamma'), routes)).toMatchObject({ route: 'b', score: 2, runnerUp: 2, tie: true });
    expect(decideByKeywords(words('alpha'), routes)).toMatchObject({ route: 'a', score: 1, runnerUp: 0, tie: false });
    expect(decideByKeywords(words('delta'), routes)).toBeUndefined();
    expect(decideByKeywords(words('alpha'), [{ name: 'x' }])).toBeUndefined();
  });

  it('decides the phishing request for security over billing', () => {
    const decision = decideByKeywords(words(PHISHING_REQUEST), DESK_ROUTES);
    expect(decision).toEqual({
      route: 'security',
      score: 2,
      runnerUp: 1,
      tie: false,
      matched: ['phishing', 'hacked'],
      confidence: 0.5,
    });
    expect(describeKeywordWin(decision as NonNullable<typeof decision>)).toBe("'security' matched 2 keywords (phishing, hacked)");
  });

  it('grades confidence by margin and never reaches 1', () => {
    expect(marginConfidence(1, 0)).toBe(0.5);
    expect(marginConfidence(2, 0)).toBe(0.67);
    expect(marginConfidence(3, 0)).toBe(0.75);
    expect(marginConfidence(1, 1)).toBe(0.33);
    expect(marginConfidence(50, 0)).toBeLessThan(1);
  });

  it('says when a tie was broken by order', () => {
    const decision = decideByKeywords(words('beta'), [
      { name: 'b', keywords: ['beta'] },
      { name: 'c', keywords: ['beta'] },
    ]);
    expect(describeKeywordWin(decision as NonNullable<typeof decision>)).toBe(
      "'b' matched 1 keyword (beta), tied with another route and chosen because it is listed first",
    );
  });

  it('reads the largest input with one index lookup per distinct keyword: 50,000 characters against 100 routes of 50 keywords', () => {
    // Work is bounded by counts, not by a clock: the request is split and indexed once, and each
    // distinct keyword costs one phrase lookup. Its speed is measured in `pnpm bench`.
    class CountingWords extends RequestWords {
      lookups = 0;
      override hasPhrase(phrase: readonly string[]): boolean {
        this.lookups += 1;
        return super.hasPhrase(phrase);
      }
    }
    const routes = manyRoutes(100).map((route, i) => ({
      name: route.name,
      keywords: Array.from({ length: 50 }, (_, k) => `word${(i * 50 + k) % 997} next${k}`),
    }));
    const request = Array.from({ length: 8_000 }, (_, i) => `word${i % 997}`)
      .join(' ')
      .slice(0, 50_000);
    const indexed = new CountingWords(request);
    const decision = decideByKeywords(indexed, routes);
    expect(indexed.lookups).toBe(100 * 50);
    expect(decision).toBeUndefined(); // "wordN nextK" never occurs: every keyword was looked up, none matched
  });
});
