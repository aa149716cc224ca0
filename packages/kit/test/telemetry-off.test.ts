/**
 * Telemetry with nothing registered, as in a bin started without the OTEL_* variables: a call
 * starts no span at all, nothing throws, and the result is the same. A tracer provider registered
 * later (as a bin's SDK is, after the kit loaded) is reached from then on.
 */
import { reply } from '@mcp-sampling/testing';
import { useMockHosts } from '@mcp-sampling/testing/hosts';
import { context, ProxyTracer, propagation, trace } from '@opentelemetry/api';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { countCall } from '../src/operations/call-metrics.js';
import type { CallReport } from '../src/operations/call-report.js';
import { traceCall } from '../src/operations/call-trace.js';
import { buildTestServer } from './fixtures.js';
import { registerSpanRecorder } from './telemetry-helpers.js';

const connect = useMockHosts();

afterAll(() => {
  trace.disable();
  propagation.disable();
  context.disable();
});

/** Counts the spans started on the API's proxy tracer: what a span costs while no provider is registered. */
function countProxySpans(): { started: () => number; restore: () => void } {
  const spy = vi.spyOn(ProxyTracer.prototype, 'startSpan');
  return { started: () => spy.mock.calls.length, restore: () => spy.mockRestore() };
}

const step = (key: string, round: number) => ({
  key,
  round,
  text: 'model text',
  model: 'm',
  requestHash: 'h',
  by: 'host' as const,
  preset: 'fast' as const,
  maxTokens: 10,
  askedAt: 1_700_000_000_000 + round,
  answeredAt: 1_700_000_000_010 + round,
});

const REPORT: CallReport = {
  tool: 'fan_out',
  era: '2026-07-28',
  transport: 'http',
  startedAt: 1_700_000_000_000,
  endedAt: 1_700_000_000_100,
  outcome: 'ok',
  provenance: { path: 'host', models: ['m'], era: '2026-07-28', rounds: 2, samples: 3 },
  steps: [step('part:0', 1), step('part:1', 1), step('join', 2)],
  meta: { traceparent: '00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01' },
};

describe('telemetry with no OpenTelemetry provider registered', () => {
  it('starts no span for a call, and throws nothing', () => {
    const spans = countProxySpans();
    try {
      expect(() => traceCall(REPORT)).not.toThrow();
      expect(() => countCall(REPORT)).not.toThrow();
      expect(spans.started()).toBe(0);
    } finally {
      spans.restore();
    }
  });

  it('answers a fan-out as usual, then traces calls once a provider is registered', async () => {
    const spans = countProxySpans();
    try {
      const host = await connect(buildTestServer, { era: '2026-07-28', script: reply.text('answer') });
      const result = await host.callTool('fan_out', { parts: ['a', 'b'] });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ joined: 'answer', provenance: { rounds: 2, samples: 3 } });
      expect(spans.started()).toBe(0);

      const exporter = registerSpanRecorder();
      await host.callTool('fan_out', { parts: ['a', 'b'] });
      expect(spans.started()).toBe(0);
      expect(exporter.getFinishedSpans().map((span) => span.name)).toContain('tools/call fan_out');
      expect(exporter.getFinishedSpans()).toHaveLength(1 + 2 + 3);
    } finally {
      spans.restore();
    }
  });
});
