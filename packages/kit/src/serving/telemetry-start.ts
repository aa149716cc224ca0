/**
 * The bin's OpenTelemetry switch: when the standard variables ask for export, `@mcp-sampling/telemetry`
 * (the OpenTelemetry Node SDK and its OTLP exporters) is loaded with `import()` and started before
 * serving; without them nothing is loaded, and the kit's spans and metrics stay the API's no-ops.
 * The stop it returns flushes what is pending, within a bounded wait, before the bin exits.
 */

/** Variables that name where to send telemetry: any of them, set, turns export on. */
const ENDPOINT_VARIABLES = [
  'OTEL_EXPORTER_OTLP_ENDPOINT',
  'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
  'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
] as const;

/** Variables that name an exporter: set to anything but `none`, they turn export on. */
const EXPORTER_VARIABLES = ['OTEL_TRACES_EXPORTER', 'OTEL_METRICS_EXPORTER'] as const;

/** Flushes pending telemetry and stops it; resolves within a bounded wait and never rejects. */
export type StopTelemetry = () => Promise<void>;

const nothingToStop: StopTelemetry = () => Promise.resolve();

/**
 * Whether the environment asks for OpenTelemetry export: an OTLP endpoint is set, or an exporter
 * other than `none` is named, and `OTEL_SDK_DISABLED` is not `true`. Empty values count as unset.
 */
export function telemetryRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  const value = (name: string) => env[name]?.trim() ?? '';
  if (value('OTEL_SDK_DISABLED').toLowerCase() === 'true') return false;
  return (
    ENDPOINT_VARIABLES.some((name) => value(name) !== '') ||
    EXPORTER_VARIABLES.some((name) => value(name) !== '' && value(name).toLowerCase() !== 'none')
  );
}

/**
 * Starts OpenTelemetry export for the bin `bin` at `version` when `telemetryRequested()`, else
 * loads nothing. Throws the package's `TelemetryConfigError` (one line naming the variable) when a
 * variable is set to something it cannot honour, such as `OTEL_TRACES_EXPORTER=console`.
 */
export async function startRequestedTelemetry(bin: string, version: string): Promise<StopTelemetry> {
  if (!telemetryRequested()) return nothingToStop;
  const { startTelemetry } = await import('@mcp-sampling/telemetry');
  const telemetry = startTelemetry({ serviceName: bin, serviceVersion: version });
  return () => telemetry.shutdown();
}
