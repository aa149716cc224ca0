/**
 * The bin's OpenTelemetry switch, against a spawned fixture bin (the kit's dist, as the servers
 * use it) and a loopback OTLP/HTTP receiver: which variables turn export on, that the SDK is
 * started before serving (a span the tool records through the API is exported with the bin's
 * name and version), that what is pending is flushed when stdin closes or on SIGTERM, and that a
 * setting the telemetry cannot honour stops the bin at start-up.
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connectHttp, connectStdio, ERAS, PATIENT_WAIT, reply } from '@mcp-sampling/testing';
import { startHttpServer } from '@mcp-sampling/testing/bench';
import { type OtlpReceiver, startOtlpReceiver } from '@mcp-sampling/testing/otlp-receiver';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SERVER_SETTINGS } from '../src/operator/settings.js';
import { telemetryRequested } from '../src/serving/telemetry-start.js';

const BIN = fileURLToPath(new URL('./fixtures/telemetry-bin.mjs', import.meta.url));

/** Every telemetry variable the bin documents, blank (unset), so the caller's environment cannot leak in. */
const BLANK_OTEL = Object.fromEntries(
  SERVER_SETTINGS.filter((setting) => setting.name.startsWith('OTEL_')).map((setting) => [setting.name, '']),
);

/**
 * The receiver as the only collector. The batch waits far longer than any test, so a span the
 * receiver gets can only have left with the flush the bin does on its way out.
 */
const exportTo = (receiver: OtlpReceiver, more: Record<string, string> = {}) => ({
  ...BLANK_OTEL,
  OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
  OTEL_BSP_SCHEDULE_DELAY: '600000',
  OTEL_METRIC_EXPORT_INTERVAL: '600000',
  ...more,
});

let receiver: OtlpReceiver | undefined;
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
  await receiver?.close();
  receiver = undefined;
});

async function receive(): Promise<OtlpReceiver> {
  receiver = await startOtlpReceiver();
  return receiver;
}

