/**
 * The bundled summarise bin (`dist/bin.js`, the code npm users run) with the standard OpenTelemetry
 * variables, against a loopback OTLP/HTTP receiver: a call in each era, made by a sampling host that
 * passes a W3C `traceparent` in `_meta`, is delivered when the host closes stdin as one trace under
 * the caller's span: the call span, its round, the step span, with the names and attributes of the
 * operations contract, the service's resource, and no user text anywhere. And a setting the bin
 * cannot honour stops it at start-up, with nothing on stdout.
 */
import { spawnSync } from 'node:child_process';
import { connectStdio, ERAS, PATIENT_WAIT, reply, type StdioMockHost } from '@mcp-sampling/testing';
import { type OtlpReceiver, type ReceivedSpan, startOtlpReceiver } from '@mcp-sampling/testing/otlp-receiver';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { builtBin } from '../src/list-tools.js';
import { blankServerEnvironment } from '../src/server-env.js';
import { serverInfo } from '../src/servers.js';
import { CALLS } from './calls.js';

const SERVER = serverInfo('summarise');

/** The caller's span, as a host that traces would pass it. */
const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const CALLER_SPAN_ID = '00f067aa0ba902b7';

let receiver: OtlpReceiver | undefined;
let host: StdioMockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
  await receiver?.close();
  receiver = undefined;
});

/** Every attribute value of `spans`, as text, for the leak check. */
const attributeText = (spans: ReceivedSpan[]) => JSON.stringify(spans.map((span) => [span.name, span.attributes, span.resource]));

describe.each(ERAS)('the bundled summarise bin with OTEL_EXPORTER_OTLP_ENDPOINT, %s', (era) => {
  it('delivers the call as one trace under the caller’s span when stdin closes: call, round, step', async () => {
    receiver = await startOtlpReceiver();
    const env = blankServerEnvironment({
      OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url,
      // Far longer than the test: the spans can only leave with the flush at exit.
      OTEL_BSP_SCHEDULE_DELAY: '600000',
    });
    host = await connectStdio({ command: process.execPath, args: [builtBin(SERVER)], env }, { era, script: reply.offline() });
    const result = await host.client.callTool({
      name: 'summarise',
      arguments: CALLS.summarise.args,
      _meta: { traceparent: `00-${TRACE_ID}-${CALLER_SPAN_ID}-01` },
    });
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    const provenance = (result.structuredContent as { provenance: { rounds: number; samples: number; models: string[] } })
      .provenance;
    const summary = (result.structuredContent as { summary: string }).summary;
    await host.close();

    const { spans } = receiver;
    await vi.waitFor(() => expect(spans().map((span) => span.name)).toContain('tools/call summarise'), PATIENT_WAIT);
    const call = spans().find((span) => span.name === 'tools/call summarise') as ReceivedSpan;
    expect(call).toMatchObject({ kind: 2, traceId: TRACE_ID, parentSpanId: CALLER_SPAN_ID, scope: '@mcp-sampling/kit' });
    expect(call.attributes).toMatchObject({
      'mcp.method.name': 'tools/call',
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'summarise',
      'mcp_sampling.era': era,
      'mcp_sampling.transport': 'stdio',
      'mcp_sampling.path': 'host',
      'mcp_sampling.outcome': 'ok',
      'mcp_sampling.rounds': provenance.rounds,
      'mcp_sampling.samples': provenance.samples,
      'mcp_sampling.models': provenance.models,
    });
    expect(call.resource).toMatchObject({ 'service.name': SERVER.binName, 'service.version': SERVER.version });

    const round = spans().find((span) => span.name === 'sampling round 1');
    expect(round).toMatchObject({ kind: 1, parentSpanId: call.spanId, attributes: { 'mcp_sampling.round': 1 } });
    const step = spans().find((span) => span.name === 'sample summary');
    expect(step).toMatchObject({
      kind: 3,
      parentSpanId: round?.spanId,
      attributes: { 'gen_ai.operation.name': 'chat', 'mcp_sampling.step.key': 'summary', 'mcp_sampling.answered_by': 'host' },
    });
    expect(step?.attributes['gen_ai.request.max_tokens']).toBeGreaterThan(0);

    // One trace holds the whole call (on 2026-07-28, written by the process that served the last round).
    expect(new Set(spans().map((span) => span.traceId))).toEqual(new Set([TRACE_ID]));
    const text = attributeText(spans());
    expect(text).not.toContain(CALLS.summarise.userTextHas);
    expect(text).not.toContain(summary);
  });
});

describe('the bundled summarise bin with an OpenTelemetry setting it cannot honour', () => {
  it.each([
    ['OTEL_TRACES_EXPORTER', 'console', 'OTEL_TRACES_EXPORTER=console is not supported: the console exporter writes to stdout'],
    ['OTEL_EXPORTER_OTLP_PROTOCOL', 'grpc', 'OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported'],
  ])('refuses to start with %s=%s, on stderr with exit code 2', (name, value, message) => {
    const run = spawnSync(process.execPath, [builtBin(SERVER)], {
      encoding: 'utf8',
      env: { ...process.env, ...blankServerEnvironment({ OTEL_EXPORTER_OTLP_ENDPOINT: 'http://127.0.0.1:9', [name]: value }) },
      input: '',
      timeout: 60_000,
    });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`${SERVER.binName}: ${message}`);
  });
});
