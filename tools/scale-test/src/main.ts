/**
 * `pnpm test:scale`: three replicas of summarise and of draft behind a real HAProxy
 * (deploy/haproxy.cfg as committed), sharing a state key. Checks, per server: a 2026 call whose
 * rounds land on different replicas; a replica with another state key refusing a round; 2025
 * sessions kept on their replica; 200 concurrent calls in each era; one replica directly under
 * the same load; a replica killed between rounds. Prints a report, writes `.bench/scale.json`,
 * exits non-zero when a check failed or HAProxy is missing. Every process it starts is stopped.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { machineInfo } from '@mcp-sampling/testing/bench';
import type { ServerName } from './bins.js';
import { killChildrenOnExit } from './children.js';
import { Cluster } from './cluster.js';
import { findHaproxy, HAPROXY_CONFIG, haproxyVersion, INSTALL_HINT } from './haproxy.js';
import { withinLimit } from './poll.js';
import { Report } from './report.js';
import { replicaKilledBetweenRounds } from './scenarios/kill.js';
import { type LoadShape, loadLines, runLoad } from './scenarios/load.js';
import { roundsAcrossReplicas } from './scenarios/rounds.js';
import { foreignStateKey } from './scenarios/state-key.js';
import { stickySessions } from './scenarios/sticky.js';

const SERVERS: readonly ServerName[] = ['summarise', 'draft'];

/** The servers named with `--server` (repeatable), else all of them. */
function serversToRun(argv: readonly string[]): ServerName[] {
  const { values } = parseArgs({ args: [...argv], options: { server: { type: 'string', multiple: true } } });
  const chosen = values.server ?? [...SERVERS];
  const unknown = chosen.filter((name) => !SERVERS.includes(name as ServerName));
  if (unknown.length > 0) throw new Error(`unknown server ${unknown.join(', ')}; choose from ${SERVERS.join(', ')}`);
  return chosen as ServerName[];
}
const CALLS = 200;
/** 2025 calls are spread over this many sessions (each a mock host with its own event stream). */
const SESSIONS_2025 = 20;
/** Limits that only catch hangs. */
const CHECK_LIMIT_MS = 120_000;
const LOAD_LIMIT_MS = 300_000;

const PACKAGE_DIR = path.resolve(import.meta.dirname, '..');
const print = (line = '') => process.stdout.write(`${line}\n`);

async function main(): Promise<number> {
  killChildrenOnExit();
  const servers = serversToRun(process.argv.slice(2));
  const haproxy = findHaproxy();
  if (haproxy === undefined) {
    const given = process.env.HAPROXY ? `HAPROXY=${process.env.HAPROXY} is not an executable file. ` : '';
    process.stderr.write(`test:scale: ${given}${INSTALL_HINT}\n`);
    return 1;
  }
  const version = await haproxyVersion(haproxy);
  const machine = machineInfo();
  print(`Scale test: HAProxy ${version} (${haproxy}) with ${path.relative(process.cwd(), HAPROXY_CONFIG)}`);
  print(`Node ${machine.node}, ${machine.cpus} CPUs (${machine.cpuModel}); three replicas per server, one shared state key`);

  const report = new Report();
  const runDir = mkdtempSync(path.join(tmpdir(), 'mcp-scale-'));
  // On exit rather than in a finally block, so that an interrupted run cleans up too.
  process.once('exit', () => rmSync(runDir, { recursive: true, force: true }));
  for (const server of servers) await checkServer(server, haproxy, runDir, report);

  report.printFigures();
  const benchFile = report.write(
    { machine, haproxy: version, settings: { calls: CALLS, sessions2025: SESSIONS_2025, hostDelayMs: '0-50 random' } },
    PACKAGE_DIR,
  );
  print();
  print(`Figures written to ${benchFile}`);
  print(`scale: ${report.passed} passed, ${report.failed} failed`);
  return report.failed > 0 ? 1 : 0;
}

/** Every check for one server, on its own cluster; the replica kill comes last. */
async function checkServer(server: ServerName, haproxy: string, runDir: string, report: Report): Promise<void> {
  report.section(`${server}: 3 replicas behind HAProxy`);
  let cluster: Cluster | undefined;
  const started = await report.check(server, 'replicas and HAProxy start, every replica UP', async () => {
    cluster = await withinLimit(`starting the ${server} cluster`, Cluster.start(server, haproxy, runDir), CHECK_LIMIT_MS);
    return [
      `${cluster.replicas.map((replica) => `${replica.name} on :${replica.port}`).join(', ')}; HAProxy on ${cluster.proxy.url}`,
    ];
  });
  if (!started || cluster === undefined) return;
  const live = cluster;
  const check = (name: string, run: () => Promise<string[]>, limit = CHECK_LIMIT_MS) =>
    report.check(
      server,
      name,
      () => withinLimit(name, run(), limit),
      () => live.diagnostics(),
    );
  const load = (name: string, shape: LoadShape) =>
    check(
      name,
      async () => {
        const figures = await runLoad(live, shape);
        report.addLoad(figures);
        if (figures.lost > 0)
          throw new Error(`${figures.lost} of ${figures.calls} calls lost:\n${loadLines(figures).join('\n')}`);
        return loadLines(figures);
      },
      LOAD_LIMIT_MS,
    );
  try {
    await check('2026-07-28: one call, its rounds answered by different replicas', () => roundsAcrossReplicas(live));
    await check('2026-07-28: a replica with another MCP_SAMPLING_STATE_KEY refuses the next round', () => foreignStateKey(live));
    await check('2025: sessions stay on their replica and sample through it', () => stickySessions(live));
    await load(`2026-07-28: ${CALLS} concurrent calls through HAProxy`, { era: '2026-07-28', calls: CALLS, sessions: 1 });
    await load(`2025: ${CALLS} concurrent calls over ${SESSIONS_2025} sessions through HAProxy`, {
      era: '2025',
      calls: CALLS,
      sessions: SESSIONS_2025,
    });
    await load(`2026-07-28: the same ${CALLS} calls on one replica directly`, {
      era: '2026-07-28',
      calls: CALLS,
      sessions: 1,
      direct: true,
    });
    await check('2026-07-28: the replica that served round 1 is killed; the call completes on another', () =>
      replicaKilledBetweenRounds(live),
    );
  } finally {
    await live.close();
  }
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`test:scale: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`);
    process.exit(1);
  },
);
