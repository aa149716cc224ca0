import { connectInMemory, type Era, type MockHost, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestServer } from './fixtures.js';

const eras: Era[] = ['2025', '2026-07-28'];
let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe.each(eras)('kit engine on %s', (era) => {
  it('sends a fan-out in one round and the join in the next', async () => {
    host = await connectInMemory(buildTestServer, {
      era,
      script: {
        rules: [{ match: 'part', reply: reply.text((r) => `A(${r.userText.length})`) }],
        otherwise: reply.text('JOINED', 'smart-model'),
      },
    });
    const result = await host.callTool('fan_out', { parts: ['one', 'two', 'three'] });
    expect(result.isError).toBeFalsy();
    expect(host.rounds).toBe(2);
    expect(host.keysInRound(1)).toEqual(['part:0', 'part:1', 'part:2']);
    expect(host.requestsInRound(2).map((r) => r.key)).toEqual(['join']);
    const structured = result.structuredContent as { joined: string; provenance: Record<string, unknown> };
    expect(structured.joined).toBe('JOINED');
    expect(structured.provenance).toEqual({ path: 'host', models: ['mock-model', 'smart-model'], era, rounds: 2, samples: 4 });
    expect(host.requests[0]?.params.modelPreferences?.hints?.[0]?.name).toBe('haiku');
    expect(host.requestsInRound(2)[0]?.params.modelPreferences?.hints?.[0]?.name).toBe('opus');
  });

  it('spends no sample when run needs none, even without sampling', async () => {
    host = await connectInMemory(buildTestServer, { era, sampling: false });
    const result = await host.callTool('maybe_sample', { sample: false });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ answer: 'no sample needed', provenance: { rounds: 0, samples: 0 } });
  });

  it('answers a host without sampling with a clear isError, not a protocol error', async () => {
    host = await connectInMemory(buildTestServer, { era, sampling: false });
    const result = await host.callTool('maybe_sample', { sample: true });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/does not offer MCP sampling/);
  });
});
