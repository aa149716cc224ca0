/**
 * The round ledger: `run` counts the rounds it has spent so the revisions it asks for never take the
 * call past the kit's budget (`MAX_ROUNDS`, 6). A round is one wave of steps that depend on the
 * answers before them: a fan-out is one round, each `sampleJson` repair is one more.
 *
 * | step                                     | rounds                |
 * |------------------------------------------|-----------------------|
 * | context parts (only for long context)    | 0 or 1                |
 * | outline (`sampleJson`, up to 2 repairs)  | 1 to 3                |
 * | draft                                    | 1                     |
 * | revisions                                | what is left, at most 2 |
 *
 * So 6 rounds at worst: long context, an outline that needed both repairs and a draft use 5, which
 * leaves room for one revision instead of two.
 */
import { MAX_ROUNDS } from '@mcp-sampling/kit';

/** Most revision steps one call makes, budget permitting. */
export const MAX_REVISIONS = 2;

/** One line of the ledger. */
export interface LedgerEntry {
  step: string;
  rounds: number;
}

/** Rounds spent so far in one execution of `run`. Deterministic: a fresh ledger per execution. */
export class RoundLedger {
  private readonly spent: LedgerEntry[] = [];

  constructor(readonly budget: number = MAX_ROUNDS) {}

  /** Record `rounds` spent on `step`. Overspending is a bug in the tool, so it throws. */
  spend(step: string, rounds: number): void {
    if (!Number.isInteger(rounds) || rounds < 0) throw new RangeError(`rounds must be a whole number (got ${rounds})`);
    if (this.used + rounds > this.budget) {
      throw new Error(`Step '${step}' would take the call to ${this.used + rounds} rounds; the budget is ${this.budget}.`);
    }
    this.spent.push({ step, rounds });
  }

  /** Rounds spent so far. */
  get used(): number {
    return this.spent.reduce((total, entry) => total + entry.rounds, 0);
  }

  /** Rounds still available. */
  get remaining(): number {
    return this.budget - this.used;
  }

  /** Revisions the call may still make: one round each, at most `MAX_REVISIONS`. */
  revisionsAllowed(): number {
    return Math.max(0, Math.min(MAX_REVISIONS, this.remaining));
  }

  /** The entries, in the order they were spent. */
  get entries(): readonly LedgerEntry[] {
    return this.spent;
  }
}
