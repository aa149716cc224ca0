import { connectInMemory, type Era, type MockHost, reply } from '@mcp-sampling/testing';
import {
  ANTHROPIC_API,
  fakeProviderApis,
  providerErrorResponse,
  type SentRequest,
  viewOfProviderRequest,
} from '@mcp-sampling/testing/provider-apis';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { createSamplingServer, type FallbackPolicy, type RegisterOptions } from '../src/index.js';
import { chainTool, fanOutTool, HANG_TIMEOUT_MS, maybeSampleTool, PATIENT_TIMEOUT_MS, pickColourTool } from './fixtures.js';

const API_KEY = ANTHROPIC_API.key;
const PROVIDER = { ...ANTHROPIC_API.config, retryBaseDelayMs: 1, maxRetries: 1 };
const eras: Era[] = ['2025', '2026-07-28'];

const apis = fakeProviderApis();
beforeAll(() => apis.listen());
afterAll(() => apis.close());

/** What reached the fake Anthropic API in this test. */
let sent: SentRequest[] = [];
const providerRequests = () =>
  sent.map((request) => ({ ...viewOfProviderRequest(ANTHROPIC_API, request.body), body: request.body }));

let host: MockHost | undefined;
afterEach(async () => {
  apis.reset();
  sent = [];
  await host?.close();
  host = undefined;
});

/** The Anthropic Messages API answering every request with `answer(userText)`, model `<requested>-20250101`. */
function anthropicAnswers(answer: (userText: string) => string) {
  sent = apis.answer(ANTHROPIC_API, async (n) => {
    const view = viewOfProviderRequest(ANTHROPIC_API, sent[n - 1]?.body ?? {});
    return Response.json(ANTHROPIC_API.success(answer(view.userText), `${view.model}-20250101`));
  });
}

const policy = (actions: FallbackPolicy['failed']): FallbackPolicy => ({
  'no-capability': actions,
  declined: actions,
  failed: actions,
  'invalid-output': actions,
});

const serverWith = (options: RegisterOptions) => () =>
  createSamplingServer(
    { name: 'kit-fallback-test', version: '0.0.0', tools: [fanOutTool, maybeSampleTool, chainTool, pickColourTool] },
    { sampleTimeoutMs: PATIENT_TIMEOUT_MS, heartbeatMs: 20, provider: null, ...options },
  );

const textOf = (result: { content?: unknown }) => JSON.stringify(result.content);

