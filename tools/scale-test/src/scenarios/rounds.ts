/**
 * A multi-round 2026-07-28 call through HAProxy whose rounds are answered by different replicas,
 * read from each response's `Mcp-Replica` header.
 */
import type { MockHost } from '@mcp-sampling/testing';
import type { Cluster } from '../cluster.js';
import { ExchangeLog } from '../exchange-log.js';
import { expectThat } from '../report.js';
import { newToken, WORKLOADS, wrongAnswer } from '../workloads.js';

/** Calls tried before giving up on seeing two replicas in one call (round robin gives it at once). */
const ATTEMPTS = 5;

/** Which replica answered which round of one call, as report lines. */
export function roundLines(host: MockHost, log: ExchangeLog): string[] {
  const discover = log.of('server/discover').at(-1);
  return [
    ...(discover === undefined ? [] : [`server/discover -> ${discover.replica ?? '(none)'}`]),
    ...log.of('tools/call').map((exchange, index) => {
      const keys = host.keysInRound(index + 1);
      const answer = keys.length > 0 ? `round ${index + 1}: input_required for ${keys.join(' ')}` : 'the final result';
      return `tools/call ${index + 1} -> ${exchange.replica ?? '(none)'} (${answer})`;
    }),
  ];
}

export async function roundsAcrossReplicas(cluster: Cluster): Promise<string[]> {
  const workload = WORKLOADS[cluster.server];
  for (let attempt = 1; attempt <= ATTEMPTS; attempt += 1) {
    const log = new ExchangeLog();
    const host = await cluster.connect('2026-07-28', workload.script(), log);
    try {
      const token = newToken();
      const problem = wrongAnswer(await host.callTool(workload.tool, workload.args(token)), token);
      expectThat(problem === undefined, `the call did not get its own answer: ${problem}`);
      const calls = log.of('tools/call');
      // One tools/call per round, and one more that returns the final result.
      expectThat(
        calls.length === workload.rounds + 1,
        `expected ${workload.rounds + 1} tools/call requests, saw ${calls.length}`,
      );
      expectThat(
        calls.every((exchange) => exchange.replica !== undefined),
        'a response lacked the Mcp-Replica header',
      );
      const replicas = new Set(calls.map((exchange) => exchange.replica));
      if (replicas.size >= 2) {
        return [...roundLines(host, log), `${replicas.size} replicas served one call; the answer carries its token ${token}`];
      }
    } finally {
      await host.close();
    }
  }
  throw new Error(`${ATTEMPTS} calls each had every round answered by one replica`);
}
