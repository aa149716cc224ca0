/**
 * The standard `OTEL_*` variables this package decides with, read and checked before anything
 * starts: which signals to export, whether the SDK is disabled, the protocol, the metrics interval
 * and the diagnostic level. A value it cannot honour throws a `TelemetryConfigError` naming the
 * variable, so a bin can refuse to start with one clear line. Endpoints, headers, timeouts and the
 * resource variables are read by the exporters and the resource detector themselves.
 */
import { DiagLogLevel } from '@opentelemetry/api';

/** A telemetry variable set to something this package cannot honour; the message names it. */
export class TelemetryConfigError extends Error {
  override readonly name = 'TelemetryConfigError';
}

/** What the environment asks of the telemetry. */
export interface TelemetrySettings {
  /** `OTEL_SDK_DISABLED=true`: start nothing. */
  disabled: boolean;
  /** Export spans over OTLP (`OTEL_TRACES_EXPORTER` unset or naming `otlp`). */
  traces: boolean;
  /** Export metrics over OTLP (`OTEL_METRICS_EXPORTER` unset or naming `otlp`). */
  metrics: boolean;
  /** `OTEL_METRIC_EXPORT_INTERVAL`: milliseconds between metric exports (default 60000). */
  metricExportIntervalMs: number;
  /** `OTEL_METRIC_EXPORT_TIMEOUT`: milliseconds one metric export may take (default 30000, at most the interval). */
  metricExportTimeoutMs: number;
  /** `OTEL_LOG_LEVEL`: what the SDK's own diagnostics write to stderr (default `warn`). */
  logLevel: DiagLogLevel;
}

/** The exporters a signal may name. */
export const SUPPORTED_EXPORTERS = ['otlp', 'none'] as const;

/** The OTLP protocols accepted; both are sent as OTLP/HTTP with JSON bodies. */
export const SUPPORTED_PROTOCOLS = ['http/json', 'http/protobuf'] as const;

const DEFAULT_METRIC_EXPORT_INTERVAL_MS = 60_000;
const DEFAULT_METRIC_EXPORT_TIMEOUT_MS = 30_000;

const LOG_LEVELS: Record<string, DiagLogLevel> = {
  none: DiagLogLevel.NONE,
  error: DiagLogLevel.ERROR,
  warn: DiagLogLevel.WARN,
  info: DiagLogLevel.INFO,
  debug: DiagLogLevel.DEBUG,
  verbose: DiagLogLevel.VERBOSE,
  all: DiagLogLevel.ALL,
};

/**
 * Reads and checks the variables above from `env`. Empty values count as unset, as the SDK's own
 * readers treat them. Throws `TelemetryConfigError` for an exporter other than `otlp` or `none`
 * (`console` included: it would write to stdout, which carries JSON-RPC on stdio), the `grpc`
 * protocol, or a number or level written wrong.
 */
export function telemetrySettingsFromEnv(env: NodeJS.ProcessEnv = process.env): TelemetrySettings {
  const disabled = readDisabled(env);
  for (const name of [
    'OTEL_EXPORTER_OTLP_PROTOCOL',
    'OTEL_EXPORTER_OTLP_TRACES_PROTOCOL',
    'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL',
  ]) {
    checkProtocol(name, setting(env, name));
  }
  const metricExportIntervalMs = positiveMilliseconds(env, 'OTEL_METRIC_EXPORT_INTERVAL') ?? DEFAULT_METRIC_EXPORT_INTERVAL_MS;
  const timeout = positiveMilliseconds(env, 'OTEL_METRIC_EXPORT_TIMEOUT');
  if (timeout !== undefined && timeout > metricExportIntervalMs) {
    throw new TelemetryConfigError(
      `OTEL_METRIC_EXPORT_TIMEOUT (${timeout}) must not exceed OTEL_METRIC_EXPORT_INTERVAL (${metricExportIntervalMs}).`,
    );
  }
  return {
    disabled,
    traces: exportsOverOtlp(env, 'OTEL_TRACES_EXPORTER'),
    metrics: exportsOverOtlp(env, 'OTEL_METRICS_EXPORTER'),
    metricExportIntervalMs,
    metricExportTimeoutMs: timeout ?? Math.min(DEFAULT_METRIC_EXPORT_TIMEOUT_MS, metricExportIntervalMs),
    logLevel: readLogLevel(env),
  };
}

function setting(env: NodeJS.ProcessEnv, name: string): string | undefined {
  const value = env[name]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

function readDisabled(env: NodeJS.ProcessEnv): boolean {
  const value = setting(env, 'OTEL_SDK_DISABLED')?.toLowerCase();
  if (value === undefined || value === 'false') return false;
  if (value === 'true') return true;
  throw new TelemetryConfigError(`OTEL_SDK_DISABLED must be true or false (got ${value.slice(0, 40)}).`);
}

/** Whether a signal's exporter list (default `otlp`) asks for OTLP; anything unsupported throws. */
function exportsOverOtlp(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = setting(env, name);
  if (raw === undefined) return true;
  const exporters = raw
    .split(',')
    .map((exporter) => exporter.trim().toLowerCase())
    .filter((exporter) => exporter !== '');
  for (const exporter of exporters) {
    if (exporter === 'console') {
      throw new TelemetryConfigError(
        `${name}=console is not supported: the console exporter writes to stdout, which carries JSON-RPC on stdio. ` +
          'Send them to a collector with otlp (and OTEL_EXPORTER_OTLP_ENDPOINT), or set none.',
      );
    }
    if (!(SUPPORTED_EXPORTERS as readonly string[]).includes(exporter)) {
      throw new TelemetryConfigError(
        `${name}: '${exporter.slice(0, 40)}' is not supported; use otlp (OTLP over HTTP, the default) or none.`,
      );
    }
  }
  return exporters.includes('otlp');
}

function checkProtocol(name: string, value: string | undefined): void {
  if (value === undefined || (SUPPORTED_PROTOCOLS as readonly string[]).includes(value.toLowerCase())) return;
  throw new TelemetryConfigError(
    `${name}=${value.slice(0, 40)} is not supported: telemetry is sent as OTLP over HTTP (JSON), ` +
      'to port 4318 of a Collector or Jaeger; set http/json or leave it unset.',
  );
}

function positiveMilliseconds(env: NodeJS.ProcessEnv, name: string): number | undefined {
  const raw = setting(env, name);
  if (raw === undefined) return undefined;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value <= 0) {
    throw new TelemetryConfigError(`${name} must be a positive whole number of milliseconds (got ${raw.slice(0, 40)}).`);
  }
  return value;
}

function readLogLevel(env: NodeJS.ProcessEnv): DiagLogLevel {
  const raw = setting(env, 'OTEL_LOG_LEVEL');
  if (raw === undefined) return DiagLogLevel.WARN;
  const level = LOG_LEVELS[raw.toLowerCase()];
  if (level === undefined) {
    throw new TelemetryConfigError(
      `OTEL_LOG_LEVEL must be one of ${Object.keys(LOG_LEVELS).join(', ')} (got ${raw.slice(0, 40)}).`,
    );
  }
  return level;
}
