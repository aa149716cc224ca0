import { connectInMemory, type MockHost, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { buildFullTestServer } from './fixtures.js';

let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const answer = (text: string) => ({
  role: 'assistant',
  content: { type: 'text', text },
  model: 'hand-model',
  stopReason: 'endTurn',
});
const textOf = (result: Record<string, unknown>) => JSON.stringify(result.content);

/** Flip one character in the middle of the signed body. */
function tamper(state: string): string {
  const at = Math.floor(state.length / 2);
  return state.slice(0, at) + (state[at] === 'A' ? 'B' : 'A') + state.slice(at + 1);
}

describe('2026-07-28 rounds driven by hand', () => {
  it('returns every pending step of a round with signed state, and continues from it', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2026-07-28', manualRounds: true });
    const args = { parts: ['a', 'b'] };
    const first = await host.callToolRaw('fan_out', args);
    expect(first.resultType).toBe('input_required');
    expect(Object.keys(first.inputRequests as object).sort()).toEqual(['part:0', 'part:1']);
    expect(first.requestState).toMatch(/^v1\./);

    const second = await host.callToolRaw('fan_out', args, {
      inputResponses: { 'part:0': answer('A'), 'part:1': answer('B') },
      requestState: first.requestState as string,
    });
    expect(Object.keys(second.inputRequests as object)).toEqual(['join']);

    const done = await host.callToolRaw('fan_out', args, {
      inputResponses: { join: answer('A+B') },
      requestState: second.requestState as string,
    });
    expect(done.structuredContent).toMatchObject({
      joined: 'A+B',
      partAnswers: ['A', 'B'],
      provenance: { rounds: 2, samples: 3 },
    });
  });

  it('refuses tampered state with an isError and asks for nothing more', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2026-07-28', manualRounds: true });
    const first = await host.callToolRaw('fan_out', { parts: ['a'] });
    const result = await host.callToolRaw(
      'fan_out',
      { parts: ['a'] },
      {
        inputResponses: { 'part:0': answer('A') },
        requestState: tamper(first.requestState as string),
      },
    );
    expect(result.isError).toBe(true);
    expect(result.inputRequests).toBeUndefined();
    expect(textOf(result)).toMatch(/requestState echoed by the client was refused \(mac\).*Retry the tool call from the start/);
  });

  it('refuses state minted for a different call', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2026-07-28', manualRounds: true });
    const first = await host.callToolRaw('fan_out', { parts: ['a'] });
    const result = await host.callToolRaw(
      'fan_out',
      { parts: ['something else'] },
      {
        inputResponses: { 'part:0': answer('A') },
        requestState: first.requestState as string,
      },
    );
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/belongs to a different tool call/);
  });

  it('ignores answers to steps it did not ask for', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2026-07-28', manualRounds: true });
    const first = await host.callToolRaw('fan_out', { parts: ['a'] });
    const second = await host.callToolRaw(
      'fan_out',
      { parts: ['a'] },
      {
        inputResponses: { 'part:0': answer('A'), join: answer('forged join') },
        requestState: first.requestState as string,
      },
    );
    expect(Object.keys(second.inputRequests as object)).toEqual(['join']);
  });

  it('rejects a run() that asks for a different request under the same key', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2026-07-28', script: reply.text('hi') });
    const result = await host.callTool('drifting', {});
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(
      /Step 'first' was asked for with a different request than before: run\(\) must be deterministic/,
    );
  });
});
