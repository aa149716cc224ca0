/**
 * The host's client-side spans for one tool call, with the OpenTelemetry SDK's in-memory exporter
 * (nothing is sent anywhere, nothing is registered globally). The call span starts before the
 * `tools/call` request so its W3C `traceparent` can travel in `params._meta`; the round and step
 * spans are written when the call has ended, from the timeline of its sampling requests, with
 * explicit start and end times (as the kit writes the server's side). Loaded only for `--trace`:
 * the SDK takes a noticeable moment to load.
 */
import { defaultTextMapSetter, ROOT_CONTEXT, type Span, SpanKind, SpanStatusCode, trace } from '@opentelemetry/api';
import { hrTimeToMilliseconds, W3CTraceContextPropagator } from '@opentelemetry/core';
import {
  AlwaysOnSampler,
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from '@opentelemetry/sdk-trace-base';
import type { SamplingRecord } from '../transcript.js';
import { type CallTrace, spanTree, type TracedSpan } from './call-trace.js';
import { epochNow, type SamplingTimeline } from './sampling-timeline.js';
import {
  type CallEnd,
  type CallInfo,
  callEndAttributes,
  callStartAttributes,
  roundAttributes,
  stepAttributes,
} from './span-attributes.js';

/** The tracer's name on every span the host records. */
export const HOST_TRACER_NAME = '@mcp-sampling/host';

/** How a traced call ended, and what to draw its rounds from. */
export interface TracedCallEnd extends CallEnd {
  /** The call's sampling requests, as the transcript holds them. */
  records: readonly SamplingRecord[];
  /** When each of them arrived and settled. */
  timeline: SamplingTimeline;
}

/** A call being traced: put `meta` in the request's `params._meta`, then `finish` once it has ended. */
export interface CallTraceRecorder {
  /** `traceparent` (and `tracestate`, when there is one) of the call span. */
  readonly meta: Readonly<Record<string, string>>;
  /** End the call span, write the round and step spans, and return the whole trace. */
  finish(end: TracedCallEnd): CallTrace;
}

/** Start the call span of `info`'s call, now. */
export function startCallTrace(info: CallInfo): CallTraceRecorder {
  const exporter = new InMemorySpanExporter();
  // An explicit sampler: OTEL_TRACES_SAMPLER in the environment must not empty a trace the user asked to see.
  const provider = new BasicTracerProvider({
    sampler: new AlwaysOnSampler(),
    spanProcessors: [new SimpleSpanProcessor(exporter)],
  });
  const tracer = provider.getTracer(HOST_TRACER_NAME);
  const startedAt = epochNow();
  const callSpan = tracer.startSpan(
    `tools/call ${info.tool}`,
    { kind: SpanKind.CLIENT, startTime: startedAt, attributes: callStartAttributes(info) },
    ROOT_CONTEXT,
  );
  const callContext = trace.setSpan(ROOT_CONTEXT, callSpan);
  const meta: Record<string, string> = {};
  new W3CTraceContextPropagator().inject(callContext, meta, defaultTextMapSetter);

  return {
    meta,
    finish(end) {
      const endedAt = epochNow();
      const rounds = [...new Set(end.records.map((record) => record.round))].sort((a, b) => a - b);
      for (const round of rounds) {
        const records = end.records.filter((record) => record.round === round);
        const times = records.map((record) => end.timeline.timesOf(record));
        const roundStart = Math.min(...times.map((moments) => moments?.arrivedAt ?? startedAt));
        const roundEnd = Math.max(...times.map((moments) => moments?.settledAt ?? endedAt));
        const roundSpan = tracer.startSpan(
          `sampling round ${round}`,
          { kind: SpanKind.INTERNAL, startTime: roundStart, attributes: roundAttributes(round, records.length) },
          callContext,
        );
        const roundContext = trace.setSpan(callContext, roundSpan);
        records.forEach((record, index) => {
          const moments = times[index];
          const stepSpan = tracer.startSpan(
            stepSpanName(record),
            { kind: SpanKind.SERVER, startTime: moments?.arrivedAt ?? roundStart, attributes: stepAttributes(record, moments) },
            roundContext,
          );
          const status = record.outcome?.status ?? 'unsettled';
          if (status !== 'answered') stepSpan.setStatus({ code: SpanStatusCode.ERROR, message: status });
          stepSpan.end(moments?.settledAt ?? endedAt);
        });
        roundSpan.end(roundEnd);
      }
      callSpan.setAttributes(callEndAttributes(end));
      if (end.outcome === 'error') callSpan.setStatus({ code: SpanStatusCode.ERROR, message: end.errorType ?? 'error' });
      callSpan.end(endedAt);
      return toCallTrace(exporter.getFinishedSpans(), callSpan, meta.traceparent ?? '');
    },
  };
}

/** `sample map:0`, or `sample #2` for a request without a step key. */
export function stepSpanName(record: SamplingRecord): string {
  return `sample ${record.key ?? `#${record.seq}`}`;
}

const KINDS: Record<SpanKind, TracedSpan['kind']> = {
  [SpanKind.INTERNAL]: 'internal',
  [SpanKind.SERVER]: 'server',
  [SpanKind.CLIENT]: 'client',
  [SpanKind.PRODUCER]: 'client',
  [SpanKind.CONSUMER]: 'server',
};

const STATUSES: Record<SpanStatusCode, TracedSpan['status']> = {
  [SpanStatusCode.UNSET]: 'unset',
  [SpanStatusCode.OK]: 'ok',
  [SpanStatusCode.ERROR]: 'error',
};

/** Finished spans as plain data, times relative to the call span's start. */
function toCallTrace(finished: ReadableSpan[], callSpan: Span, traceparent: string): CallTrace {
  const { traceId, spanId: callSpanId } = callSpan.spanContext();
  const root = finished.find((span) => span.spanContext().spanId === callSpanId);
  const origin = root === undefined ? 0 : hrTimeToMilliseconds(root.startTime);
  const spans = finished.map(
    (span): TracedSpan => ({
      name: span.name,
      kind: KINDS[span.kind],
      spanId: span.spanContext().spanId,
      ...(span.parentSpanContext !== undefined && { parentSpanId: span.parentSpanContext.spanId }),
      startMs: hundredths(hrTimeToMilliseconds(span.startTime) - origin),
      durationMs: hundredths(hrTimeToMilliseconds(span.duration)),
      status: STATUSES[span.status.code],
      attributes: { ...span.attributes } as TracedSpan['attributes'],
    }),
  );
  return { traceId, traceparent, spans: spanTree(spans).map((entry) => entry.span) };
}

const hundredths = (ms: number) => Math.round(ms * 100) / 100;
