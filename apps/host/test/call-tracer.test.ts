/**
 * The host's call trace in-process: the sampling handler with a timeline observer, then the spans
 * `startCallTrace` writes from it (tree, attributes, the traceparent), and the timeline text drawn
 * from a trace. The end-to-end runs against real servers are in trace.test.ts.
 */
import { describe, expect, it } from 'vitest';
import type { Answerer } from '../src/answerers/answerer.js';
import { type ApprovalDecision, type Approver, autoApprover } from '../src/approval.js';
import { NO_COLORS } from '../src/render/colors.js';
import { TIMELINE_CELLS, traceLines } from '../src/render/trace-text.js';
import { combineObservers, createSamplingHandler, type SamplingObserver } from '../src/sampling-handler.js';
import type { CallTrace, TracedSpan } from '../src/trace/call-trace.js';
import { startCallTrace } from '../src/trace/call-tracer.js';
import { SamplingTimeline } from '../src/trace/sampling-timeline.js';
import { Transcript } from '../src/transcript.js';
import { kitRequest } from './presets.js';

const SECRET_DOCUMENT = 'The quarterly figures for the Saltmarsh Bay ferry were never published.';
const SECRET_SYSTEM = 'You summarise one part of a harbour report and keep every number.';

/** An answerer whose replies stop at `maxTokens` when asked to, and echo nothing of the prompt. */
function answerer(stopReason: 'endTurn' | 'maxTokens' = 'endTurn'): Answerer {
  return {
    name: 'scripted',
    models: undefined,
    modelFor: (tier) => `model-${tier}`,
    answer: async (request) => ({ text: 'A reply.', model: `model-${request.tier}`, stopReason }),
  };
}

function tracedHandler(options: { approver?: Approver; stopReason?: 'endTurn' | 'maxTokens'; cap?: number } = {}) {
  const transcript = new Transcript();
  const timeline = new SamplingTimeline();
  const handler = createSamplingHandler({
    answerer: answerer(options.stopReason),
    approver: options.approver ?? autoApprover(),
    transcript,
    roundGatherMs: 0,
    observer: timeline,
    ...(options.cap !== undefined && { maxTokensPerRequest: options.cap }),
  });
  const recorder = startCallTrace({ tool: 'summarise', era: '2025', transport: 'stdio' });
  const finish = (): CallTrace =>
    recorder.finish({
      outcome: 'ok',
      provenance: { path: 'host', models: ['model-balanced'], era: '2025', rounds: 2, samples: 3 },
      requests: transcript.records.length,
      rounds: transcript.rounds,
      records: transcript.records,
      timeline,
    });
  return { handler, recorder, finish };
}

const request = (key: string, maxTokens = 120) =>
  kitRequest({
    key,
    preset: 'balanced',
    maxTokens,
    system: SECRET_SYSTEM,
    user: `<untrusted-input>${SECRET_DOCUMENT}</untrusted-input>`,
  });

const byName = (trace: CallTrace, name: string): TracedSpan => {
  const span = trace.spans.find((candidate) => candidate.name === name);
  if (span === undefined) throw new Error(`no span '${name}' in ${trace.spans.map((s) => s.name).join(', ')}`);
  return span;
};

