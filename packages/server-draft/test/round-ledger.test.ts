import { MAX_ROUNDS } from '@mcp-sampling/kit';
import { describe, expect, it } from 'vitest';
import { MAX_REVISIONS, RoundLedger } from '../src/round-ledger.js';

/** The ledger after the steps before revisions: context (0 or 1), outline with repairs, draft. */
function ledgerAfterDraft(longContext: boolean, outlineRepairs: number): RoundLedger {
  const ledger = new RoundLedger();
  if (longContext) ledger.spend('context', 1);
  ledger.spend('outline', 1 + outlineRepairs);
  ledger.spend('draft', 1);
  return ledger;
}

describe('RoundLedger', () => {
  it('starts with the kit budget of 6', () => {
    expect(MAX_ROUNDS).toBe(6);
    expect(new RoundLedger().remaining).toBe(6);
    expect(MAX_REVISIONS).toBe(2);
  });

  it.each([
    [false, 0, 2, 4],
    [false, 2, 2, 6],
    [true, 0, 2, 5],
    [true, 1, 2, 6],
    [true, 2, 1, 6],
  ])('long context %s, %i outline repairs: %i revisions, %i rounds at most', (longContext, repairs, revisions, total) => {
    const ledger = ledgerAfterDraft(longContext, repairs);
    expect(ledger.revisionsAllowed()).toBe(revisions);
    for (let n = 1; n <= revisions; n += 1) ledger.spend(`revise:${n}`, 1);
    expect(ledger.used).toBe(total);
    expect(ledger.used).toBeLessThanOrEqual(MAX_ROUNDS);
  });

  it('records what was spent, in order', () => {
    const ledger = ledgerAfterDraft(true, 1);
    expect(ledger.entries).toEqual([
      { step: 'context', rounds: 1 },
      { step: 'outline', rounds: 2 },
      { step: 'draft', rounds: 1 },
    ]);
    expect(ledger.used).toBe(4);
  });

  it('refuses to overspend, and allows no revision when nothing is left', () => {
    const ledger = new RoundLedger(3);
    ledger.spend('outline', 3);
    expect(ledger.revisionsAllowed()).toBe(0);
    expect(() => ledger.spend('draft', 1)).toThrow(/would take the call to 4 rounds; the budget is 3/);
    expect(() => ledger.spend('draft', -1)).toThrow(RangeError);
  });
});