describe.each(eras)('fallback when the host cannot sample, on %s', (era) => {
  it('answers with the heuristic, and says so in provenance', async () => {
    host = await connectInMemory(serverWith({ fallback: policy(['heuristic', 'error']) }), { era, sampling: false });
    const result = await host.callTool('fan_out', { parts: ['a', 'b'] });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      joined: 'a / b',
      provenance: { path: 'heuristic', models: [], era, rounds: 0, samples: 0 },
    });
    expect((result.structuredContent as { provenance: { reason: string } }).provenance.reason).toMatch(
      /^no-capability: This tool needs the host to sample/,
    );
  });

  it('answers through the provider with the same run, fan-out and all', async () => {
    anthropicAnswers((userText) => `answer to ${userText.length} chars`);
    host = await connectInMemory(serverWith({ fallback: policy(['provider', 'error']), provider: PROVIDER }), {
      era,
      sampling: false,
    });
    const result = await host.callTool('fan_out', { parts: ['alpha', 'beta', 'gamma'] });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      provenance: {
        path: 'provider',
        models: ['claude-haiku-4-5-20250101', 'claude-opus-4-1-20250101'],
        era,
        rounds: 2,
        samples: 4,
      },
    });
    expect(providerRequests().map((request) => request.model)).toEqual([
      'claude-haiku-4-5',
      'claude-haiku-4-5',
      'claude-haiku-4-5',
      'claude-opus-4-1',
    ]);
    const first = providerRequests()[0];
    expect(first?.system).toContain('Answer briefly.');
    expect(first?.userText).toBe('<untrusted-input name="part">\nalpha\n</untrusted-input>');
    expect(first?.body.max_tokens).toBe(50);
    expect(host.requests).toHaveLength(0);
  });

  it('hands the prepared task to the host model when delegation is allowed', async () => {
    host = await connectInMemory(serverWith({ fallback: policy(['delegate']) }), { era, sampling: false });
    const { tools } = await host.client.listTools();
    expect(tools.find((tool) => tool.name === 'fan_out')?.outputSchema).toBeUndefined();
    const result = await host.callTool('fan_out', { parts: ['alpha', 'beta'] });
    expect(result.isError).toBeFalsy();
    expect(textOf(result)).toMatch(/^\[\{"type":"text","text":"DELEGATED TASK\. This server could not use a model/);
    expect(textOf(result)).toContain('There are 2 parts');
    const structured = result.structuredContent as {
      delegated: { steps: Array<{ key: string; instructions: string; input: string }> };
    };
    expect(structured.delegated.steps.map((step) => step.key)).toEqual(['part:0', 'part:1']);
    expect(structured.delegated.steps[0]?.instructions).toMatch(/^Answer briefly\./);
    expect(structured.delegated.steps[1]?.input).toContain('beta');
    expect(result.structuredContent).toMatchObject({ provenance: { path: 'delegated', era } });
  });

  it('ends in an isError that says what to configure when nothing applies', async () => {
    host = await connectInMemory(serverWith({ fallback: policy(['provider', 'heuristic', 'error']) }), { era, sampling: false });
    const result = await host.callTool('chain', { steps: 1 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/Fallbacks: no provider is configured; the tool 'chain' has no heuristic\./);
    expect(textOf(result)).toMatch(/ANTHROPIC_API_KEY or OPENAI_API_KEY/);
  });

  it('tries the next action when the provider fails, and never shows the key', async () => {
    sent = apis.answer(ANTHROPIC_API, () => providerErrorResponse(ANTHROPIC_API, 401, `invalid x-api-key ${API_KEY}`));
    const errors = vi.spyOn(console, 'error');
    host = await connectInMemory(serverWith({ fallback: policy(['provider', 'heuristic']), provider: PROVIDER }), {
      era,
      sampling: false,
    });
    const result = await host.callTool('fan_out', { parts: ['a'] });
    expect(result.structuredContent).toMatchObject({ provenance: { path: 'heuristic' } });
    const reason = (result.structuredContent as { provenance: { reason: string } }).provenance.reason;
    expect(reason).toMatch(/the provider failed: .*401/);
    expect(JSON.stringify(result)).not.toContain(API_KEY);
    expect(JSON.stringify(errors.mock.calls)).not.toContain(API_KEY);
    errors.mockRestore();
  });

  it('falls back when the answer stays invalid, asking the provider afresh for that step only', async () => {
    anthropicAnswers(() => '{"colour":"blue","confidence":0.7}');
    host = await connectInMemory(serverWith({ fallback: policy(['provider']), provider: PROVIDER }), {
      era,
      script: reply.json({ colour: 'purple', confidence: 0.5 }),
    });
    const result = await host.callTool('pick_colour', { thing: 'the sea' });
    expect(result.structuredContent).toMatchObject({ colour: 'blue', provenance: { path: 'provider' } });
    expect(host.requests.map((request) => request.key)).toEqual(['pick', 'pick:repair-1', 'pick:repair-2']);
    expect(providerRequests()).toHaveLength(1);
    expect(providerRequests()[0]?.body.messages).toHaveLength(1);
    expect((result.structuredContent as { provenance: { reason: string } }).provenance.reason).toMatch(/^invalid-output: /);
  });

  it('reuses the steps the host already answered when it falls back midway', async () => {
    anthropicAnswers(() => 'JOINED BY PROVIDER');
    host = await connectInMemory(serverWith({ fallback: policy(['provider']), provider: PROVIDER }), {
      era,
      script: { rules: [{ match: 'part', reply: reply.text('host part') }], otherwise: reply.malformed.empty() },
    });
    const result = await host.callTool('fan_out', { parts: ['a', 'b', 'c'] });
    expect(result.structuredContent).toMatchObject({
      joined: 'JOINED BY PROVIDER',
      partAnswers: ['host part', 'host part', 'host part'],
      provenance: { path: 'provider', models: ['mock-model', 'claude-opus-4-1-20250101'], samples: 4 },
    });
    expect(providerRequests().map((request) => request.model)).toEqual(['claude-opus-4-1']);
  });

  it('spends nothing on a fallback when run needs no step', async () => {
    host = await connectInMemory(serverWith({ fallback: policy(['delegate']) }), { era, sampling: false });
    const result = await host.callTool('maybe_sample', { sample: false });
    expect(result.structuredContent).toMatchObject({ answer: 'no sample needed', provenance: { path: 'host', samples: 0 } });
  });
});

describe('2025 era: declines, errors and timeouts reach the policy', () => {
  it('by default answers a decline with the heuristic, never the provider', async () => {
    anthropicAnswers(() => 'should not be asked');
    host = await connectInMemory(serverWith({ fallback: undefined, provider: PROVIDER }), {
      era: '2025',
      script: reply.decline(),
    });
    const result = await host.callTool('fan_out', { parts: ['a', 'b'] });
    expect(result.structuredContent).toMatchObject({ joined: 'a / b', provenance: { path: 'heuristic' } });
    expect((result.structuredContent as { provenance: { reason: string } }).provenance.reason).toMatch(
      /^declined: The host declined step 'part:/,
    );
    expect(providerRequests()).toHaveLength(0);
  });

  it('sends a declined step to the provider when the operator says so', async () => {
    anthropicAnswers(() => 'provider answer');
    host = await connectInMemory(serverWith({ fallback: { ...policy(['error']), declined: ['provider'] }, provider: PROVIDER }), {
      era: '2025',
      script: reply.decline(),
    });
    const result = await host.callTool('maybe_sample', { sample: true });
    expect(result.structuredContent).toMatchObject({ answer: 'provider answer', provenance: { path: 'provider' } });
  });

  it('answers a host error through the provider by default', async () => {
    anthropicAnswers(() => 'provider answer');
    host = await connectInMemory(serverWith({ fallback: undefined, provider: PROVIDER }), {
      era: '2025',
      script: reply.error('boom'),
    });
    const result = await host.callTool('maybe_sample', { sample: true });
    expect(result.structuredContent).toMatchObject({ answer: 'provider answer', provenance: { path: 'provider' } });
    expect((result.structuredContent as { provenance: { reason: string } }).provenance.reason).toMatch(
      /^failed: The host failed step 'only'/,
    );
  });

  it('treats a timeout as a failure and follows the policy', async () => {
    host = await connectInMemory(serverWith({ fallback: policy(['heuristic']), sampleTimeoutMs: HANG_TIMEOUT_MS }), {
      era: '2025',
      script: reply.hang(),
    });
    const result = await host.callTool('fan_out', { parts: ['x'] });
    expect(result.structuredContent).toMatchObject({ joined: 'x', provenance: { path: 'heuristic' } });
    expect((result.structuredContent as { provenance: { reason: string } }).provenance.reason).toMatch(
      /^failed: The host did not answer/,
    );
  });

  it('keeps the old isError when the policy says error', async () => {
    host = await connectInMemory(serverWith({ fallback: policy(['error']) }), { era: '2025', script: reply.decline() });
    const result = await host.callTool('fan_out', { parts: ['x'] });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/declined step 'part:0'.*chat\.mcp\.serverSampling/);
  });
});
