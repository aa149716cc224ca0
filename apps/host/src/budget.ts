/**
 * Token limits a host puts on the servers it lends its model to: a cap per request (larger asks
 * are clamped to it) and a budget for the whole session (the sum of `maxTokens` granted; a request
 * that no longer fits is declined). Granted tokens are an upper bound on what the model may write,
 * so the budget holds whatever the provider reports.
 */

/** A request's `maxTokens` after the per-request cap. */
export interface Grant {
  requested: number;
  granted: number;
  clamped: boolean;
}

/** Clamp `requested` to `cap` (no cap: unchanged). */
export function clampMaxTokens(requested: number, cap?: number): Grant {
  if (cap === undefined || requested <= cap) return { requested, granted: requested, clamped: false };
  return { requested, granted: cap, clamped: true };
}

/** The session's token budget: the sum of `maxTokens` granted so far, against an optional limit. */
export class TokenBudget {
  private spent = 0;

  /** `limit` undefined means no budget. */
  constructor(readonly limit?: number) {}

  /** Tokens granted so far. */
  get granted(): number {
    return this.spent;
  }

  /** Tokens left, or `undefined` without a limit. */
  get remaining(): number | undefined {
    return this.limit === undefined ? undefined : Math.max(0, this.limit - this.spent);
  }

  /** Whether a request of `tokens` would fit. */
  fits(tokens: number): boolean {
    return this.limit === undefined || this.spent + tokens <= this.limit;
  }

  /** Grant `tokens` if they fit; false (and nothing granted) if they do not. */
  take(tokens: number): boolean {
    if (!this.fits(tokens)) return false;
    this.spent += tokens;
    return true;
  }

  /** Why a request of `tokens` does not fit, for the decline message. */
  refusal(tokens: number): string {
    return `the session token budget is exhausted (${this.spent} of ${this.limit} tokens granted; this request needs ${tokens})`;
  }
}