describe('telemetryRequested', () => {
  it('is on for any OTLP endpoint, or an exporter other than none', () => {
    expect(telemetryRequested({})).toBe(false);
    expect(telemetryRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318' })).toBe(true);
    expect(telemetryRequested({ OTEL_EXPORTER_OTLP_TRACES_ENDPOINT: 'http://c:4318/v1/traces' })).toBe(true);
    expect(telemetryRequested({ OTEL_EXPORTER_OTLP_METRICS_ENDPOINT: 'http://c:4318/v1/metrics' })).toBe(true);
    expect(telemetryRequested({ OTEL_TRACES_EXPORTER: 'otlp' })).toBe(true);
    expect(telemetryRequested({ OTEL_METRICS_EXPORTER: 'otlp' })).toBe(true);
    expect(telemetryRequested({ OTEL_TRACES_EXPORTER: 'console' })).toBe(true); // loaded, then refused
  });

  it('is off for empty values, none, and OTEL_SDK_DISABLED=true whatever else is set', () => {
    expect(telemetryRequested(BLANK_OTEL)).toBe(false);
    expect(telemetryRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: ' ', OTEL_TRACES_EXPORTER: '' })).toBe(false);
    expect(telemetryRequested({ OTEL_TRACES_EXPORTER: 'none', OTEL_METRICS_EXPORTER: 'NONE' })).toBe(false);
    expect(telemetryRequested({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://localhost:4318', OTEL_SDK_DISABLED: 'True' })).toBe(false);
    // Other variables the SDK reads (service name, resource, interval) turn nothing on by themselves.
    expect(telemetryRequested({ OTEL_SERVICE_NAME: 'x', OTEL_METRIC_EXPORT_INTERVAL: '60000' })).toBe(false);
  });

  it('reacts only to variables the bin documents', () => {
    const documented = SERVER_SETTINGS.map((setting) => setting.name);
    for (const name of [
      'OTEL_EXPORTER_OTLP_ENDPOINT',
      'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
      'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
      'OTEL_TRACES_EXPORTER',
      'OTEL_METRICS_EXPORTER',
      'OTEL_SDK_DISABLED',
    ]) {
      expect(documented).toContain(name);
    }
    expect(SERVER_SETTINGS.find((setting) => setting.name === 'OTEL_EXPORTER_OTLP_HEADERS')?.secret).toBe(true);
  });
});

describe.each(ERAS)('a bin over stdio with OTEL_EXPORTER_OTLP_ENDPOINT, %s', (era) => {
  it('starts the SDK before serving and flushes its spans when stdin closes', async () => {
    const { spans } = await receive();
    const host = await connectStdio(
      { command: process.execPath, args: [BIN], env: exportTo(receiver as OtlpReceiver) },
      {
        era,
        script: reply.text('forty-two'),
      },
    );
    cleanups.push(() => host.close());
    const result = await host.callTool('ask', { question: 'What is six times seven?' });
    expect(result.structuredContent).toMatchObject({ answer: 'forty-two', provenance: { path: 'host', era } });
    await host.close();

    await vi.waitFor(() => expect(spans().map((span) => span.name)).toContain('fixture answered'), PATIENT_WAIT);
    const span = spans().find((found) => found.name === 'fixture answered');
    expect(span?.attributes).toEqual({ 'fixture.chars': 'forty-two'.length });
    expect(span?.resource).toMatchObject({ 'service.name': 'kit-telemetry-test-bin', 'service.version': '0.0.7' });
    expect(host.transport.strayStdoutLines).toEqual([]);
    expect(host.transport.stderr).toContain('kit-telemetry-test-bin 0.0.7 ready on stdio');
  });
});

describe('a bin with --http and OTEL_EXPORTER_OTLP_ENDPOINT', () => {
  it('flushes its spans on SIGTERM, then exits 0', async () => {
    const { spans } = await receive();
    const server = await startHttpServer({
      command: process.execPath,
      args: [BIN, '--http', '--port', '0'],
      env: exportTo(receiver as OtlpReceiver, { OTEL_SERVICE_NAME: 'kit-replica-a' }),
    });
    cleanups.push(() => server.close());
    const host = await connectHttp(server.url, { era: '2026-07-28', script: reply.text('yes') });
    cleanups.push(() => host.close());
    expect((await host.callTool('ask', { question: 'Ready?' })).structuredContent).toMatchObject({ answer: 'yes' });
    await host.close();

    expect(await server.stop('SIGTERM')).toBe(0);
    await vi.waitFor(() => expect(spans().map((span) => span.name)).toContain('fixture answered'), PATIENT_WAIT);
    expect(spans().find((span) => span.name === 'fixture answered')?.resource).toMatchObject({
      'service.name': 'kit-replica-a',
    });
  });
});

describe('a bin whose telemetry is off or refused', () => {
  it('exports nothing with OTEL_SDK_DISABLED=true, though an endpoint is set', async () => {
    const { requests } = await receive();
    const env = exportTo(receiver as OtlpReceiver, { OTEL_SDK_DISABLED: 'true' });
    const host = await connectStdio({ command: process.execPath, args: [BIN], env }, { script: reply.text('no') });
    cleanups.push(() => host.close());
    expect((await host.callTool('ask', { question: 'Traced?' })).structuredContent).toMatchObject({ answer: 'no' });
    // Closing waits for the exit, and anything exported leaves before it.
    await host.close();
    expect(requests).toEqual([]);
  });

  it.each([
    ['OTEL_TRACES_EXPORTER', 'console', 'OTEL_TRACES_EXPORTER=console is not supported: the console exporter writes to stdout'],
    ['OTEL_METRICS_EXPORTER', 'prometheus', "OTEL_METRICS_EXPORTER: 'prometheus' is not supported"],
    ['OTEL_EXPORTER_OTLP_PROTOCOL', 'grpc', 'OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported'],
  ])('refuses to start with %s=%s, on stderr with exit code 2', (name, value, message) => {
    const run = spawnSync(process.execPath, [BIN], {
      encoding: 'utf8',
      env: { ...process.env, ...BLANK_OTEL, OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', [name]: value },
      input: '',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`kit-telemetry-test-bin: ${message}`);
    expect(run.stderr).toContain("Try 'kit-telemetry-test-bin --help'.");
  });
});
