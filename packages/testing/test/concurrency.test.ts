/**
 * The throughput bench keeps 50 calls in flight on one connection: the mock host must take that
 * many at once, in memory and over stdio, on both eras, without serialising them anywhere.
 */
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { throughput } from '../src/bench.js';
import { connectInMemory, connectStdio, type Era, type MockHost, reply } from '../src/index.js';
import type { Reply } from '../src/replies.js';
import { buildRawServer } from './fixtures/raw-server.js';

const IN_FLIGHT = 50;
const RAW_SERVER = fileURLToPath(new URL('./fixtures/raw-server-bin.mjs', import.meta.url));

let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/**
 * A reply that holds every first-round request until `count` of them are waiting at once (or a
 * generous deadline passes, so a host that serialises calls fails the test instead of hanging it).
 */
function gate(count: number): { reply: Reply; mostWaiting: () => number } {
  let waiting = 0;
  let most = 0;
  let open: () => void = () => {};
  const opened = new Promise<void>((resolve) => {
    open = resolve;
  });
  const deadline = setTimeout(open, 30_000);
  const answer = reply.text('fine');
  return {
    reply: async (request, signal) => {
      if (request.key === 'q:0') {
        waiting += 1;
        most = Math.max(most, waiting);
        if (waiting >= count) {
          clearTimeout(deadline);
          open();
        }
        await opened;
        waiting -= 1;
      }
      return answer(request, signal);
    },
    mostWaiting: () => most,
  };
}

describe.each<Era>(['2025', '2026-07-28'])('many calls in flight on %s', (era) => {
  it(`keeps ${IN_FLIGHT} calls in flight at once in memory`, async () => {
    const held = gate(IN_FLIGHT);
    host = await connectInMemory(buildRawServer, { era, script: held.reply });
    const connected = host;
    const results = await Promise.all(Array.from({ length: IN_FLIGHT }, () => connected.callTool('ask', { count: 1 })));
    expect(held.mostWaiting()).toBe(IN_FLIGHT);
    expect(results.every((result) => JSON.stringify(result.content) === '[{"type":"text","text":"fine"}]')).toBe(true);
    expect(host.requests).toHaveLength(2 * IN_FLIGHT);
  });

  it(`keeps ${IN_FLIGHT} calls in flight at once over stdio, as the throughput bench drives it`, async () => {
    const held = gate(IN_FLIGHT);
    host = await connectStdio({ command: process.execPath, args: [RAW_SERVER] }, { era, script: held.reply });
    const connected = host;
    const run = await throughput(() => connected.callTool('ask', { count: 1 }), IN_FLIGHT, IN_FLIGHT);
    expect(run.maxInFlight).toBe(IN_FLIGHT);
    expect(held.mostWaiting()).toBe(IN_FLIGHT);
    expect(run.callsPerSecond).toBeGreaterThan(0);
  });
});

describe('throughput', () => {
  it('makes exactly the calls asked for, never more in flight than allowed', async () => {
    let active = 0;
    let most = 0;
    let made = 0;
    const run = await throughput(
      async () => {
        made += 1;
        active += 1;
        most = Math.max(most, active);
        await new Promise<void>((resolve) => setImmediate(resolve));
        active -= 1;
      },
      103,
      7,
    );
    expect(made).toBe(103);
    expect(most).toBe(7);
    expect(run.maxInFlight).toBe(7);
  });
});
