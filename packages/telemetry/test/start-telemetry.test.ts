/**
 * `startTelemetry` against a real OTLP/HTTP receiver on loopback: spans made through the
 * OpenTelemetry API (a parent across an async boundary, a child, a span continuing a W3C
 * `traceparent`) and a counter arrive as JSON with the service's resource; the standard variables
 * name the service, add headers, turn a signal off or disable everything; a collector that fails
 * is reported on the diagnostics line, never with a header's secret; a collector that never
 * answers cannot hold `shutdown`.
 */

import { PATIENT_WAIT } from '@mcp-sampling/testing';
import { type OtlpReceiver, startOtlpReceiver } from '@mcp-sampling/testing/otlp-receiver';
import { metrics, propagation, ROOT_CONTEXT, SpanKind, trace } from '@opentelemetry/api';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { startTelemetry, type Telemetry } from '../src/start-telemetry.js';

/** Long enough for any export on a loaded machine: the test waits for the flush, not for a limit. */
const PATIENT_SHUTDOWN_MS = 60_000;

const TRACE_ID = '0af7651916cd43dd8448eb211c80319c';
const PARENT_ID = 'b7ad6b7169203331';

let receiver: OtlpReceiver | undefined;
let telemetry: Telemetry | undefined;

async function receive(answer?: 'never' | number): Promise<OtlpReceiver> {
  receiver = await startOtlpReceiver(answer === undefined ? {} : { answer });
  return receiver;
}

function start(diagnostics?: (line: string) => void): Telemetry {
  telemetry = startTelemetry({ serviceName: 'mcp-server-test', serviceVersion: '1.2.3', ...(diagnostics && { diagnostics }) });
  return telemetry;
}

afterEach(async () => {
  // The receiver first: a request it holds then fails at once, and the SDK's shutdown completes.
  await receiver?.close();
  receiver = undefined;
  await telemetry?.shutdown(PATIENT_SHUTDOWN_MS);
  telemetry = undefined;
  vi.unstubAllEnvs();
});

describe('startTelemetry with OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('exports a span tree and a metric as OTLP/HTTP JSON, with the service resource', async () => {
    const { url, requests, spans, metrics: received } = await receive();
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', url);
    const running = start();
    expect(running).toMatchObject({ traces: true, metrics: true });

    const tracer = trace.getTracer('@mcp-sampling/kit');
    await tracer.startActiveSpan('tools/call test', { kind: SpanKind.SERVER }, async (call) => {
      // Past an await, the AsyncLocalStorage context manager still knows the active span.
      await new Promise((resolve) => setImmediate(resolve));
      tracer.startSpan('sample one', { kind: SpanKind.CLIENT, attributes: { 'mcp_sampling.step.key': 'one' } }).end();
      call.end();
    });
    metrics.getMeter('@mcp-sampling/kit').createCounter('mcp_sampling.calls').add(1, { 'mcp_sampling.path': 'host' });
    await running.shutdown(PATIENT_SHUTDOWN_MS);

    await vi.waitFor(() => expect(spans()).toHaveLength(2), PATIENT_WAIT);
    const call = spans().find((span) => span.name === 'tools/call test');
    const step = spans().find((span) => span.name === 'sample one');
    expect(call).toMatchObject({ kind: 2, parentSpanId: '', scope: '@mcp-sampling/kit' });
    expect(step).toMatchObject({ kind: 3, traceId: call?.traceId, parentSpanId: call?.spanId });
    expect(step?.attributes).toEqual({ 'mcp_sampling.step.key': 'one' });
    expect(call?.resource).toMatchObject({
      'service.name': 'mcp-server-test',
      'service.version': '1.2.3',
      'telemetry.sdk.language': 'nodejs',
      'telemetry.sdk.name': 'opentelemetry',
    });

    await vi.waitFor(() => expect(received().map((metric) => metric.name)).toContain('mcp_sampling.calls'), PATIENT_WAIT);
    const calls = received().find((metric) => metric.name === 'mcp_sampling.calls');
    expect(calls).toMatchObject({ type: 'sum', resource: { 'service.name': 'mcp-server-test' } });
    expect(calls?.points.map((point) => point.attributes)).toEqual([{ 'mcp_sampling.path': 'host' }]);

    const paths = requests.map((request) => request.path);
    expect(paths).toContain('/v1/traces');
    expect(paths).toContain('/v1/metrics');
    expect(requests.every((request) => request.headers['content-type'] === 'application/json')).toBe(true);
  });

  it('continues the trace of a W3C traceparent (the propagator is registered)', async () => {
    const { url, spans } = await receive();
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', url);
    const running = start();
    const parent = propagation.extract(ROOT_CONTEXT, { traceparent: `00-${TRACE_ID}-${PARENT_ID}-01` });
    trace.getTracer('@mcp-sampling/kit').startSpan('tools/call continued', {}, parent).end();
    await running.shutdown(PATIENT_SHUTDOWN_MS);

    await vi.waitFor(() => expect(spans()).toHaveLength(1), PATIENT_WAIT);
    expect(spans()[0]).toMatchObject({ name: 'tools/call continued', traceId: TRACE_ID, parentSpanId: PARENT_ID });
  });

  it('names the service from OTEL_SERVICE_NAME, adds OTEL_RESOURCE_ATTRIBUTES, sends the OTLP headers', async () => {
    const { url, spans, requests } = await receive();
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', url);
    vi.stubEnv('OTEL_SERVICE_NAME', 'summariser-eu');
    vi.stubEnv('OTEL_RESOURCE_ATTRIBUTES', 'deployment.environment.name=staging,service.name=ignored');
    vi.stubEnv('OTEL_EXPORTER_OTLP_HEADERS', 'x-collector-team=ops');
    const running = start();
    trace.getTracer('t').startSpan('one').end();
    await running.shutdown(PATIENT_SHUTDOWN_MS);

    await vi.waitFor(() => expect(spans()).toHaveLength(1), PATIENT_WAIT);
    expect(spans()[0]?.resource).toMatchObject({
      'service.name': 'summariser-eu',
      'service.version': '1.2.3',
      'deployment.environment.name': 'staging',
    });
    expect(requests[0]?.headers['x-collector-team']).toBe('ops');
  });

  it('posts spans to OTEL_EXPORTER_OTLP_TRACES_ENDPOINT as given', async () => {
    const { url, requests, spans } = await receive();
    vi.stubEnv('OTEL_EXPORTER_OTLP_TRACES_ENDPOINT', `${url}/custom/traces`);
    vi.stubEnv('OTEL_METRICS_EXPORTER', 'none');
    const running = start();
    expect(running).toMatchObject({ traces: true, metrics: false });
    trace.getTracer('t').startSpan('one').end();
    await running.shutdown(PATIENT_SHUTDOWN_MS);

    await vi.waitFor(() => expect(requests.map((request) => request.path)).toEqual(['/custom/traces']), PATIENT_WAIT);
    expect(spans()).toEqual([]); // spans() reads /v1/traces only
  });
});

