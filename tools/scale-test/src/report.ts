/**
 * The run's report: each check printed as it finishes (PASS/FAIL and what it saw), the load
 * figures as a table, the figures in `.bench/scale.json`, and the check counts in
 * `test-results/scale.json` for the CI's closing test line.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { formatTable, writeBenchReport } from '@mcp-sampling/testing/bench';
import type { LoadFigures } from './scenarios/load.js';

/** One check's result. */
export interface CheckResult {
  server: string;
  name: string;
  passed: boolean;
  lines: string[];
}

/** Thrown by a check for a failure it can explain in lines. */
export class CheckFailure extends Error {
  constructor(
    message: string,
    readonly lines: string[] = [],
  ) {
    super(message);
  }
}

/** Throws a `CheckFailure` with `message` unless `condition` holds. */
export function expectThat(condition: boolean, message: string, lines: string[] = []): asserts condition {
  if (!condition) throw new CheckFailure(message, lines);
}

const print = (line = '') => process.stdout.write(`${line}\n`);

export class Report {
  readonly checks: CheckResult[] = [];
  readonly loads: LoadFigures[] = [];

  /** Prints the heading of one server's checks. */
  section(title: string): void {
    print();
    print(title);
  }

  /**
   * Runs one check, prints PASS or FAIL with the lines it returned (or its error), and records
   * it. `diagnostics` adds context to a failure (process logs).
   */
  async check(
    server: string,
    name: string,
    run: () => Promise<string[]>,
    diagnostics: () => string[] = () => [],
  ): Promise<boolean> {
    let result: CheckResult;
    try {
      result = { server, name, passed: true, lines: await run() };
    } catch (error) {
      const lines = [
        error instanceof Error ? error.message : String(error),
        ...(error instanceof CheckFailure ? error.lines : []),
        ...diagnostics(),
      ];
      result = { server, name, passed: false, lines };
    }
    this.checks.push(result);
    print(`  ${result.passed ? 'PASS' : 'FAIL'}  ${name}`);
    for (const line of result.lines) print(`        ${line}`);
    return result.passed;
  }

  /** Records a load run's figures (printed together at the end). */
  addLoad(figures: LoadFigures): void {
    this.loads.push(figures);
  }

  get passed(): number {
    return this.checks.filter((check) => check.passed).length;
  }

  get failed(): number {
    return this.checks.length - this.passed;
  }

  /** The load table and the one-replica-versus-three comparison. */
  printFigures(): void {
    if (this.loads.length === 0) return;
    print();
    print('Load: concurrent calls, host answers after a random 0-50 ms');
    const rows = [
      ['server', 'era', 'route', 'calls', 'lost', 'wall s', 'calls/s', 'tools/call per replica', 'calls on 2+ replicas'],
    ];
    for (const load of this.loads) {
      rows.push([
        load.server,
        load.era,
        load.route,
        String(load.calls),
        String(load.lost),
        load.wallSeconds.toFixed(2),
        load.callsPerSecond.toFixed(1),
        Object.entries(load.toolCallsPerReplica)
          .map(([name, count]) => `${name} ${count}`)
          .join(', '),
        String(load.callsOnSeveralReplicas),
      ]);
    }
    print(formatTable(rows, 3));
    for (const server of new Set(this.loads.map((load) => load.server))) {
      const direct = this.loads.find((load) => load.server === server && load.route === 'one replica, direct');
      const proxied = this.loads.find(
        (load) => load.server === server && load.route === 'HAProxy, 3 replicas' && load.era === direct?.era,
      );
      if (direct === undefined || proxied === undefined) continue;
      print(
        `${server}: ${proxied.callsPerSecond.toFixed(1)} calls/s through HAProxy to three replicas vs ` +
          `${direct.callsPerSecond.toFixed(1)} calls/s on one replica directly ` +
          `(${(proxied.callsPerSecond / direct.callsPerSecond).toFixed(2)}x; same load, same machine)`,
      );
    }
  }

  /** Writes `.bench/scale.json` (figures) and `test-results/scale.json` (check counts); returns the first path. */
  write(settings: Record<string, unknown>, packageDir: string): string {
    const benchFile = writeBenchReport('scale', {
      benchmark: 'scale',
      date: new Date().toISOString(),
      ...settings,
      loads: this.loads,
      checks: this.checks.map(({ server, name, passed }) => ({ server, name, passed })),
    });
    const results = path.join(packageDir, 'test-results');
    mkdirSync(results, { recursive: true });
    writeFileSync(
      path.join(results, 'scale.json'),
      `${JSON.stringify({ numPassedTests: this.passed, numFailedTests: this.failed, checks: this.checks }, null, 2)}\n`,
    );
    return benchFile;
  }
}
