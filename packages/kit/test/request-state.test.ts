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

/** Flip one character in the middle of the signed body. */
function tamper(state: string): string {
  const at = Math.floor(state.length / 2);
  return state.slice(0, at) + (state[at] === 'A' ? 'B' : 'A') + state.slice(at + 1);
}

describe('2026-07-28 rounds driven by hand', () => {
  it('returns every pending step of a round, with signed state from the first round on', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2026-07-28', manualRounds: true });
    const args = { parts: ['a', 'b'] };
    const first = await host.callToolRaw('fan_out', args);
    expect(first.resultType).toBe('input_required');
    expect(Object.keys(first.inputRequests as object).sort()).toEqual(['part:0', 'part:1']);
    expect(first.requestState).toMatch(/^v2\./);

    const second = await host.callToolRaw('fan_out', args, {
      inputResponses: { 'part:0': answer('A'), 'part:1': answer('B') },
      requestState: first.requestState as string,
    });
    expect(Object.keys(second.inputRequests as object)).toEqual(['join']);
    expect(second.requestState).toMatch(/^v2\./);

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

  it('treats answers sent without state as a first request: they skip no round', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2026-07-28', manualRounds: true });
    const forged = await host.callToolRaw(
      'chain',
      { steps: 2 },
      { inputResponses: { 'step:0': answer('one'), 'step:1': answer('two') } },
    );
    expect(forged.resultType).toBe('input_required');
    expect(forged.structuredContent).toBeUndefined();
    expect(Object.keys(forged.inputRequests as object)).toEqual(['step:0']);
    expect(forged.requestState).toMatch(/^v2\./);
  });

  /** Answers the first round of `chain` by hand and returns the second round, which carries state. */
  async function secondRoundOfChain(steps: number) {
    const mock = await connectInMemory(buildFullTestServer, { era: '2026-07-28', manualRounds: true });
    host = mock;
    const first = await mock.callToolRaw('chain', { steps });
    const second = await mock.callToolRaw(
      'chain',
      { steps },
      { inputResponses: { 'step:0': answer('one') }, requestState: first.requestState as string },
    );
    expect(Object.keys(second.inputRequests as object)).toEqual(['step:1']);
    return { mock, state: second.requestState as string };
  }

  it('refuses tampered state with a JSON-RPC -32602 error that says how to recover', async () => {
    const { mock, state } = await secondRoundOfChain(3);
    const call = mock.callToolRaw(
      'chain',
      { steps: 3 },
      { inputResponses: { 'step:1': answer('two') }, requestState: tamper(state) },
    );
    await expect(call).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(
        /requestState echoed by the client was refused \(signature mismatch.*\).*Retry the tool call from the start.*MCP_SAMPLING_STATE_KEY/,
      ),
    });
  });

  it('refuses state minted for other arguments with a JSON-RPC -32602 error', async () => {
    const { mock, state } = await secondRoundOfChain(3);
    const call = mock.callToolRaw('chain', { steps: 4 }, { inputResponses: { 'step:1': answer('two') }, requestState: state });
    await expect(call).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(/minted for other arguments.*Retry the tool call from the start/),
    });
  });

  it('refuses state minted for another tool, even with the same arguments, naming that tool', async () => {
    const { mock, state } = await secondRoundOfChain(3);
    const call = mock.callToolRaw('drifting', { steps: 3 }, { requestState: state });
    await expect(call).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(/belongs to a call of another tool \('chain'\).*Retry the tool call from the start/),
    });
  });

  it('refuses state signed with another key (a replica without the shared key), naming the variable', async () => {
    const { mock } = await secondRoundOfChain(3);
    const foreign = new RoundStateSealer('k'.repeat(32)).seal(
      { tool: 'chain', rounds: 1, memo: {}, pending: {}, startedAt: 0, askedAt: 0 },
      '{"steps":3}',
    );
    const call = mock.callToolRaw('chain', { steps: 3 }, { inputResponses: { 'step:1': answer('two') }, requestState: foreign });
    await expect(call).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(/\(signature mismatch.*signed with another key\).*MCP_SAMPLING_STATE_KEY/),
    });
  });

  it('refuses expired state with a JSON-RPC -32602 error', async () => {
    const { mock } = await secondRoundOfChain(3);
    const expired = new RoundStateSealer('k'.repeat(32), -1).seal(
      { tool: 'chain', rounds: 1, memo: {}, pending: {}, startedAt: 0, askedAt: 0 },
      '{"steps":3}',
    );
    const call = mock.callToolRaw('chain', { steps: 3 }, { requestState: expired });
    await expect(call).rejects.toMatchObject({ code: -32602, message: expect.stringMatching(/refused/) });
  });

  it('stays usable after refusing state: the same call from the start succeeds', async () => {
    const { mock, state } = await secondRoundOfChain(2);
    await expect(mock.callToolRaw('chain', { steps: 2 }, { requestState: tamper(state) })).rejects.toMatchObject({
      code: -32602,
    });
    const first = await mock.callToolRaw('chain', { steps: 2 });
    expect(Object.keys(first.inputRequests as object)).toEqual(['step:0']);
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

describe('RoundStateSealer', () => {
  const key = 's'.repeat(32);
  const state = {
    tool: 'chain',
    rounds: 1,
    memo: {},
    pending: { 'step:0': { requestHash: 'x.y', maxTokens: 10 } },
    startedAt: 0,
    askedAt: 0,
  };

  it('opens what it sealed for the same arguments', () => {
    const sealer = new RoundStateSealer(key);
    expect(sealer.open(sealer.seal(state, '{"steps":3}'), '{"steps":3}')).toEqual(state);
  });

  it('binds the state to the arguments without carrying them: other arguments fail the signature', () => {
    const sealer = new RoundStateSealer(key);
    const sealed = sealer.seal(state, '{"steps":3,"secret":"do not echo"}');
    expect(sealed).not.toContain(Buffer.from('do not echo').toString('base64url').slice(0, 8));
    expect(() => sealer.open(sealed, '{"steps":4,"secret":"do not echo"}')).toThrow(/signature mismatch/);
  });

  it('tells an expired state from an altered one', () => {
    const expired = new RoundStateSealer(key, -1).seal(state, '{}');
    expect(() => new RoundStateSealer(key).open(expired, '{}')).toThrow(/\(expired\)/);
    expect(() => new RoundStateSealer(key).open(`${expired}x`, '{}')).toThrow(/signature mismatch/);
    expect(() => new RoundStateSealer(key).open('v2.only-two', '{}')).toThrow(/\(malformed\)/);
  });

  it('refuses a state of another payload format, saying that another version minted it', () => {
    const sealed = new RoundStateSealer(key).seal(state, '{}');
    const older = sealed.replace(/^v2\./, 'v1.');
    expect(() => new RoundStateSealer(key).open(older, '{}')).toThrow(/format v1: minted by another version of this server/);
    expect(() => new RoundStateSealer(key).open(sealed.replace(/^v2\./, 'x2.'), '{}')).toThrow(/\(malformed\)/);
  });
});
