/**
 * The span tree the kit writes for each finished tool call, read from the OpenTelemetry SDK's
 * in-memory exporter while a real SDK client calls a real server: one call span, a span per round,
 * a span per step under its round, in both eras and on every path (host, provider, heuristic,
 * error), continuing a caller's `traceparent`, and never carrying the user's or the model's text.
 */
import { ERAS, type MockHost, reply } from '@mcp-sampling/testing';
import { useMockHosts } from '@mcp-sampling/testing/hosts';
import { ANTHROPIC_API, quickConfig, useFakeProviderApis } from '@mcp-sampling/testing/provider-apis';
import { SpanKind, SpanStatusCode } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { createSamplingServer, type FallbackPolicy, fallbackPolicyOf, type RegisterOptions } from '../src/index.js';
import { chainTool, fanOutTool, maybeSampleTool } from './fixtures.js';
import { callTreeOf, useSpanRecorder } from './telemetry-helpers.js';

const spans = useSpanRecorder();
const apis = useFakeProviderApis();
const connect = useMockHosts();

const serverWith =
  (options: RegisterOptions = {}) =>
  () =>
    createSamplingServer(
      { name: 'kit-trace-test', version: '0.0.0', tools: [fanOutTool, maybeSampleTool, chainTool] },
      { provider: null, fallback: fallbackPolicyOf(['error']), ...options },
    );

/** The host's model answers every step with `answer <key>`. */
const hostAnswers = reply.text((request) => `answer ${request.key}`, 'host-model-1');

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';
const TRACEPARENT = `00-${TRACE_ID}-${CALLER_SPAN_ID}-01`;

/** One `tools/call` whose request `_meta` carries the caller's W3C trace context. */
const callWithTrace = (host: MockHost, name: string, args: Record<string, unknown>) =>
  host.client.callTool({ name, arguments: args, _meta: { traceparent: TRACEPARENT, tracestate: 'vendor=opaque' } });

describe.each(ERAS)('the span tree of a fan-out on %s', (era) => {
  it('is one call span, a span per round, and one span per step under its round', async () => {
    const host = await connect(serverWith(), { era, script: hostAnswers });
    const result = await host.callTool('fan_out', { parts: ['a', 'b', 'c'] });
    expect(result.isError).toBeFalsy();

    const { call, rounds, stepsOf } = callTreeOf(spans.getFinishedSpans());
    expect(call.name).toBe('tools/call fan_out');
    expect(call.kind).toBe(SpanKind.SERVER);
    expect(call.status.code).toBe(SpanStatusCode.UNSET);
    expect(call.parentSpanContext).toBeUndefined();
    expect(call.instrumentationScope.name).toBe('@mcp-sampling/kit');
    expect(call.attributes).toEqual({
      'mcp.method.name': 'tools/call',
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'fan_out',
      'mcp_sampling.era': era,
      'mcp_sampling.transport': 'stdio',
      'mcp_sampling.path': 'host',
      'mcp_sampling.outcome': 'ok',
      'mcp_sampling.rounds': 2,
      'mcp_sampling.samples': 4,
      'mcp_sampling.models': ['host-model-1'],
    });

    expect(rounds.map((round) => round.name)).toEqual(['sampling round 1', 'sampling round 2']);
    expect(rounds.map((round) => round.kind)).toEqual([SpanKind.INTERNAL, SpanKind.INTERNAL]);
    expect(rounds.map((round) => round.attributes)).toEqual([
      { 'mcp_sampling.round': 1, 'mcp_sampling.round.steps': 3 },
      { 'mcp_sampling.round': 2, 'mcp_sampling.round.steps': 1 },
    ]);
    const [first, second] = rounds.map(stepsOf);
    expect(first?.map((step) => step.name)).toEqual(['sample part:0', 'sample part:1', 'sample part:2']);
    expect(second?.map((step) => step.name)).toEqual(['sample join']);
    for (const step of [...(first ?? []), ...(second ?? [])]) expect(step.kind).toBe(SpanKind.CLIENT);
    expect(first?.[1]?.attributes).toEqual({
      'gen_ai.operation.name': 'chat',
      'gen_ai.request.max_tokens': 50,
      'gen_ai.response.model': 'host-model-1',
      'gen_ai.response.finish_reasons': ['endTurn'],
      'mcp_sampling.step.key': 'part:1',
      'mcp_sampling.step.preset': 'fast',
      'mcp_sampling.answered_by': 'host',
    });
    expect(second?.[0]?.attributes).toMatchObject({
      'gen_ai.request.max_tokens': 80,
      'mcp_sampling.step.key': 'join',
      'mcp_sampling.step.preset': 'smart',
    });
    // The join was asked for only after every part was answered.
    const [round1, round2] = rounds;
    expect(round1 && round2 && round2.startTime >= round1.endTime).toBe(true);
  });

  it("continues the caller's trace from the traceparent in the request's _meta", async () => {
    const host = await connect(serverWith(), { era, script: hostAnswers });
    const result = await callWithTrace(host, 'fan_out', { parts: ['a', 'b'] });
    expect(result.isError).toBeFalsy();
    const { call, rounds } = callTreeOf(spans.getFinishedSpans());
    expect(call.spanContext().traceId).toBe(TRACE_ID);
    expect(call.parentSpanContext).toMatchObject({ traceId: TRACE_ID, spanId: CALLER_SPAN_ID, isRemote: true });
    expect(call.spanContext().traceState?.get('vendor')).toBe('opaque');
    expect(rounds).toHaveLength(2);
  });

  it('writes nothing when the caller sampled its trace out', async () => {
    const host = await connect(serverWith(), { era, script: hostAnswers });
    const unsampled = `00-${TRACE_ID}-${CALLER_SPAN_ID}-00`;
    const result = await host.client.callTool({
      name: 'fan_out',
      arguments: { parts: ['a'] },
      _meta: { traceparent: unsampled },
    });
    expect(result.isError).toBeFalsy();
    expect(spans.getFinishedSpans()).toEqual([]);
    await host.callTool('fan_out', { parts: ['a'] });
    expect(spans.getFinishedSpans()).toHaveLength(1 + 2 + 2);
  });

  it("puts neither the user's text nor the model's text in any span", async () => {
    const userText = 'Quillbert the heron nests by the weir';
    const host = await connect(serverWith(), {
      era,
      script: reply.text((request) => `Zephyrine says ${request.key}`, 'host-model-1'),
    });
    const result = await callWithTrace(host, 'fan_out', { parts: [userText, `${userText} again`] });
    // Both texts did travel: to the host, and back into the result.
    expect(host.requests.some((request) => request.userText.includes('Quillbert'))).toBe(true);
    expect(JSON.stringify(result.content)).toContain('Zephyrine');

    const finished = spans.getFinishedSpans();
    expect(finished).toHaveLength(1 + 2 + 3);
    for (const span of finished) {
      const written = JSON.stringify([span.name, span.attributes, span.events, span.links, span.status]);
      expect(written).not.toMatch(/Quillbert|heron|weir|Zephyrine/);
    }
  });
});

