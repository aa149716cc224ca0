import { connectInMemory, type Era, type MockHost, PATIENT_WAIT, type Reply, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { MAX_ROUNDS } from '../src/index.js';
import { buildFullTestServer, buildImpatientTestServer } from './fixtures.js';

let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const textOf = (result: { content?: unknown }) => JSON.stringify(result.content);

describe('2025 era: the kit pushes steps itself, so host failures reach the tool', () => {
  it('turns a decline into an isError that says how to allow sampling', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2025', script: reply.decline() });
    const result = await host.callTool('maybe_sample', { sample: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/declined step 'only' \(User declined the sampling request\)/);
    expect(textOf(result)).toMatch(/chat\.mcp\.serverSampling/);
  });

  it('recognises a decline by its JSON-RPC code (-1, user rejected), whatever the wording', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2025', script: reply.decline('Not today') });
    const result = await host.callTool('maybe_sample', { sample: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/declined step 'only' \(.*Not today\)/);
  });

  it('turns a host error into an isError naming the step', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2025', script: reply.error('backend down') });
    const result = await host.callTool('maybe_sample', { sample: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/failed step 'only' \(.*backend down.*\)/);
  });

  it('turns a timeout into an isError with a hint, and tells the host to stop', async () => {
    host = await connectInMemory(buildImpatientTestServer, { era: '2025', script: reply.hang() });
    const result = await host.callTool('maybe_sample', { sample: true });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/did not answer step 'only' within 300 ms.*MCP_SAMPLING_TIMEOUT_MS/);
    await vi.waitFor(() => expect(host?.cancelled).toEqual(['only']), PATIENT_WAIT);
  });

  it('stops the sibling steps of a fan-out when one fails', async () => {
    host = await connectInMemory(buildFullTestServer, {
      era: '2025',
      script: { rules: [{ match: 'part:1', reply: reply.error('bad part') }], otherwise: reply.hang() },
    });
    const result = await host.callTool('fan_out', { parts: ['a', 'b', 'c'] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/failed step 'part:1'/);
    await vi.waitFor(() => expect([...(host?.cancelled ?? [])].sort()).toEqual(['part:0', 'part:2']), PATIENT_WAIT);
  });

  it('reports progress per answered step when the caller asks for it', async () => {
    host = await connectInMemory(buildFullTestServer, { era: '2025', script: reply.text('ok') });
    const progress: Array<{ progress: number; message?: string }> = [];
    await host.callTool('fan_out', { parts: ['a', 'b'] }, { onprogress: (p) => progress.push(p) });
    const answers = progress.filter((p) => p.message?.startsWith('step '));
    expect(answers.map((p) => p.message?.replace(/ \(\d of \d\)$/, '')).sort()).toEqual([
      'step join answered by mock-model',
      'step part:0 answered by mock-model',
      'step part:1 answered by mock-model',
    ]);
    expect(progress.map((p) => p.progress)).toEqual(progress.map((_, index) => index + 1));
  });

  it('sends heartbeats while steps wait on the host, then the answer', async () => {
    // The host answers once it has seen two heartbeats: counted, not timed, so a slow machine passes.
    const waiting = "waiting for the host's model: 0 of 1 steps answered";
    const messages: string[] = [];
    let heardTwo: () => void = () => undefined;
    const twoHeartbeats = new Promise<void>((resolve) => {
      heardTwo = resolve;
    });
    const onprogress = (p: { message?: string }) => {
      messages.push(p.message ?? '');
      if (messages.filter((m) => m === waiting).length >= 2) heardTwo();
    };
    const answerAfterTwoHeartbeats: Reply = async (request, signal) => {
      await twoHeartbeats;
      return reply.text('ok')(request, signal);
    };
    host = await connectInMemory(buildFullTestServer, { era: '2025', script: answerAfterTwoHeartbeats });
    await host.callTool('maybe_sample', { sample: true }, { onprogress });
    expect(messages.filter((m) => m === waiting).length).toBeGreaterThanOrEqual(2);
    expect(messages.at(-1)).toBe('step only answered by mock-model (1 of 1)');
  });
});

describe('2026-07-28: a decline or host error means the client does not retry', () => {
  it.each([
    ['decline', reply.decline(), /declined/],
    ['error', reply.error('backend down'), /backend down/],
  ])('%s rejects the call on the client side', async (_name, script, message) => {
    host = await connectInMemory(buildFullTestServer, { era: '2026-07-28', script });
    await expect(host.callTool('maybe_sample', { sample: true })).rejects.toThrow(message);
  });
});

describe.each<Era>(['2025', '2026-07-28'])('on %s', (era) => {
  it('cancels the pending sampling request when the tool call is cancelled', async () => {
    host = await connectInMemory(buildFullTestServer, { era, script: reply.hang() });
    const controller = new AbortController();
    const call = host.callTool('maybe_sample', { sample: true }, { signal: controller.signal });
    await vi.waitFor(() => expect(host?.requests).toHaveLength(1), PATIENT_WAIT);
    controller.abort(new Error('user pressed stop'));
    await expect(call).rejects.toThrow();
    await vi.waitFor(() => expect(host?.cancelled).toEqual(['only']), PATIENT_WAIT);
    expect(host.requests).toHaveLength(1);
  });

  it(`fails clearly when a tool needs more than ${MAX_ROUNDS} rounds`, async () => {
    host = await connectInMemory(buildFullTestServer, { era, script: reply.text('next') });
    const ok = await host.callTool('chain', { steps: MAX_ROUNDS });
    expect(ok.isError).toBeFalsy();
    expect(ok.structuredContent).toMatchObject({ provenance: { rounds: MAX_ROUNDS, samples: MAX_ROUNDS } });

    const before = host.requests.length;
    const tooMany = await host.callTool('chain', { steps: MAX_ROUNDS + 1 });
    expect(tooMany.isError).toBe(true);
    expect(textOf(tooMany)).toMatch(/bug in the tool/);
    expect(host.requests.length - before).toBe(MAX_ROUNDS);
  });

  it('names the step key in request metadata and sets maxTokens and preferences per step', async () => {
    host = await connectInMemory(buildFullTestServer, { era, script: reply.text('ok') });
    await host.callTool('fan_out', { parts: ['a'] });
    expect(host.requests.map((r) => [r.key, r.maxTokens, r.params.modelPreferences?.speedPriority])).toEqual([
      ['part:0', 50, 0.9],
      ['join', 80, 0.3],
    ]);
    expect(host.requests[0]?.params.metadata).toEqual({ 'io.github.mcp-sampling/step': 'part:0' });
  });
});
