/**
 * `@mcp-sampling/telemetry`: the OpenTelemetry Node SDK (traces and metrics over OTLP/HTTP), started
 * from the standard `OTEL_*` variables. The servers' bins load it with `import()` only when those
 * variables ask for it.
 */
export {
  DEFAULT_SHUTDOWN_TIMEOUT_MS,
  startTelemetry,
  type Telemetry,
  type TelemetryOptions,
} from './start-telemetry.js';
export {
  SUPPORTED_EXPORTERS,
  SUPPORTED_PROTOCOLS,
  TelemetryConfigError,
  type TelemetrySettings,
  telemetrySettingsFromEnv,
} from './telemetry-settings.js';
