/**
 * The span tree the kit writes for a real `summarise` fan-out: one `tools/call summarise` span, a
 * round of `map:*` steps, then a round with `reduce`, in both eras (on 2026-07-28 written whole by
 * the round that finishes the call), and the same call answered by the server's provider when the
 * host cannot sample. Recorded with the OpenTelemetry SDK's in-memory exporter, registered as a
 * bin's SDK would be; no user or model text may appear in any attribute.
 */

import { fallbackPolicyOf } from '@mcp-sampling/kit';
import { ERAS, reply } from '@mcp-sampling/testing';
import { useMockHosts } from '@mcp-sampling/testing/hosts';
import { ANTHROPIC_API, quickConfig, useFakeProviderApis } from '@mcp-sampling/testing/provider-apis';
import { context, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';
import { documentOf } from './texts.js';

const spans = new InMemorySpanExporter();
trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(spans)] }));
propagation.setGlobalPropagator(new W3CTraceContextPropagator());
afterEach(() => spans.reset());
afterAll(() => {
  trace.disable();
  propagation.disable();
  context.disable();
});

const connect = useMockHosts();
const apis = useFakeProviderApis();

/** Three chunks: `map:0` to `map:2` in the first round, `reduce` in the second. */
const TEXT = documentOf(60_000);
const MODEL_REPLY = 'A distinctive model reply about the committee';

const childrenOf = (parent: ReadableSpan) =>
  spans
    .getFinishedSpans()
    .filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId)
    .sort((a, b) => a.name.localeCompare(b.name));

/** The one call span, its rounds by name, and each round's step names; every span in one trace. */
function treeOfTheCall() {
  const finished = spans.getFinishedSpans();
  const calls = finished.filter((span) => span.name === 'tools/call summarise');
  expect(calls).toHaveLength(1);
  const call = calls[0] as ReadableSpan;
  for (const span of finished) expect(span.spanContext().traceId).toBe(call.spanContext().traceId);
  const rounds = childrenOf(call);
  const steps = Object.fromEntries(rounds.map((round) => [round.name, childrenOf(round).map((step) => step.name)]));
  expect(finished).toHaveLength(1 + rounds.length + Object.values(steps).flat().length);
  return { call, steps, finished };
}

/** No attribute of any span carries a piece of the document or of the model's reply. */
function expectNoText(finished: ReadableSpan[]) {
  const values = JSON.stringify(finished.map((span) => span.attributes));
  expect(values).not.toContain('Section 1 describes');
  expect(values).not.toContain('committee for the');
  expect(values).not.toContain(MODEL_REPLY);
}

describe.each(ERAS)('the trace of a summarise fan-out on %s', (era) => {
  it('is one call span, a round of map steps, then a round with reduce, answered by the host', async () => {
    const host = await connect(buildServer, { era, script: reply.text(MODEL_REPLY, 'host-model-3') });
    const result = await host.callTool('summarise', { text: TEXT });
    expect(result.structuredContent).toMatchObject({ chunks: 3, provenance: { path: 'host', rounds: 2, samples: 4 } });

    const { call, steps, finished } = treeOfTheCall();
    expect(steps).toEqual({
      'sampling round 1': ['sample map:0', 'sample map:1', 'sample map:2'],
      'sampling round 2': ['sample reduce'],
    });
    expect(call.attributes).toMatchObject({
      'gen_ai.tool.name': 'summarise',
      'mcp_sampling.era': era,
      'mcp_sampling.path': 'host',
      'mcp_sampling.rounds': 2,
      'mcp_sampling.samples': 4,
      'mcp_sampling.models': ['host-model-3'],
    });
    const reduce = finished.find((span) => span.name === 'sample reduce') as ReadableSpan;
    expect(reduce.attributes).toMatchObject({
      'gen_ai.operation.name': 'chat',
      'gen_ai.response.model': 'host-model-3',
      'mcp_sampling.step.key': 'reduce',
      'mcp_sampling.answered_by': 'host',
    });
    expect(reduce.attributes['gen_ai.request.max_tokens']).toBe(host.requests.at(-1)?.params.maxTokens);
    expectNoText(finished);
  });

  it('has the same shape when the host cannot sample and the provider answers every step', async () => {
    apis.answerText(ANTHROPIC_API, MODEL_REPLY, 'provider-model-9');
    const host = await apis.connectServer(
      buildServer,
      ANTHROPIC_API,
      { era },
      { fallback: fallbackPolicyOf(['provider', 'error']), provider: quickConfig(ANTHROPIC_API) },
    );
    const result = await host.callTool('summarise', { text: TEXT });
    expect(result.structuredContent).toMatchObject({ provenance: { path: 'provider', rounds: 2, samples: 4 } });

    const { call, steps, finished } = treeOfTheCall();
    expect(Object.values(steps).flat()).toEqual(['sample map:0', 'sample map:1', 'sample map:2', 'sample reduce']);
    expect(call.attributes).toMatchObject({
      'mcp_sampling.path': 'provider',
      'mcp_sampling.fallback.reason': 'no-capability',
      'mcp_sampling.models': ['provider-model-9'],
    });
    for (const step of finished.filter((span) => span.name.startsWith('sample '))) {
      expect(step.attributes['mcp_sampling.answered_by']).toBe('provider');
    }
    expectNoText(finished);
  });
});
