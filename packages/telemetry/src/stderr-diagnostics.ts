/**
 * The OpenTelemetry SDK's own diagnostics (an export that failed, a URL it could not parse), one
 * line each on stderr. The SDK's `DiagConsoleLogger` sends `info` and `debug` to `console.log`,
 * that is stdout, which carries JSON-RPC on stdio; this one never touches stdout.
 */
import { format } from 'node:util';
import type { DiagLogger } from '@opentelemetry/api';

/** A `DiagLogger` that writes `<prefix>: opentelemetry <level>: <message>` lines to `write` (stderr by default). */
export function stderrDiagLogger(
  prefix: string,
  write: (line: string) => void = (line) => process.stderr.write(line),
): DiagLogger {
  const at =
    (level: string) =>
    (message: string, ...args: unknown[]): void => {
      const text = format(message, ...args).replace(/\s*\n\s*/g, ' ');
      write(`${prefix}: opentelemetry ${level}: ${text}\n`);
    };
  return { error: at('error'), warn: at('warn'), info: at('info'), debug: at('debug'), verbose: at('verbose') };
}
