import { ERAS, PATIENT_WAIT, reply } from '@mcp-sampling/testing';
import { useMockHosts } from '@mcp-sampling/testing/hosts';
import { describe, expect, it, vi } from 'vitest';
import { buildServer } from '../src/server.js';
import { documentOf } from './texts.js';

const connect = useMockHosts();

describe('summarise rounds on 2026-07-28, driven by hand', () => {
  it('asks for every chunk in the first round and refuses a tampered requestState with a JSON-RPC error', async () => {
    const host = await connect(buildServer, { era: '2026-07-28', manualRounds: true });
    const args = { text: documentOf(60_000) };
    const answer = (text: string) => ({ role: 'assistant', content: { type: 'text', text }, model: 'm' });
    const first = await host.callToolRaw('summarise', args);
    expect(first.resultType).toBe('input_required');
    expect(Object.keys(first.inputRequests as object)).toEqual(['map:0', 'map:1', 'map:2']);

    expect(first.requestState).toMatch(/^v2\./);

    const second = await host.callToolRaw('summarise', args, {
      inputResponses: { 'map:0': answer('one'), 'map:1': answer('two'), 'map:2': answer('three') },
      requestState: first.requestState as string,
    });
    expect(Object.keys(second.inputRequests as object)).toEqual(['reduce']);
    const state = second.requestState as string;
    const forged = `${state.slice(0, 20)}${state[20] === 'x' ? 'y' : 'x'}${state.slice(21)}`;
    const refused = host.callToolRaw('summarise', args, {
      inputResponses: { reduce: answer('forged') },
      requestState: forged,
    });
    await expect(refused).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(/requestState echoed by the client was refused.*Retry the tool call from the start/),
    });

    const done = await host.callToolRaw('summarise', args, {
      inputResponses: { reduce: answer('All three.') },
      requestState: state,
    });
    expect(done.structuredContent).toMatchObject({ summary: 'All three.', chunks: 3, provenance: { rounds: 2, samples: 4 } });
  });
});

describe.each(ERAS)('summarise cancellation on %s', (era) => {
  it('stops the fan-out and asks for nothing more when the call is cancelled', async () => {
    const host = await connect(buildServer, { era, script: reply.hang() });
    const controller = new AbortController();
    const call = host.callTool('summarise', { text: documentOf(60_000) }, { signal: controller.signal });
    await vi.waitFor(() => expect(host.requests).toHaveLength(3), PATIENT_WAIT);
    controller.abort(new Error('user pressed stop'));
    await expect(call).rejects.toThrow();
    await vi.waitFor(() => expect([...host.cancelled].sort()).toEqual(['map:0', 'map:1', 'map:2']), PATIENT_WAIT);
    expect(host.requests).toHaveLength(3);
  });
});
