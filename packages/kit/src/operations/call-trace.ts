/**
 * The call's trace, written after the call ended from its report, with the times the report
 * records: one `tools/call {tool}` span, a `sampling round {r}` span per round, and a
 * `sample {key}` span per answered step under its round. Written this way, the replica that serves
 * a 2026-07-28 call's last round emits the whole tree, though no process saw every round. The call
 * continues the trace of a W3C `traceparent` in the request's `_meta`. Only the API is used: until a
 * tracer provider is registered the API hands out its proxy tracer, and then nothing is built.
 */
import {
  type Attributes,
  type Context,
  ProxyTracer,
  propagation,
  ROOT_CONTEXT,
  SpanKind,
  SpanStatusCode,
  type TextMapGetter,
  type Tracer,
  trace,
} from '@opentelemetry/api';
import type { MemoEntry } from '../state/memo.js';
import { countsOf } from './call-counts.js';
import type { CallReport } from './call-report.js';

/** The instrumentation scope of the kit's spans and metrics. */
export const TELEMETRY_SCOPE = '@mcp-sampling/kit';

/** Reads only string entries of `_meta`: a caller may put anything there. */
const metaGetter: TextMapGetter<Record<string, unknown>> = {
  keys: (carrier) => Object.keys(carrier),
  get: (carrier, key) => {
    const value = carrier[key];
    return typeof value === 'string' ? value : undefined;
  },
};

/**
 * Writes the span tree of one finished call. The parent is the caller's `traceparent` or nothing:
 * never the span active when the report is written, which on 2026-07-28 belongs to the last round
 * only and began after the call did.
 */
export function traceCall(report: CallReport): void {
  const tracer = trace.getTracer(TELEMETRY_SCOPE);
  // The proxy is what the API returns while no provider is registered: its spans would be no-ops.
  if (tracer instanceof ProxyTracer) return;
  const parent = report.meta === undefined ? ROOT_CONTEXT : propagation.extract(ROOT_CONTEXT, report.meta, metaGetter);
  const call = tracer.startSpan(
    `tools/call ${report.tool}`,
    { kind: SpanKind.SERVER, startTime: report.startedAt, attributes: callAttributes(report) },
    parent,
  );
  if (!call.isRecording()) {
    call.end(report.endedAt);
    return;
  }
  if (report.outcome === 'error') {
    call.setStatus({ code: SpanStatusCode.ERROR, ...(report.reason !== undefined && { message: report.reason }) });
  }
  const inCall = trace.setSpan(parent, call);
  for (const [round, steps] of stepsByRound(report.steps)) writeRound(tracer, inCall, round, steps);
  call.end(report.endedAt);
}

function callAttributes(report: CallReport): Attributes {
  const { provenance } = report;
  const counts = countsOf(report);
  return {
    'mcp.method.name': 'tools/call',
    'gen_ai.operation.name': 'execute_tool',
    'gen_ai.tool.name': report.tool,
    'mcp_sampling.era': report.era,
    'mcp_sampling.transport': report.transport,
    'mcp_sampling.outcome': report.outcome,
    'mcp_sampling.rounds': counts.rounds,
    'mcp_sampling.samples': counts.samples,
    'mcp_sampling.models': counts.models,
    ...(provenance !== undefined && { 'mcp_sampling.path': provenance.path }),
    ...(report.reason !== undefined && { 'mcp_sampling.fallback.reason': report.reason }),
  };
}

/** One round's span, from its earliest question to its latest answer, with a span per step. */
function writeRound(tracer: Tracer, inCall: Context, round: number, steps: MemoEntry[]): void {
  const span = tracer.startSpan(
    `sampling round ${round}`,
    {
      kind: SpanKind.INTERNAL,
      startTime: Math.min(...steps.map((step) => step.askedAt)),
      attributes: { 'mcp_sampling.round': round, 'mcp_sampling.round.steps': steps.length },
    },
    inCall,
  );
  const inRound = trace.setSpan(inCall, span);
  for (const step of steps) {
    tracer
      .startSpan(
        `sample ${step.key}`,
        { kind: SpanKind.CLIENT, startTime: step.askedAt, attributes: stepAttributes(step) },
        inRound,
      )
      .end(step.answeredAt);
  }
  span.end(Math.max(...steps.map((step) => step.answeredAt)));
}

function stepAttributes(step: MemoEntry): Attributes {
  return {
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.max_tokens': step.maxTokens,
    'gen_ai.response.model': step.model,
    ...(step.stopReason !== undefined && { 'gen_ai.response.finish_reasons': [step.stopReason] }),
    'mcp_sampling.step.key': step.key,
    'mcp_sampling.step.preset': step.preset,
    'mcp_sampling.answered_by': step.by,
    ...(step.truncated === true && { 'mcp_sampling.step.truncated': true }),
  };
}

/** The steps grouped by round, rounds in order, steps in the order they were asked. */
function stepsByRound(steps: MemoEntry[]): Map<number, MemoEntry[]> {
  const rounds = new Map<number, MemoEntry[]>();
  const ordered = [...steps].sort((a, b) => a.round - b.round || a.askedAt - b.askedAt);
  for (const step of ordered) {
    const round = rounds.get(step.round);
    if (round === undefined) rounds.set(step.round, [step]);
    else round.push(step);
  }
  return rounds;
}
