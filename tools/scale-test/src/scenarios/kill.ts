/**
 * A replica dies between rounds: the mock host, holding its answer to round 1, kills the replica
 * that served round 1 (SIGKILL, and waits for the exit) before it replies; the retry with the
 * answer must be served by another replica and the call must complete. Then HAProxy's health
 * checks must take the dead replica out.
 */
import type { Cluster } from '../cluster.js';
import { ExchangeLog } from '../exchange-log.js';
import { waitFor } from '../poll.js';
import { expectThat } from '../report.js';
import { newToken, WORKLOADS, wrongAnswer } from '../workloads.js';

export async function replicaKilledBetweenRounds(cluster: Cluster): Promise<string[]> {
  const workload = WORKLOADS[cluster.server];
  const log = new ExchangeLog();
  let killing: Promise<string> | undefined;
  const beforeReply = async () => {
    killing ??= (async () => {
      const victim = cluster.replica(log.of('tools/call')[0]?.replica);
      await victim.stop('SIGKILL');
      return victim.name;
    })();
    await killing;
  };
  const host = await cluster.connect('2026-07-28', workload.script({ beforeReply }), log);
  try {
    const token = newToken();
    const problem = wrongAnswer(await host.callTool(workload.tool, workload.args(token)), token);
    expectThat(killing !== undefined, 'the host never got to kill a replica');
    const killed = await killing;
    const calls = log.of('tools/call');
    const lines = [
      `tools/call 1 -> ${calls[0]?.replica} (round 1); ${killed} killed while the host held its answer`,
      ...calls
        .slice(1)
        .map(
          (exchange, index) =>
            `tools/call ${index + 2} -> ${exchange.replica ?? '(none)'} (HTTP ${exchange.status}, ${exchange.bytes} bytes)`,
        ),
    ];
    expectThat(problem === undefined, `the call did not complete with its own answer: ${problem}`, lines);
    expectThat(
      calls.slice(1).every((exchange) => exchange.replica !== undefined && exchange.replica !== killed),
      'a later round was not answered by a live replica',
      lines,
    );
    const victim = cluster.replica(killed);
    const serverName = cluster.serverNameOf(victim);
    await waitFor(`HAProxy to mark ${serverName} DOWN`, async () =>
      (await cluster.proxy.serverStatuses())[serverName] === 'DOWN' ? true : undefined,
    );
    return [...lines, `the call completed with its token; HAProxy's health checks then marked ${serverName} (${killed}) DOWN`];
  } finally {
    await host.close();
  }
}