describe('startCallTrace', () => {
  it('writes the call span, a span per round under it and a span per request under its round', async () => {
    const { handler, recorder, finish } = tracedHandler();
    await Promise.all([handler(request('map:0')), handler(request('map:1'))]);
    await handler(request('reduce'));
    const trace = finish();

    expect(trace.spans.map((span) => span.name)).toEqual([
      'tools/call summarise',
      'sampling round 1',
      'sample map:0',
      'sample map:1',
      'sampling round 2',
      'sample reduce',
    ]);
    const call = byName(trace, 'tools/call summarise');
    expect(recorder.meta).toEqual({ traceparent: `00-${trace.traceId}-${call.spanId}-01` });
    expect(trace.traceparent).toBe(recorder.meta.traceparent);
    expect(call).toMatchObject({ kind: 'client', startMs: 0 });
    expect(call.parentSpanId).toBeUndefined();
    const round1 = byName(trace, 'sampling round 1');
    const round2 = byName(trace, 'sampling round 2');
    expect([round1.parentSpanId, round2.parentSpanId]).toEqual([call.spanId, call.spanId]);
    expect(round1).toMatchObject({ kind: 'internal', attributes: { 'mcp_sampling.round': 1, 'mcp_sampling.round.steps': 2 } });
    expect(byName(trace, 'sample map:1').parentSpanId).toBe(round1.spanId);
    expect(byName(trace, 'sample reduce').parentSpanId).toBe(round2.spanId);
    // Round 2 was asked for only once round 1 had been answered.
    expect(round2.startMs).toBeGreaterThanOrEqual(round1.startMs + round1.durationMs - 0.02);

    expect(call.attributes).toEqual({
      'mcp.method.name': 'tools/call',
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'summarise',
      'mcp_sampling.era': '2025',
      'mcp_sampling.transport': 'stdio',
      'mcp_sampling.outcome': 'ok',
      'mcp_sampling.path': 'host',
      'mcp_sampling.rounds': 2,
      'mcp_sampling.samples': 3,
      'mcp_sampling.models': ['model-balanced'],
      'mcp_sampling.host.requests': 3,
      'mcp_sampling.host.rounds': 2,
    });
    expect(byName(trace, 'sample reduce')).toMatchObject({
      kind: 'server',
      status: 'unset',
      attributes: {
        'gen_ai.operation.name': 'chat',
        'gen_ai.request.max_tokens': 120,
        'gen_ai.request.model': 'model-balanced',
        'gen_ai.response.model': 'model-balanced',
        'gen_ai.response.finish_reasons': ['endTurn'],
        'gen_ai.provider.name': 'scripted',
        'mcp_sampling.step.key': 'reduce',
        'mcp_sampling.step.tier': 'balanced',
        'mcp_sampling.answered_by': 'host',
        'mcp_sampling.approval.decision': 'approved-auto',
        'mcp_sampling.step.outcome': 'answered',
      },
    });
    const text = JSON.stringify(trace);
    for (const secret of [SECRET_DOCUMENT, SECRET_SYSTEM, 'A reply.']) expect(text).not.toContain(secret);
  });

  it("records how long a person took to approve, but not a policy's decision", async () => {
    let approve: (() => void) | undefined;
    const person: Approver = {
      mode: 'prompt',
      decide: (pending): Promise<ApprovalDecision> =>
        pending.record.key === 'asked'
          ? new Promise((resolve) => {
              approve = () => resolve({ kind: 'approve', by: 'user' });
            })
          : Promise.resolve({ kind: 'approve', by: 'policy' }),
    };
    const { handler, finish } = tracedHandler({ approver: person });
    const asked = handler(request('asked'));
    await expect.poll(() => approve, { timeout: 60_000 }).toBeDefined();
    approve?.();
    await asked;
    await handler(request('policy'));
    const trace = finish();
    expect(byName(trace, 'sample asked').attributes).toMatchObject({
      'mcp_sampling.approval.decision': 'approved-by-user',
      'mcp_sampling.approval.wait_ms': expect.any(Number),
    });
    expect(byName(trace, 'sample policy').attributes['mcp_sampling.approval.wait_ms']).toBeUndefined();
    expect(traceLines(trace, { kind: 'result', provenance: undefined }, NO_COLORS).join('\n')).toMatch(
      /sample asked .* approved by the user · approval took \d/,
    );
  });

  it('marks a clamped request with what it asked for, and an answer cut at maxTokens as truncated', async () => {
    const { handler, finish } = tracedHandler({ stopReason: 'maxTokens', cap: 64 });
    await handler(request('map:0', 400));
    const step = byName(finish(), 'sample map:0');
    expect(step.attributes).toMatchObject({
      'gen_ai.request.max_tokens': 64,
      'mcp_sampling.request.max_tokens_asked': 400,
      'gen_ai.response.finish_reasons': ['maxTokens'],
      'mcp_sampling.step.truncated': true,
    });
  });

  it('a declined request is an error span, and a failed call an error call span', async () => {
    const deny: Approver = { mode: 'deny', decide: async () => ({ kind: 'deny', by: 'policy', reason: SECRET_DOCUMENT }) };
    const transcript = new Transcript();
    const timeline = new SamplingTimeline();
    const seen: string[] = [];
    const counting: SamplingObserver = { settled: (record) => seen.push(record.key ?? '') };
    const handler = createSamplingHandler({
      answerer: answerer(),
      approver: deny,
      transcript,
      roundGatherMs: 0,
      observer: combineObservers(timeline, counting),
    });
    const recorder = startCallTrace({ tool: 'classify', era: '2026-07-28', transport: 'http' });
    await expect(handler(request('classify'))).rejects.toThrow('Sampling request declined');
    const trace = recorder.finish({
      outcome: 'error',
      errorType: 'call_failed',
      requests: 1,
      rounds: 1,
      records: transcript.records,
      timeline,
    });
    expect(seen).toEqual(['classify']);
    expect(trace.spans[0]).toMatchObject({
      status: 'error',
      attributes: { 'mcp_sampling.outcome': 'error', 'error.type': 'call_failed', 'mcp_sampling.transport': 'http' },
    });
    expect(trace.spans[0]?.attributes['mcp_sampling.path']).toBeUndefined();
    expect(byName(trace, 'sample classify')).toMatchObject({
      status: 'error',
      attributes: { 'mcp_sampling.step.outcome': 'declined', 'mcp_sampling.approval.decision': 'denied-by-policy' },
    });
    expect(JSON.stringify(trace)).not.toContain(SECRET_DOCUMENT);
  });
});

