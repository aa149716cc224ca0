/**
 * A loopback OTLP/HTTP receiver for tests: a `node:http` server on 127.0.0.1 (port 0) that keeps
 * every JSON body POSTed to `/v1/traces` and `/v1/metrics`, as an OpenTelemetry Collector would
 * receive it, and reads the spans and metrics back as plain objects (attributes as a record,
 * resource attributes alongside), so a test asserts what a process really exported.
 */
import { createServer, type IncomingHttpHeaders, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the receiver got. */
export interface OtlpRequest {
  /** `/v1/traces`, `/v1/metrics`, or whatever else was asked. */
  path: string;
  headers: IncomingHttpHeaders;
  /** The parsed JSON body (`undefined` if it was not JSON). */
  body: unknown;
}

/** An attribute value as exported: a string, number, boolean or array of them. */
export type OtlpValue = string | number | boolean | OtlpValue[] | undefined;

/** One exported span. */
export interface ReceivedSpan {
  name: string;
  traceId: string;
  spanId: string;
  /** Empty for a root span. */
  parentSpanId: string;
  /** OTLP's span kind: 1 internal, 2 server, 3 client, 4 producer, 5 consumer. */
  kind: number;
  attributes: Record<string, OtlpValue>;
  /** The attributes of the resource the span was exported with (`service.name`, …). */
  resource: Record<string, OtlpValue>;
  /** OTLP's status code: 0 unset, 1 ok, 2 error. */
  statusCode: number;
  startTimeUnixNano: string;
  endTimeUnixNano: string;
  /** The instrumentation scope (tracer) name. */
  scope: string;
}

/** One exported metric, with the attributes of each of its data points. */
export interface ReceivedMetric {
  name: string;
  unit: string;
  /** `sum`, `histogram`, `gauge`, … : the data's kind. */
  type: string;
  points: Array<{ attributes: Record<string, OtlpValue> } & Record<string, unknown>>;
  resource: Record<string, OtlpValue>;
  scope: string;
}

/** What `startOtlpReceiver` returns. */
export interface OtlpReceiver {
  /** The base URL, `http://127.0.0.1:<port>`: the value for `OTEL_EXPORTER_OTLP_ENDPOINT`. */
  readonly url: string;
  /** Every request, in order. */
  readonly requests: OtlpRequest[];
  /** Every span of every `/v1/traces` body, in arrival order. */
  spans(): ReceivedSpan[];
  /** Every metric of every `/v1/metrics` body, in arrival order. */
  metrics(): ReceivedMetric[];
  close(): Promise<void>;
}

/** How the receiver answers: `ok` (200, `{}`), an HTTP status, or `never` (the request hangs until `close`). */
export type OtlpAnswer = 'ok' | 'never' | number;

/** Starts a receiver on 127.0.0.1 and a free port. */
export async function startOtlpReceiver(options: { answer?: OtlpAnswer } = {}): Promise<OtlpReceiver> {
  const answer = options.answer ?? 'ok';
  const requests: OtlpRequest[] = [];
  const server = createServer(async (request, response) => {
    const text = await bodyOf(request);
    let body: unknown;
    try {
      body = JSON.parse(text);
    } catch {
      body = undefined;
    }
    requests.push({ path: request.url ?? '', headers: request.headers, body });
    if (answer === 'never') return;
    response.writeHead(answer === 'ok' ? 200 : answer, { 'content-type': 'application/json' });
    response.end('{}');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  const bodies = (path: string) => requests.filter((request) => request.path === path).map((request) => request.body);
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    spans: () => bodies('/v1/traces').flatMap(spansOf),
    metrics: () => bodies('/v1/metrics').flatMap(metricsOf),
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

async function bodyOf(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

interface KeyValue {
  key: string;
  value?: AnyValue;
}
interface AnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: number | string;
  doubleValue?: number;
  arrayValue?: { values?: AnyValue[] };
}

/** OTLP/JSON attribute values as plain values (64-bit integers arrive as numbers or strings). */
function plainValue(value: AnyValue | undefined): OtlpValue {
  if (value === undefined) return undefined;
  if (value.stringValue !== undefined) return value.stringValue;
  if (value.boolValue !== undefined) return value.boolValue;
  if (value.intValue !== undefined) return Number(value.intValue);
  if (value.doubleValue !== undefined) return value.doubleValue;
  if (value.arrayValue !== undefined) return (value.arrayValue.values ?? []).map(plainValue);
  return undefined;
}

function attributesOf(list: KeyValue[] | undefined): Record<string, OtlpValue> {
  return Object.fromEntries((list ?? []).map(({ key, value }) => [key, plainValue(value)]));
}

interface ResourceSpans {
  resource?: { attributes?: KeyValue[] };
  scopeSpans?: Array<{
    scope?: { name?: string };
    spans?: Array<{
      name: string;
      traceId: string;
      spanId: string;
      parentSpanId?: string;
      kind?: number;
      attributes?: KeyValue[];
      status?: { code?: number };
      startTimeUnixNano: string;
      endTimeUnixNano: string;
    }>;
  }>;
}

function spansOf(body: unknown): ReceivedSpan[] {
  const resourceSpans = (body as { resourceSpans?: ResourceSpans[] } | undefined)?.resourceSpans ?? [];
  return resourceSpans.flatMap((entry) => {
    const resource = attributesOf(entry.resource?.attributes);
    return (entry.scopeSpans ?? []).flatMap((scoped) =>
      (scoped.spans ?? []).map((span) => ({
        name: span.name,
        traceId: span.traceId,
        spanId: span.spanId,
        parentSpanId: span.parentSpanId ?? '',
        kind: span.kind ?? 0,
        attributes: attributesOf(span.attributes),
        resource,
        statusCode: span.status?.code ?? 0,
        startTimeUnixNano: String(span.startTimeUnixNano),
        endTimeUnixNano: String(span.endTimeUnixNano),
        scope: scoped.scope?.name ?? '',
      })),
    );
  });
}

interface ResourceMetrics {
  resource?: { attributes?: KeyValue[] };
  scopeMetrics?: Array<{
    scope?: { name?: string };
    metrics?: Array<{ name: string; unit?: string } & Record<string, unknown>>;
  }>;
}

function metricsOf(body: unknown): ReceivedMetric[] {
  const resourceMetrics = (body as { resourceMetrics?: ResourceMetrics[] } | undefined)?.resourceMetrics ?? [];
  return resourceMetrics.flatMap((entry) => {
    const resource = attributesOf(entry.resource?.attributes);
    return (entry.scopeMetrics ?? []).flatMap((scoped) =>
      (scoped.metrics ?? []).map((metric) => {
        const type = Object.keys(metric).find((key) => !['name', 'unit', 'description', 'metadata'].includes(key)) ?? '';
        const data = metric[type] as { dataPoints?: Array<{ attributes?: KeyValue[] } & Record<string, unknown>> } | undefined;
        return {
          name: metric.name,
          unit: metric.unit ?? '',
          type,
          points: (data?.dataPoints ?? []).map((point) => ({ ...point, attributes: attributesOf(point.attributes) })),
          resource,
          scope: scoped.scope?.name ?? '',
        };
      }),
    );
  });
}
