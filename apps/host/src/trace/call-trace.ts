/**
 * A traced call as plain data: the spans the host recorded for one `call --trace`, with times as
 * offsets from the call's start, ready to print as a timeline or to put in the `--json` document.
 * Types and tree helpers only, so reading a trace never loads OpenTelemetry.
 */

/** An attribute value as OpenTelemetry allows it. */
export type TraceAttributeValue = string | number | boolean | string[] | number[] | boolean[];

/** One finished span. */
export interface TracedSpan {
  name: string;
  kind: 'client' | 'server' | 'internal';
  spanId: string;
  /** Absent for the call span (the root of the host's trace). */
  parentSpanId?: string;
  /** Milliseconds from the call span's start. */
  startMs: number;
  durationMs: number;
  status: 'unset' | 'ok' | 'error';
  attributes: Record<string, TraceAttributeValue>;
}

/** The spans of one call, parents before their children, siblings in start order. */
export interface CallTrace {
  traceId: string;
  /** The W3C `traceparent` the host sent in the `tools/call` request's `params._meta`. */
  traceparent: string;
  spans: TracedSpan[];
}

/** A span and how deep it sits under the call span (0 for the call span). */
export interface SpanAtDepth {
  span: TracedSpan;
  depth: number;
}

/** `spans` depth first from their roots, each span's children in start order. */
export function spanTree(spans: readonly TracedSpan[]): SpanAtDepth[] {
  const ids = new Set(spans.map((span) => span.spanId));
  const byStart = [...spans].sort((a, b) => a.startMs - b.startMs);
  const childrenOf = (parent: string | undefined) =>
    byStart.filter((span) =>
      parent === undefined ? span.parentSpanId === undefined || !ids.has(span.parentSpanId) : span.parentSpanId === parent,
    );
  const out: SpanAtDepth[] = [];
  const visit = (span: TracedSpan, depth: number) => {
    out.push({ span, depth });
    for (const child of childrenOf(span.spanId)) visit(child, depth + 1);
  };
  for (const root of childrenOf(undefined)) visit(root, 0);
  return out;
}
