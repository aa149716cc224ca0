/**
 * How much the kit logs and where to: the level from `MCP_SAMPLING_LOG` (checked, so a bin can
 * refuse a wrong value at start-up), and `configureLogging`, which a bin, a test or an embedder
 * calls to set the level and the line sink. Holds no logger: log-writer.ts loads pino only when a
 * line is due.
 */

/** The levels an operator chooses from, quietest first. */
export const LOG_LEVELS = ['off', 'error', 'info', 'debug'] as const;

/** How much the kit logs: nothing, errors, one line per call (and warnings), or also every round and step. */
export type LogLevel = (typeof LOG_LEVELS)[number];

/** The variable that sets the level. */
export const LOG_VARIABLE = 'MCP_SAMPLING_LOG';

/** What `configureLogging` sets. */
export interface LoggingOptions {
  /** How much to log. Default: `MCP_SAMPLING_LOG` when it names a level, else `error`. */
  level?: LogLevel;
  /**
   * Receives each line: one JSON object and its newline. Default: stderr, written synchronously
   * (through `pino-pretty` when stderr is a terminal).
   */
  write?: (line: string) => void;
}

/** The settings lines are written with; a new object each time they change. */
export interface LogSettings {
  readonly level: LogLevel;
  readonly write: ((line: string) => void) | undefined;
}

/** A level as the variable spells it (any case, spaces around ignored), or `undefined` for anything else. */
function levelOf(raw: string): LogLevel | undefined {
  const value = raw.trim().toLowerCase();
  return LOG_LEVELS.find((level) => level === value);
}

/**
 * The level `MCP_SAMPLING_LOG` sets, or `fallback` when it is unset or empty. Throws a `RangeError`
 * naming the variable and the accepted levels when it is anything else.
 */
export function logLevelFromEnv(fallback: LogLevel, env: NodeJS.ProcessEnv = process.env): LogLevel {
  const raw = env[LOG_VARIABLE];
  if (raw === undefined || raw.trim() === '') return fallback;
  const level = levelOf(raw);
  if (level === undefined) {
    throw new RangeError(`${LOG_VARIABLE} must be one of ${LOG_LEVELS.join(', ')} (got ${raw.trim().slice(0, 40)}).`);
  }
  return level;
}

let configured: LogSettings | undefined;

/**
 * Sets how much the kit logs, and where to, for the whole process: the bins call it at start-up
 * (`info` when serving HTTP, `error` on stdio, unless `MCP_SAMPLING_LOG` or `--log` says
 * otherwise); a test or an embedder calls it to read the lines. Options left out take their
 * defaults, so `configureLogging({})` restores them.
 */
export function configureLogging(options: LoggingOptions): void {
  configured = { level: options.level ?? defaultLevel(), write: options.write };
}

/**
 * The settings in force. Until `configureLogging` is called, `MCP_SAMPLING_LOG` when it names a
 * level (a wrong value is the bin's to refuse), else `error`, on stderr.
 */
export function logSettings(): LogSettings {
  configured ??= { level: defaultLevel(), write: undefined };
  return configured;
}

function defaultLevel(): LogLevel {
  return levelOf(process.env[LOG_VARIABLE] ?? '') ?? 'error';
}
