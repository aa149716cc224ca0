import { describe, expect, it } from 'vitest';
import { coverage } from '../src/runner/expectations.js';
import { formatStatuses, judgeChecks } from '../src/runner/judge.js';

describe('judgeChecks', () => {
  it('passes a scenario whose checks all succeeded, INFO being neutral', () => {
    const verdict = judgeChecks([
      { id: 'a', status: 'SUCCESS' },
      { id: 'log', status: 'INFO' },
    ]);
    expect(verdict.passed).toBe(true);
    expect(formatStatuses(verdict.statuses)).toBe('1 SUCCESS, 1 INFO');
  });

  it('fails an untestable check even when the suite counts the scenario otherwise', () => {
    const verdict = judgeChecks([
      { id: 'a', status: 'SUCCESS' },
      { id: 'b', status: 'FAILURE', errorMessage: 'Not testable', details: { untestable: true } },
    ]);
    expect(verdict.passed).toBe(false);
    expect(verdict.problems).toEqual(['b FAILURE (untestable): Not testable']);
  });

  it('treats a SUCCESS marked untestable as no success', () => {
    const verdict = judgeChecks([{ id: 'a', status: 'SUCCESS', details: { untestable: true } }]);
    expect(verdict.passed).toBe(false);
    expect(verdict.problems).toContain('no check succeeded');
  });

  it('accepts a shortfall only for the check ids the expectations allow, and names the reason', () => {
    const checks = [
      { id: 'ok', status: 'SUCCESS' },
      { id: 'warn', status: 'WARNING', errorMessage: 'SHOULD' },
    ];
    expect(judgeChecks(checks).passed).toBe(false);
    const allowed = judgeChecks(checks, { warn: 'no such feature' });
    expect(allowed.passed).toBe(true);
    expect(allowed.allowed).toEqual(['warn WARNING (allowed: no such feature)']);
  });

  it('fails a scenario that wrote no checks', () => {
    expect(judgeChecks([]).passed).toBe(false);
  });
});

describe('coverage', () => {
  it('names scenarios missing from the expectations and stale entries', () => {
    expect(coverage(['a', 'b'], { b: {}, c: {} })).toEqual({ missing: ['a'], stale: ['c'] });
  });
});
