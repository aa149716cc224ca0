import { describe, expect, it } from 'vitest';
import { clampMaxTokens, TokenBudget } from '../src/budget.js';

describe('clampMaxTokens', () => {
  it('leaves a request at or under the cap alone and clamps one over it', () => {
    expect(clampMaxTokens(100, 100)).toEqual({ requested: 100, granted: 100, clamped: false });
    expect(clampMaxTokens(400, 256)).toEqual({ requested: 400, granted: 256, clamped: true });
    expect(clampMaxTokens(4000)).toEqual({ requested: 4000, granted: 4000, clamped: false });
  });
});

describe('TokenBudget', () => {
  it('grants until the next request would pass the limit, then refuses without spending', () => {
    const budget = new TokenBudget(500);
    expect(budget.take(300)).toBe(true);
    expect(budget.take(200)).toBe(true);
    expect(budget.remaining).toBe(0);
    expect(budget.take(1)).toBe(false);
    expect(budget.granted).toBe(500);
    expect(budget.refusal(1)).toBe('the session token budget is exhausted (500 of 500 tokens granted; this request needs 1)');
  });

  it('a smaller request can still fit after a larger one was refused', () => {
    const budget = new TokenBudget(100);
    expect(budget.take(60)).toBe(true);
    expect(budget.fits(60)).toBe(false);
    expect(budget.take(40)).toBe(true);
  });

  it('without a limit everything fits', () => {
    const budget = new TokenBudget();
    expect(budget.take(1_000_000)).toBe(true);
    expect(budget.remaining).toBeUndefined();
  });
});