describe('startTelemetry with a signal or the whole SDK turned off', () => {
  it('exports only metrics with OTEL_TRACES_EXPORTER=none, and the API records no span', async () => {
    const { url, requests } = await receive();
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', url);
    vi.stubEnv('OTEL_TRACES_EXPORTER', 'none');
    const running = start();
    expect(running).toMatchObject({ traces: false, metrics: true });
    const span = trace.getTracer('t').startSpan('unrecorded');
    expect(span.isRecording()).toBe(false);
    span.end();
    metrics.getMeter('t').createCounter('counted').add(1);
    await running.shutdown(PATIENT_SHUTDOWN_MS);

    await vi.waitFor(() => expect(requests.map((request) => request.path)).toEqual(['/v1/metrics']), PATIENT_WAIT);
  });

  it('starts nothing with OTEL_SDK_DISABLED=true', async () => {
    const { url, requests } = await receive();
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', url);
    vi.stubEnv('OTEL_SDK_DISABLED', 'true');
    const running = start();
    expect(running).toMatchObject({ traces: false, metrics: false });
    const span = trace.getTracer('t').startSpan('unrecorded');
    expect(span.isRecording()).toBe(false);
    span.end();
    metrics.getMeter('t').createCounter('counted').add(1);
    await running.shutdown(PATIENT_SHUTDOWN_MS);
    expect(requests).toEqual([]);
  });

  it('refuses the console exporter before starting anything', () => {
    vi.stubEnv('OTEL_TRACES_EXPORTER', 'console');
    expect(() => start()).toThrow(/OTEL_TRACES_EXPORTER=console is not supported/);
    expect(trace.getTracer('t').startSpan('unrecorded').isRecording()).toBe(false);
  });
});

describe('startTelemetry when the collector fails', () => {
  it('reports a refused export on the diagnostics line, without the headers it sent', async () => {
    const { url, requests } = await receive(400);
    const secret = 'Bearer collector-secret-0123456789';
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', url);
    vi.stubEnv('OTEL_EXPORTER_OTLP_HEADERS', `authorization=${secret}`);
    const lines: string[] = [];
    const running = start((line) => lines.push(line));
    trace.getTracer('t').startSpan('refused').end();
    await running.shutdown(PATIENT_SHUTDOWN_MS);

    await vi.waitFor(() => expect(lines.join('')).toMatch(/^mcp-server-test: opentelemetry error: /m), PATIENT_WAIT);
    expect(requests[0]?.headers.authorization).toBe(secret);
    expect(lines.every((line) => line.endsWith('\n') && line.indexOf('\n') === line.length - 1)).toBe(true);
    expect(lines.join('')).not.toContain('collector-secret');
  });

  it('returns from shutdown when the collector never answers', async () => {
    const { url, requests } = await receive('never');
    vi.stubEnv('OTEL_EXPORTER_OTLP_ENDPOINT', url);
    // So that the export the test leaves behind gives up soon after the receiver closes.
    vi.stubEnv('OTEL_EXPORTER_OTLP_TIMEOUT', '1000');
    vi.stubEnv('OTEL_METRICS_EXPORTER', 'none');
    const running = start(() => {});
    trace.getTracer('t').startSpan('stuck').end();
    // A short bound: the test passes by returning at all (vitest's limit only catches a hang).
    await running.shutdown(200);
    await vi.waitFor(() => expect(requests.map((request) => request.path)).toEqual(['/v1/traces']), PATIENT_WAIT);
  });
});
