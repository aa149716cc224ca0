/**
 * 2025-era clients through HAProxy: each session's requests (initialize, the GET event stream
 * that carries the pushed sampling requests, the POSTed answers, tools/call, DELETE) reach the
 * replica that created it, and the call samples through it.
 */
import type { Cluster } from '../cluster.js';
import { ExchangeLog } from '../exchange-log.js';
import { expectThat } from '../report.js';
import { newToken, WORKLOADS, wrongAnswer } from '../workloads.js';

/** Sessions opened (sequentially), so round robin spreads them. */
const SESSIONS = 3;

export async function stickySessions(cluster: Cluster): Promise<string[]> {
  const workload = WORKLOADS[cluster.server];
  const lines: string[] = [];
  for (let index = 0; index < SESSIONS; index += 1) {
    const log = new ExchangeLog();
    const host = await cluster.connect('2025', workload.script(), log);
    let closed = false;
    try {
      const token = newToken();
      const problem = wrongAnswer(await host.callTool(workload.tool, workload.args(token)), token);
      expectThat(problem === undefined, `session ${index + 1}: the call did not get its own answer: ${problem}`);
      expectThat(host.requests.length > 0, `session ${index + 1}: the host was never asked to sample`);
      await host.close();
      closed = true;
      const session = log.exchanges.find((exchange) => exchange.sessionId !== undefined)?.sessionId;
      expectThat(session !== undefined, `session ${index + 1}: no Mcp-Session-Id was seen`);
      const inSession = log.exchanges.filter((exchange) => exchange.sessionId === session);
      const replicas = [...new Set(inSession.map((exchange) => exchange.replica ?? '(none)'))];
      const kinds = [...new Set(inSession.map((exchange) => exchange.method))].join(', ');
      expectThat(replicas.length === 1, `session ${index + 1}: its requests reached ${replicas.join(' and ')}`, [
        ...inSession.map((e) => `${e.method} -> ${e.replica ?? '(none)'} (${e.status})`),
      ]);
      lines.push(
        `session ${index + 1} (${session.slice(0, 8)}…): ${inSession.length} requests (${kinds}), all -> ${replicas[0]}; ` +
          `${host.requests.length} sampling requests answered`,
      );
    } finally {
      if (!closed) await host.close();
    }
  }
  return lines;
}
