/**
 * OpenTelemetry for the kit's telemetry tests: the SDK's in-memory span exporter and a metric
 * reader collected on demand, registered globally as a bin's SDK would register them, and small
 * readers of what they hold (a call's span tree, a metric's data points, span times in ms).
 */
import { type Attributes, context, type HrTime, metrics, propagation, trace } from '@opentelemetry/api';
import { W3CTraceContextPropagator } from '@opentelemetry/core';
import { type DataPoint, MeterProvider, MetricReader } from '@opentelemetry/sdk-metrics';
import { BasicTracerProvider, InMemorySpanExporter, type ReadableSpan, SimpleSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { afterAll, afterEach, expect } from 'vitest';

/** Registers a tracer provider that keeps every ended span, and the W3C propagator; returns the exporter. */
export function registerSpanRecorder(): InMemorySpanExporter {
  const exporter = new InMemorySpanExporter();
  trace.setGlobalTracerProvider(new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] }));
  propagation.setGlobalPropagator(new W3CTraceContextPropagator());
  return exporter;
}

/** `registerSpanRecorder()` for a whole test file: spans forgotten after each test, the API reset after all. */
export function useSpanRecorder(): InMemorySpanExporter {
  const exporter = registerSpanRecorder();
  afterEach(() => exporter.reset());
  afterAll(() => {
    trace.disable();
    propagation.disable();
    context.disable();
  });
  return exporter;
}

/** A metric reader the test collects when it wants. */
class OnDemandReader extends MetricReader {
  protected override async onForceFlush(): Promise<void> {}
  protected override async onShutdown(): Promise<void> {}
}

/** Every data point of the metric `name`, with its attributes, as one collection sees them. */
export type Points = Array<DataPoint<unknown>>;

/** Registers a meter provider whose reader the returned `collect(name)` reads; `unregister()` resets the API. */
export function registerMetricReader(): { collect(name: string): Promise<Points>; unregister(): Promise<void> } {
  const reader = new OnDemandReader();
  const provider = new MeterProvider({ readers: [reader] });
  metrics.setGlobalMeterProvider(provider);
  return {
    async collect(name) {
      const { resourceMetrics, errors } = await reader.collect();
      expect(errors).toEqual([]);
      const found = resourceMetrics.scopeMetrics
        .flatMap((scope) => scope.metrics)
        .filter((metric) => metric.descriptor.name === name);
      return found.flatMap((metric) => metric.dataPoints as Points);
    },
    async unregister() {
      metrics.disable();
      await provider.shutdown();
    },
  };
}

/** The point whose attributes are exactly `attributes`. */
export function pointWith(points: Points, attributes: Attributes): DataPoint<unknown> | undefined {
  return points.find((point) => JSON.stringify(sorted(point.attributes)) === JSON.stringify(sorted(attributes)));
}

const sorted = (attributes: Attributes) => Object.fromEntries(Object.entries(attributes).sort(([a], [b]) => a.localeCompare(b)));

/** An HrTime as milliseconds since the epoch (the report's times are whole milliseconds, so exact). */
export const msOf = (time: HrTime): number => time[0] * 1000 + time[1] / 1e6;

/** A call's span tree as the exporter holds it: the one call span, its rounds, and each round's steps. */
export interface CallTree {
  call: ReadableSpan;
  rounds: ReadableSpan[];
  stepsOf(round: ReadableSpan): ReadableSpan[];
}

/** The spans whose parent is `parent`, in name order. */
export function childrenOf(spans: ReadableSpan[], parent: ReadableSpan): ReadableSpan[] {
  return spans
    .filter((span) => span.parentSpanContext?.spanId === parent.spanContext().spanId)
    .sort((a, b) => a.name.localeCompare(b.name));
}

/**
 * The tree of the only call span among `spans`, checked for what every tree must hold: every span
 * of the call's trace, every round a child of the call, every step a child of a round, times nested.
 */
export function callTreeOf(spans: ReadableSpan[]): CallTree {
  const calls = spans.filter((span) => span.name.startsWith('tools/call '));
  expect(calls).toHaveLength(1);
  const call = calls[0] as ReadableSpan;
  const rounds = childrenOf(spans, call);
  const stepsOf = (round: ReadableSpan) => childrenOf(spans, round);
  expect(spans.length).toBe(1 + rounds.length + rounds.reduce((sum, round) => sum + stepsOf(round).length, 0));
  for (const span of spans) expect(span.spanContext().traceId).toBe(call.spanContext().traceId);
  for (const round of rounds) {
    expect(msOf(round.startTime)).toBeGreaterThanOrEqual(msOf(call.startTime));
    expect(msOf(round.endTime)).toBeLessThanOrEqual(msOf(call.endTime));
    for (const step of stepsOf(round)) {
      expect(msOf(step.startTime)).toBeGreaterThanOrEqual(msOf(round.startTime));
      expect(msOf(step.endTime)).toBeLessThanOrEqual(msOf(round.endTime));
    }
  }
  return { call, rounds, stepsOf };
}
