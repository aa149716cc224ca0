import { randomBytes } from 'node:crypto';
import { connectHttp, type MockHost, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createSamplingServer, RoundStateSealer } from '../src/index.js';
import { chainTool } from './fixtures.js';
import { serveHttp } from './http-helpers.js';

let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** A replica's server factory, sealing round state with `key` (as MCP_SAMPLING_STATE_KEY would). */
const replicaOf = (key: string) => {
  const sealer = new RoundStateSealer(key);
  return () => createSamplingServer({ name: 'kit-test', version: '0.0.0', tools: [chainTool] }, { sealer, provider: null });
};

/**
 * A `fetch` that sends each POST to the next replica in turn, as a round-robin load balancer
 * does, and records which replica answered each `tools/call`.
 */
function roundRobin(urls: string[]) {
  let next = 0;
  const callsServedBy: string[] = [];
  const fetchAcross = async (_input: string | URL, init?: RequestInit): Promise<Response> => {
    const target = urls[next % urls.length] ?? '';
    next += 1;
    const response = await fetch(target, init);
    if (typeof init?.body === 'string' && init.body.includes('"tools/call"')) {
      callsServedBy.push(response.headers.get('mcp-replica') ?? '?');
    }
    return response;
  };
  return { fetchAcross, callsServedBy };
}

describe('2026-07-28 rounds across replicas', () => {
  it('completes a multi-round call whose rounds land on two servers sharing the state key', async () => {
    const key = randomBytes(32).toString('hex');
    const a = await serveHttp(replicaOf(key), { replica: 'a' });
    const b = await serveHttp(replicaOf(key), { replica: 'b' });
    const { fetchAcross, callsServedBy } = roundRobin([a.url, b.url]);
    host = await connectHttp(a.url, { era: '2026-07-28', script: reply.text((r) => `after ${r.key}`), fetch: fetchAcross });
    const result = await host.callTool('chain', { steps: 3 });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ last: 'after step:2', provenance: { rounds: 3, samples: 3 } });
    expect(callsServedBy).toHaveLength(4);
    expect(new Set(callsServedBy)).toEqual(new Set(['a', 'b']));
  });

  it('refuses round 2 with -32602 naming MCP_SAMPLING_STATE_KEY when the replicas have different keys', async () => {
    const a = await serveHttp(replicaOf(randomBytes(32).toString('hex')), { replica: 'a' });
    const b = await serveHttp(replicaOf(randomBytes(32).toString('hex')), { replica: 'b' });
    const { fetchAcross, callsServedBy } = roundRobin([a.url, b.url]);
    host = await connectHttp(a.url, { era: '2026-07-28', script: reply.text('x'), fetch: fetchAcross });
    const failure = await host.callTool('chain', { steps: 2 }).then(
      () => undefined,
      (error: unknown) => error as { code?: number; message?: string },
    );
    expect(failure?.code).toBe(-32602);
    expect(failure?.message).toMatch(/MCP_SAMPLING_STATE_KEY/);
    expect(new Set(callsServedBy)).toEqual(new Set(['a', 'b']));
    // Each replica still serves a call that stays on it.
    await host.close();
    host = await connectHttp(b.url, { era: '2026-07-28', script: reply.text('x') });
    expect((await host.callTool('chain', { steps: 2 })).isError).toBeFalsy();
  });
});
