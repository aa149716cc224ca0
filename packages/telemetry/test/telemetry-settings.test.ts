/**
 * The variables the package decides with: defaults, each signal turned off, the SDK disabled, and
 * every value it cannot honour refused with a message that names the variable (the console
 * exporter first: it would write to stdout, which carries JSON-RPC on stdio).
 */
import { DiagLogLevel } from '@opentelemetry/api';
import { describe, expect, it } from 'vitest';
import { TelemetryConfigError, telemetrySettingsFromEnv } from '../src/telemetry-settings.js';

describe('telemetrySettingsFromEnv', () => {
  it('exports both signals over OTLP by default, every minute, with warnings on stderr', () => {
    expect(telemetrySettingsFromEnv({})).toEqual({
      disabled: false,
      traces: true,
      metrics: true,
      metricExportIntervalMs: 60_000,
      metricExportTimeoutMs: 30_000,
      logLevel: DiagLogLevel.WARN,
    });
  });

  it('counts empty values as unset', () => {
    const empty = {
      OTEL_SDK_DISABLED: '',
      OTEL_TRACES_EXPORTER: ' ',
      OTEL_METRICS_EXPORTER: '',
      OTEL_EXPORTER_OTLP_PROTOCOL: '',
      OTEL_METRIC_EXPORT_INTERVAL: '',
      OTEL_LOG_LEVEL: '',
    };
    expect(telemetrySettingsFromEnv(empty)).toEqual(telemetrySettingsFromEnv({}));
  });

  it('turns each signal off with none, and reads otlp in a list in any case', () => {
    expect(telemetrySettingsFromEnv({ OTEL_TRACES_EXPORTER: 'none' })).toMatchObject({ traces: false, metrics: true });
    expect(telemetrySettingsFromEnv({ OTEL_METRICS_EXPORTER: 'NONE' })).toMatchObject({ traces: true, metrics: false });
    expect(telemetrySettingsFromEnv({ OTEL_TRACES_EXPORTER: ' OTLP , none' })).toMatchObject({ traces: true });
  });

  it('reads OTEL_SDK_DISABLED, the metrics interval and timeout, and the diagnostic level', () => {
    expect(telemetrySettingsFromEnv({ OTEL_SDK_DISABLED: 'TRUE' }).disabled).toBe(true);
    expect(telemetrySettingsFromEnv({ OTEL_SDK_DISABLED: 'false' }).disabled).toBe(false);
    expect(telemetrySettingsFromEnv({ OTEL_METRIC_EXPORT_INTERVAL: '5000' })).toMatchObject({
      metricExportIntervalMs: 5000,
      metricExportTimeoutMs: 5000,
    });
    expect(telemetrySettingsFromEnv({ OTEL_METRIC_EXPORT_INTERVAL: '5000', OTEL_METRIC_EXPORT_TIMEOUT: '1000' })).toMatchObject({
      metricExportIntervalMs: 5000,
      metricExportTimeoutMs: 1000,
    });
    expect(telemetrySettingsFromEnv({ OTEL_LOG_LEVEL: 'debug' }).logLevel).toBe(DiagLogLevel.DEBUG);
    expect(telemetrySettingsFromEnv({ OTEL_LOG_LEVEL: 'NONE' }).logLevel).toBe(DiagLogLevel.NONE);
  });

  it('accepts http/json and http/protobuf (both sent as JSON)', () => {
    expect(() => telemetrySettingsFromEnv({ OTEL_EXPORTER_OTLP_PROTOCOL: 'http/json' })).not.toThrow();
    expect(() => telemetrySettingsFromEnv({ OTEL_EXPORTER_OTLP_TRACES_PROTOCOL: 'http/protobuf' })).not.toThrow();
  });

  it.each(['OTEL_TRACES_EXPORTER', 'OTEL_METRICS_EXPORTER'])('refuses %s=console, saying stdout carries JSON-RPC', (name) => {
    expect(() => telemetrySettingsFromEnv({ [name]: 'otlp,console' })).toThrow(TelemetryConfigError);
    expect(() => telemetrySettingsFromEnv({ [name]: 'console' })).toThrow(
      new RegExp(`^${name}=console is not supported: the console exporter writes to stdout, which carries JSON-RPC on stdio\\.`),
    );
  });

  it.each([
    [{ OTEL_TRACES_EXPORTER: 'zipkin' }, "OTEL_TRACES_EXPORTER: 'zipkin' is not supported; use otlp"],
    [{ OTEL_METRICS_EXPORTER: 'prometheus' }, "OTEL_METRICS_EXPORTER: 'prometheus' is not supported; use otlp"],
    [
      { OTEL_EXPORTER_OTLP_PROTOCOL: 'grpc' },
      'OTEL_EXPORTER_OTLP_PROTOCOL=grpc is not supported: telemetry is sent as OTLP over HTTP',
    ],
    [{ OTEL_EXPORTER_OTLP_METRICS_PROTOCOL: 'grpc' }, 'OTEL_EXPORTER_OTLP_METRICS_PROTOCOL=grpc is not supported'],
    [{ OTEL_SDK_DISABLED: 'yes' }, 'OTEL_SDK_DISABLED must be true or false (got yes)'],
    [{ OTEL_METRIC_EXPORT_INTERVAL: 'often' }, 'OTEL_METRIC_EXPORT_INTERVAL must be a positive whole number of milliseconds'],
    [{ OTEL_METRIC_EXPORT_INTERVAL: '0' }, 'OTEL_METRIC_EXPORT_INTERVAL must be a positive whole number of milliseconds'],
    [
      { OTEL_METRIC_EXPORT_INTERVAL: '1000', OTEL_METRIC_EXPORT_TIMEOUT: '5000' },
      'OTEL_METRIC_EXPORT_TIMEOUT (5000) must not exceed OTEL_METRIC_EXPORT_INTERVAL (1000)',
    ],
    [{ OTEL_LOG_LEVEL: 'loud' }, 'OTEL_LOG_LEVEL must be one of none, error, warn, info, debug, verbose, all (got loud)'],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => telemetrySettingsFromEnv(env)).toThrow(TelemetryConfigError);
    expect(() => telemetrySettingsFromEnv(env)).toThrow(message);
  });
});