describe('traceLines', () => {
  const span = (name: string, spanId: string, parentSpanId: string | undefined, startMs: number, durationMs: number) => ({
    name,
    kind: 'internal' as const,
    spanId,
    ...(parentSpanId !== undefined && { parentSpanId }),
    startMs,
    durationMs,
    status: 'unset' as const,
    attributes: {},
  });
  const trace: CallTrace = {
    traceId: 'a'.repeat(32),
    traceparent: `00-${'a'.repeat(32)}-${'1'.repeat(16)}-01`,
    spans: [
      span('sampling round 2', '3', '1', 50, 50),
      span('tools/call t', '1', undefined, 0, 100),
      span('sampling round 1', '2', '1', 0, 25),
    ],
  };

  it('draws each span indented under its parent, in start order, with a bar placing it within the call', () => {
    const lines = traceLines(trace, { kind: 'no-result' }, NO_COLORS);
    expect(lines[0]).toBe(`Trace ${'a'.repeat(32)}`);
    expect(lines[1]).toBe(`  sent to the server as params._meta.traceparent = 00-${'a'.repeat(32)}-${'1'.repeat(16)}-01`);
    const bars = lines.slice(2, 5).map((line) => /\|[ █]+\|/.exec(line)?.[0]);
    const cells = (from: number, to: number) => `|${' '.repeat(from)}${'█'.repeat(to - from)}${' '.repeat(TIMELINE_CELLS - to)}|`;
    expect(bars).toEqual([cells(0, 24), cells(0, 6), cells(12, 24)]);
    expect(lines.slice(2, 5).map((line) => /^ *\S+ \S+( \d)?/.exec(line)?.[0])).toEqual([
      '  tools/call t',
      '    sampling round 1',
      '    sampling round 2',
    ]);
    expect(lines[5]).toBe('provenance: none: the call ended without a result');
  });

  it('says what the provenance says, or that there is none', () => {
    const withProvenance = traceLines(
      trace,
      {
        kind: 'result',
        provenance: { path: 'heuristic', models: [], era: '2025', rounds: 0, samples: 0, reason: 'declined: no' },
      },
      NO_COLORS,
    );
    expect(withProvenance.at(-1)).toBe(
      'provenance: path heuristic · models (none) · era 2025 · rounds 0 · samples 0 · reason: declined: no',
    );
    expect(traceLines(trace, { kind: 'result', provenance: undefined }, NO_COLORS).at(-1)).toBe(
      'provenance: none in the result (the server does not say how it answered)',
    );
  });
});