describe.each(ERAS)('the span tree of a provider fallback on %s', (era) => {
  it('says path provider, why, and that the provider answered every step', async () => {
    apis.answerText(ANTHROPIC_API, 'provider answer', 'provider-model-7');
    const host = await connect(
      serverWith({ fallback: fallbackPolicyOf(['provider', 'error']), provider: quickConfig(ANTHROPIC_API) }),
      { era, sampling: false },
    );
    const result = await host.callTool('fan_out', { parts: ['a', 'b'] });
    expect(result.isError).toBeFalsy();

    const { call, rounds, stepsOf } = callTreeOf(spans.getFinishedSpans());
    expect(call.attributes).toMatchObject({
      'mcp_sampling.path': 'provider',
      'mcp_sampling.fallback.reason': 'no-capability',
      'mcp_sampling.outcome': 'ok',
      'mcp_sampling.rounds': 2,
      'mcp_sampling.samples': 3,
      'mcp_sampling.models': ['provider-model-7'],
    });
    expect(rounds.map((round) => stepsOf(round).length)).toEqual([2, 1]);
    for (const step of rounds.flatMap(stepsOf)) {
      expect(step.attributes).toMatchObject({
        'mcp_sampling.answered_by': 'provider',
        'gen_ai.response.model': 'provider-model-7',
        'gen_ai.response.finish_reasons': ['endTurn'],
      });
    }
  });
});

describe('a call the host fails midway, on 2025', () => {
  it("keeps the host's answered steps and adds the provider's", async () => {
    apis.answerText(ANTHROPIC_API, 'provider answer', 'provider-model-7');
    const failedToProvider: FallbackPolicy = { ...fallbackPolicyOf(['error']), failed: ['provider', 'error'] };
    const host = await connect(serverWith({ fallback: failedToProvider, provider: quickConfig(ANTHROPIC_API) }), {
      era: '2025',
      script: { rules: [{ match: 'join', reply: reply.error('model overloaded') }], otherwise: hostAnswers },
    });
    const result = await host.callTool('fan_out', { parts: ['a', 'b'] });
    expect(result.isError).toBeFalsy();

    const { call, rounds, stepsOf } = callTreeOf(spans.getFinishedSpans());
    expect(call.attributes).toMatchObject({
      'mcp_sampling.path': 'provider',
      'mcp_sampling.fallback.reason': 'failed',
      'mcp_sampling.models': ['host-model-1', 'provider-model-7'],
    });
    const answeredBy = rounds.map((round) => stepsOf(round).map((step) => step.attributes['mcp_sampling.answered_by']));
    expect(answeredBy).toEqual([['host', 'host'], ['provider']]);
  });
});

describe.each(ERAS)('calls without a step on %s', (era) => {
  it('a heuristic answer is a call span alone, saying why', async () => {
    const host = await connect(serverWith({ fallback: fallbackPolicyOf(['heuristic', 'error']) }), { era, sampling: false });
    const result = await host.callTool('fan_out', { parts: ['a', 'b'] });
    expect(result.isError).toBeFalsy();
    const [call, ...others] = spans.getFinishedSpans();
    expect(others).toEqual([]);
    expect(call?.status.code).toBe(SpanStatusCode.UNSET);
    expect(call?.attributes).toMatchObject({
      'mcp_sampling.path': 'heuristic',
      'mcp_sampling.fallback.reason': 'no-capability',
      'mcp_sampling.outcome': 'ok',
      'mcp_sampling.rounds': 0,
      'mcp_sampling.samples': 0,
      'mcp_sampling.models': [],
    });
  });

  it('an isError is a call span alone, with status ERROR and no path', async () => {
    const host = await connect(serverWith(), { era, sampling: false });
    const result = await host.callTool('maybe_sample', { sample: true });
    expect(result.isError).toBe(true);
    const [call, ...others] = spans.getFinishedSpans();
    expect(others).toEqual([]);
    expect(call?.name).toBe('tools/call maybe_sample');
    expect(call?.status).toEqual({ code: SpanStatusCode.ERROR, message: 'no-capability' });
    expect(call?.attributes).toMatchObject({ 'mcp_sampling.outcome': 'error', 'mcp_sampling.fallback.reason': 'no-capability' });
    expect(call?.attributes).not.toHaveProperty('mcp_sampling.path');
  });
});
