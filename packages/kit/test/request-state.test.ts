import { connectInMemory, type MockHost, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { RoundStateSealer } from '../src/index.js';
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
  it('returns every pending step of a round, with signed state once there is something to remember', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2026-07-28', manualRounds: true });
    const args = { parts: ['a', 'b'] };
    const first = await host.callToolRaw('fan_out', args);
    expect(first.resultType).toBe('input_required');
    expect(Object.keys(first.inputRequests as object).sort()).toEqual(['part:0', 'part:1']);
    expect(first.requestState).toBeUndefined(); // nothing answered yet, so nothing to carry

    const second = await host.callToolRaw('fan_out', args, {
      inputResponses: { 'part:0': answer('A'), 'part:1': answer('B') },
    });
    expect(Object.keys(second.inputRequests as object)).toEqual(['join']);
    expect(second.requestState).toMatch(/^v1\./);

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

  /** Answers the first round of `chain` by hand and returns the second round, which carries state. */
  async function secondRoundOfChain(steps: number) {
    const mock = await connectInMemory(buildFullTestServer, { era: '2026-07-28', manualRounds: true });
    host = mock;
    const second = await mock.callToolRaw('chain', { steps }, { inputResponses: { 'step:0': answer('one') } });
    expect(Object.keys(second.inputRequests as object)).toEqual(['step:1']);
    return { mock, state: second.requestState as string };
  }

  it('refuses tampered state with an isError and asks for nothing more', async () => {
    const { mock, state } = await secondRoundOfChain(3);
    const result = await mock.callToolRaw(
      'chain',
      { steps: 3 },
      { inputResponses: { 'step:1': answer('two') }, requestState: tamper(state) },
    );
    expect(result.isError).toBe(true);
    expect(result.inputRequests).toBeUndefined();
    expect(textOf(result)).toMatch(/requestState echoed by the client was refused \(mac\).*Retry the tool call from the start/);
  });

  it('refuses state minted for a different call', async () => {
    const { mock, state } = await secondRoundOfChain(3);
    const result = await mock.callToolRaw(
      'chain',
      { steps: 4 },
      { inputResponses: { 'step:1': answer('two') }, requestState: state },
    );
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/belongs to a different tool call/);
  });

  it('ignores answers to steps the signed state did not ask for', async () => {
    const { mock, state } = await secondRoundOfChain(3);
    const third = await mock.callToolRaw(
      'chain',
      { steps: 3 },
      {
        inputResponses: { 'step:1': answer('two'), 'step:2': answer('forged three') },
        requestState: state,
      },
    );
    expect(Object.keys(third.inputRequests as object)).toEqual(['step:2']);
  });

  it('rejects a run() that asks for a different request under the same key, and logs it to stderr', async () => {
    const logged = vi.spyOn(console, 'error').mockImplementation(() => {});
    host = await connectInMemory(buildFullTestServer, { era: '2026-07-28', script: reply.text('hi') });
    const result = await host.callTool('drifting', {});
    expect(logged).toHaveBeenCalledWith('[drifting] internal error:', expect.any(Error));
    logged.mockRestore();
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(
      /Step 'first' was asked for with a different request than before: run\(\) must be deterministic/,
    );
  });
});

describe('state settings from the environment', () => {
  const saved = process.env.MCP_SAMPLING_STATE_TTL_SECONDS;
  afterEach(() => {
    if (saved === undefined) delete process.env.MCP_SAMPLING_STATE_TTL_SECONDS;
    else process.env.MCP_SAMPLING_STATE_TTL_SECONDS = saved;
  });

  it('treats an empty lifetime as unset (hosts often pass empty strings for blank settings)', () => {
    process.env.MCP_SAMPLING_STATE_TTL_SECONDS = '';
    expect(() => new RoundStateSealer()).not.toThrow();
  });

  it('rejects a lifetime that is not a positive number, naming the variable', () => {
    process.env.MCP_SAMPLING_STATE_TTL_SECONDS = '0';
    expect(() => new RoundStateSealer()).toThrow(/MCP_SAMPLING_STATE_TTL_SECONDS must be a positive number \(got 0\)/);
  });
});
