/**
 * A replica started with a different MCP_SAMPLING_STATE_KEY refuses a round whose state another
 * replica signed, with the kit's error that names the variable. Round 1 goes through HAProxy; the
 * exchange log sends the next round to the odd replica, as a wrongly configured replica in the
 * pool would receive it.
 */
import type { Cluster } from '../cluster.js';
import { secret } from '../cluster.js';
import { ExchangeLog } from '../exchange-log.js';
import { Replica } from '../replica.js';
import { expectThat } from '../report.js';
import { newToken, resultText, WORKLOADS } from '../workloads.js';

export async function foreignStateKey(cluster: Cluster): Promise<string[]> {
  const workload = WORKLOADS[cluster.server];
  const odd = await Replica.start({
    bin: cluster.bin,
    name: `${cluster.server}-other-key`,
    stateKey: secret(),
    token: cluster.token,
  });
  const log = new ExchangeLog();
  let toolCalls = 0;
  log.redirectWith(({ method }) => (method === 'tools/call' && ++toolCalls === 2 ? odd.url : undefined));
  const host = await cluster.connect('2026-07-28', workload.script(), log);
  try {
    let message: string;
    try {
      const result = await host.callTool(workload.tool, workload.args(newToken()));
      message = result.isError === true ? resultText(result) : `(no error: ${resultText(result).slice(0, 200)})`;
    } catch (error) {
      message = error instanceof Error ? error.message : String(error);
    }
    const calls = log.of('tools/call');
    expectThat(calls[1]?.replica === odd.name, `round 2 was not answered by ${odd.name}`, [
      calls.map((c) => c.replica).join(', '),
    ]);
    expectThat(message.includes('MCP_SAMPLING_STATE_KEY'), 'the refusal does not name MCP_SAMPLING_STATE_KEY', [message]);
    return [
      `tools/call 1 -> ${calls[0]?.replica ?? '(none)'} (through HAProxy), tools/call 2 -> ${odd.name} (HTTP ${calls[1]?.status})`,
      `the call failed with: ${message}`,
    ];
  } finally {
    await host.close();
    await odd.stop();
  }
}
