/**
 * `startTelemetry`: the OpenTelemetry Node SDK put together from its parts, as the standard
 * `OTEL_*` variables ask. Spans go through a `NodeTracerProvider` and a `BatchSpanProcessor` to the
 * OTLP/HTTP (JSON) trace exporter; metrics through a `MeterProvider` and a
 * `PeriodicExportingMetricReader` to the OTLP/HTTP (JSON) metric exporter; both with the service's
 * resource. The tracer provider is registered with an AsyncLocalStorage context manager and the
 * W3C trace-context (and baggage) propagators. The exporters read their endpoint, headers, timeout
 * and compression from the environment themselves.
 */
import { context, diag, metrics, propagation, trace } from '@opentelemetry/api';
import { OTLPMetricExporter } from '@opentelemetry/exporter-metrics-otlp-http';
import { OTLPTraceExporter } from '@opentelemetry/exporter-trace-otlp-http';
import { MeterProvider, PeriodicExportingMetricReader } from '@opentelemetry/sdk-metrics';
import { BatchSpanProcessor } from '@opentelemetry/sdk-trace-base';
import { NodeTracerProvider } from '@opentelemetry/sdk-trace-node';
import { serviceResource } from './service-resource.js';
import { stderrDiagLogger } from './stderr-diagnostics.js';
import { telemetrySettingsFromEnv } from './telemetry-settings.js';

/** Who is exporting. */
export interface TelemetryOptions {
  /** `service.name` unless `OTEL_SERVICE_NAME` or `OTEL_RESOURCE_ATTRIBUTES` names the service: the bin's name. */
  serviceName: string;
  /** `service.version`: the bin's version. */
  serviceVersion?: string;
  /** Where the SDK's diagnostics go, one line at a time (default: stderr, never stdout). */
  diagnostics?: (line: string) => void;
}

/** The running SDK. */
export interface Telemetry {
  /** Whether spans are exported. */
  readonly traces: boolean;
  /** Whether metrics are exported. */
  readonly metrics: boolean;
  /**
   * Exports what is pending (spans still in the batch, the metrics' last collection), then stops
   * and unregisters the SDK. Resolves once that is done or after `timeoutMs` (default
   * `DEFAULT_SHUTDOWN_TIMEOUT_MS`), whichever comes first, so an unreachable collector cannot hold
   * the process. Never rejects; calling it again returns the same wait.
   */
  shutdown(timeoutMs?: number): Promise<void>;
}

/** How long `shutdown` waits for the last export by default, in milliseconds. */
export const DEFAULT_SHUTDOWN_TIMEOUT_MS = 3_000;

/**
 * Starts tracing and metrics export as the environment asks (see `telemetrySettingsFromEnv`):
 * both over OTLP/HTTP by default, either one off with `OTEL_TRACES_EXPORTER=none` or
 * `OTEL_METRICS_EXPORTER=none`, nothing at all with `OTEL_SDK_DISABLED=true`. Throws
 * `TelemetryConfigError` before starting anything when a variable is set to something it cannot
 * honour. Start it once per process, before the first span.
 */
export function startTelemetry(options: TelemetryOptions): Telemetry {
  const settings = telemetrySettingsFromEnv();
  if (settings.disabled || (!settings.traces && !settings.metrics)) {
    return { traces: false, metrics: false, shutdown: () => Promise.resolve() };
  }
  diag.setLogger(stderrDiagLogger(options.serviceName, options.diagnostics), {
    logLevel: settings.logLevel,
    suppressOverrideMessage: true,
  });
  const resource = serviceResource(options.serviceName, options.serviceVersion);
  const stops: Array<() => Promise<void>> = [];

  if (settings.traces) {
    const tracerProvider = new NodeTracerProvider({
      resource,
      spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())],
    });
    // The defaults: AsyncLocalStorageContextManager, W3C trace-context and baggage propagators.
    tracerProvider.register();
    stops.push(() => tracerProvider.shutdown());
  }
  if (settings.metrics) {
    const meterProvider = new MeterProvider({
      resource,
      readers: [
        new PeriodicExportingMetricReader({
          exporter: new OTLPMetricExporter(),
          exportIntervalMillis: settings.metricExportIntervalMs,
          exportTimeoutMillis: settings.metricExportTimeoutMs,
        }),
      ],
    });
    metrics.setGlobalMeterProvider(meterProvider);
    stops.push(() => meterProvider.shutdown());
  }

  let stopped: Promise<void> | undefined;
  return {
    traces: settings.traces,
    metrics: settings.metrics,
    shutdown(timeoutMs = DEFAULT_SHUTDOWN_TIMEOUT_MS) {
      stopped ??= Promise.allSettled(stops.map((stop) => stop())).then((results) => {
        // The SDK reports a failed export only from its timers; the last one, at shutdown, is reported here.
        for (const result of results) if (result.status === 'rejected') diag.error('shutdown: %s', describe(result.reason));
        unregister();
      });
      return withinTime(stopped, timeoutMs);
    },
  };
}

/** An export failure in one line: the exporter's message, never the request it sent. */
function describe(reason: unknown): string {
  return reason instanceof Error ? reason.message || reason.name : String(reason);
}

/** Leaves the API as it was before the start, so nothing more is recorded into a stopped SDK. */
function unregister(): void {
  trace.disable();
  metrics.disable();
  propagation.disable();
  context.disable();
  diag.disable();
}

/** `work`, or nothing once `timeoutMs` has passed; the timer does not keep the process alive. */
function withinTime(work: Promise<void>, timeoutMs: number): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const timeUp = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, timeoutMs);
    timer.unref();
  });
  return Promise.race([work, timeUp]).finally(() => clearTimeout(timer));
}
