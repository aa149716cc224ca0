/**
 * Judges one scenario from the checks the suite wrote (`checks.json`), check by check: the suite's
 * exit code and summary line are never consulted, because they can report success for checks that
 * did not pass (an `untestable` FAILURE, a vacuous pass when a tool is missing).
 */

/** One entry of the suite's `checks.json`. */
export interface SuiteCheck {
  id: string;
  status: string;
  errorMessage?: string;
  details?: Record<string, unknown>;
}

/** What a scenario's checks came to. */
export interface Verdict {
  passed: boolean;
  /** Count of each status, e.g. `{ SUCCESS: 3 }`. */
  statuses: Record<string, number>;
  /** Checks that did not pass and were not allowed: `id STATUS: message`. */
  problems: string[];
  /** Checks that did not pass but the expectations allow, with the allowance's reason. */
  allowed: string[];
}

/** Statuses that carry no verdict (the suite's own log lines). */
const NEUTRAL = new Set(['INFO']);

/**
 * A check passes when its status is SUCCESS and its details do not mark it untestable; INFO is
 * neutral; anything else must be allowed by `allow` (check id → reason). A scenario with no
 * passing check fails: nothing was shown to work.
 */
export function judgeChecks(checks: readonly SuiteCheck[], allow: Readonly<Record<string, string>> = {}): Verdict {
  const statuses: Record<string, number> = {};
  const problems: string[] = [];
  const allowed: string[] = [];
  let successes = 0;
  for (const check of checks) {
    const untestable = check.details?.untestable === true;
    const status = untestable ? `${check.status} (untestable)` : check.status;
    statuses[status] = (statuses[status] ?? 0) + 1;
    if (check.status === 'SUCCESS' && !untestable) {
      successes += 1;
      continue;
    }
    if (NEUTRAL.has(check.status)) continue;
    const reason = allow[check.id];
    const line = `${check.id} ${status}${check.errorMessage ? `: ${oneLine(check.errorMessage)}` : ''}`;
    if (reason === undefined) problems.push(line);
    else allowed.push(`${check.id} ${status} (allowed: ${reason})`);
  }
  if (successes === 0) problems.push('no check succeeded');
  return { passed: problems.length === 0, statuses, problems, allowed };
}

/** The statuses as `3 SUCCESS, 1 WARNING`. */
export function formatStatuses(statuses: Readonly<Record<string, number>>): string {
  const parts = Object.entries(statuses).map(([status, count]) => `${count} ${status}`);
  return parts.length === 0 ? 'no checks' : parts.join(', ');
}

function oneLine(text: string): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  return flat.length > 200 ? `${flat.slice(0, 199)}…` : flat;
}
