/**
 * `pnpm test:conformance`: the official MCP conformance suite, server scenarios against the
 * fixture (served by the kit's `--http`), client scenarios against `mcp-sampling-host`. Every
 * scenario is judged from its own checks against expectations.json; one line per scenario, then
 * `conformance: N passed, N failed, N not applicable`. Exit 1 on any unexpected outcome.
 */
import { mkdirSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { coverage, type Expectation, isExpected, loadExpectations } from './runner/expectations.js';
import { startFixture } from './runner/fixture-process.js';
import { formatStatuses, judgeChecks } from './runner/judge.js';
import { ensureSuite, listScenarios, runScenario, type SuiteInstall } from './runner/suite.js';

const PACKAGE = resolve(dirname(fileURLToPath(import.meta.url)), '..');
/** The repository: its scripts/fetch-node.mjs pins and fetches the Node that runs the suite. */
const REPO = resolve(PACKAGE, '..', '..');
/** Hang guard for one scenario; the suite's own per-scenario timeout is 30 s. */
const SCENARIO_LIMIT_MS = 180_000;

const tally = { passed: 0, failed: 0, notApplicable: 0 };

function report(side: string, name: string, outcome: 'pass' | 'FAIL' | 'n/a', text: string, more: string[] = []): void {
  if (outcome === 'pass') tally.passed += 1;
  else if (outcome === 'FAIL') tally.failed += 1;
  else tally.notApplicable += 1;
  process.stdout.write(`${outcome.padEnd(4)} ${side} ${name}: ${text}\n`);
  for (const line of more) process.stdout.write(`       ${line}\n`);
}

async function judgeScenario(
  suite: SuiteInstall,
  side: 'server' | 'client',
  name: string,
  entry: Expectation,
  args: string[],
  outDir: string,
): Promise<void> {
  if (!isExpected(entry)) return report(side, name, 'n/a', entry.notApplicable);
  const result = await runScenario(suite, [...args, '--scenario', name], join(outDir, side, name), SCENARIO_LIMIT_MS);
  if ('error' in result) return report(side, name, 'FAIL', result.error);
  const verdict = judgeChecks(result.checks, entry.allow);
  report(side, name, verdict.passed ? 'pass' : 'FAIL', formatStatuses(verdict.statuses), [
    ...verdict.problems,
    ...verdict.allowed,
  ]);
}

async function main(): Promise<void> {
  const expectations = loadExpectations(join(PACKAGE, 'expectations.json'));
  const suite = await ensureSuite(REPO, join(PACKAGE, '.cache'), expectations.suite, expectations.node);
  const outDir = join(PACKAGE, 'results', new Date().toISOString().replace(/[:.]/g, '-'));
  mkdirSync(outDir, { recursive: true });
  process.stdout.write(
    `conformance: @modelcontextprotocol/conformance@${expectations.suite} on Node ${suite.nodeVersion}; results in ${outDir}\n`,
  );

  const listed = await listScenarios(suite);
  for (const side of ['server', 'client'] as const) {
    const { missing, stale } = coverage(listed[side], expectations[side]);
    for (const name of missing) report(side, name, 'FAIL', 'listed by the suite but not in expectations.json: add it');
    for (const name of stale) report(side, name, 'FAIL', 'in expectations.json but not listed by the suite: remove it');
  }

  const fixture = await startFixture(join(PACKAGE, 'dist', 'fixture', 'bin.js'));
  try {
    for (const name of listed.server) {
      const entry = expectations.server[name];
      if (entry !== undefined) await judgeScenario(suite, 'server', name, entry, ['server', '--url', fixture.url], outDir);
    }
  } finally {
    await fixture.stop();
  }

  const hostBin = join(dirname(createRequire(import.meta.url).resolve('@mcp-sampling/host')), 'bin.js');
  for (const name of listed.client) {
    const entry = expectations.client[name];
    if (entry === undefined) continue;
    // The suite splits the command on spaces, runs it through a shell and appends the URL.
    const command = isExpected(entry) ? `${process.execPath} ${hostBin} ${entry.host}` : '';
    await judgeScenario(suite, 'client', name, entry, ['client', '--command', command], outDir);
  }

  process.stdout.write(`conformance: ${tally.passed} passed, ${tally.failed} failed, ${tally.notApplicable} not applicable\n`);
  process.exitCode = tally.failed === 0 ? 0 : 1;
}

main().catch((error: unknown) => {
  process.stderr.write(`conformance: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 1;
});
