/**
 * Writes the kit's log lines with pino, loaded (with pino-pretty when stderr is a terminal) by a
 * dynamic import only when the first line at an enabled level is due: a server that logs nothing
 * never pays for it. Lines due while it loads wait in a queue and are written in order, with the
 * time they were logged. Output goes to stderr synchronously (so no line is lost when the process
 * exits), or to the sink `configureLogging` was given.
 */
import { writeSync } from 'node:fs';
import { hostname } from 'node:os';
import { type LogLevel, type LogSettings, logSettings } from './log-settings.js';

/** pino's level numbers for the lines the kit writes. */
const SEVERITY = { debug: 20, info: 30, warn: 40, error: 50 } as const;

/** The level of one line. */
export type LineLevel = keyof typeof SEVERITY;

/** The least severe line each setting lets through. */
const THRESHOLD: Record<LogLevel, number> = { off: Number.POSITIVE_INFINITY, error: 50, info: 30, debug: 20 };

/** A line as logged, written once the writer has loaded. */
interface Line {
  settings: LogSettings;
  level: LineLevel;
  msg: string;
  fields: Record<string, unknown>;
  /** When it was logged (Unix ms). */
  time: number;
}

type Emit = (line: Line) => void;

let emit: Emit | undefined;
let loading: Promise<void> | undefined;
const queue: Line[] = [];

/** Whether a line at `level` would be written now: callers skip building lines nobody reads. */
export function lineDue(level: LineLevel): boolean {
  return SEVERITY[level] >= THRESHOLD[logSettings().level];
}

/** Logs one line at `level` with message `msg` and `fields`, if the level in force lets it through. */
export function writeLine(level: LineLevel, msg: string, fields: Record<string, unknown>): void {
  const settings = logSettings();
  if (SEVERITY[level] < THRESHOLD[settings.level]) return;
  const line: Line = { settings, level, msg, fields, time: Date.now() };
  if (emit !== undefined && queue.length === 0) {
    emit(line);
    return;
  }
  queue.push(line);
  loading ??= load();
}

/**
 * Resolves once every line logged so far has been written (the first lines wait for pino to
 * load). Tests await it before reading what was logged; an embedder, before it exits on its own.
 */
export async function flushLogs(): Promise<void> {
  await loading;
}

async function load(): Promise<void> {
  // Should the process end before pino has loaded, the waiting lines are still written, plainly.
  const atExit = () => drain(plainEmit);
  process.once('exit', atExit);
  let loaded: Emit;
  try {
    loaded = await pinoEmit();
  } catch {
    // pino missing from a broken install: the same lines, written without it.
    loaded = plainEmit;
  }
  drain(loaded);
  emit = loaded;
  process.off('exit', atExit);
}

function drain(write: Emit): void {
  for (const line of queue.splice(0)) {
    try {
      write(line);
    } catch {
      // A sink that throws loses its line; the lines after it are still written.
    }
  }
}

/** The writer through pino: one logger per settings object, built when a line with them is written. */
async function pinoEmit(): Promise<Emit> {
  const pretty = process.stderr.isTTY === true;
  const [pinoModule, prettyModule] = await Promise.all([import('pino'), pretty ? import('pino-pretty') : undefined]);
  const pino = commonJs(pinoModule);
  let stderr: { write: (line: string) => void } | undefined;
  const stderrDestination = () => {
    if (stderr === undefined) {
      const boom = pino.destination({ fd: 2, sync: true });
      if (prettyModule === undefined) stderr = boom;
      else {
        const prettify = commonJs(prettyModule).prettyFactory({ ignore: 'pid,hostname', singleLine: true });
        stderr = { write: (line) => boom.write(prettify(line)) };
      }
    }
    return stderr;
  };
  let time = 0;
  let current: { settings: LogSettings; logger: ReturnType<typeof pino> } | undefined;
  return (line) => {
    if (current?.settings !== line.settings) {
      const destination = line.settings.write === undefined ? stderrDestination() : { write: line.settings.write };
      current = {
        settings: line.settings,
        logger: pino({ level: 'debug', timestamp: () => `,"time":${time}` }, destination),
      };
    }
    time = line.time;
    current.logger[line.level](line.fields, line.msg);
  };
}

/**
 * A CommonJS package's `module.exports`, from its `import()`: Node offers it as `default` (and some
 * names beside it), the bundle (see tools/install-kit) as `default` only.
 */
function commonJs<T>(imported: T): T {
  return (imported as { default?: T }).default ?? imported;
}

/** The writer without pino: the same JSON line, for lines left when pino cannot load or the process exits first. */
const plainEmit: Emit = (line) => {
  const text = `${JSON.stringify({ level: SEVERITY[line.level], time: line.time, pid: process.pid, hostname: hostname(), ...line.fields, msg: line.msg })}\n`;
  if (line.settings.write !== undefined) line.settings.write(text);
  else writeSync(2, text);
};
