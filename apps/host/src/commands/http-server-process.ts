/**
 * A server bin started on its own over Streamable HTTP, as `demo --transport http` runs each
 * server: `--http --port 0 --host 127.0.0.1`, with a bearer token made for this run. Its URL is read
 * from the ready line it writes to stderr (`<bin> <version> ready on http://127.0.0.1:<port>/mcp`);
 * `stop()` sends SIGTERM and waits for it to exit.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import type { Writable } from 'node:stream';
import { describeExit, type ServerExit, stderrExcerpt } from '../connect.js';
import { connectionError, EXIT_CODES, HostError } from '../errors.js';
import type { ServerTarget } from '../server-target.js';

/** The ready line's URL, with an optional ` (replica <name>)` after it. */
const READY_LINE = / ready on (http:\/\/\S+\/mcp)(?: \(replica [^)]*\))?\s*$/;

/** How long a stopped server may take to exit: its drain time (30 s by default) and some. */
const STOP_LIMIT_MS = 45_000;

/** A running HTTP server process. */
export interface HttpServerProcess {
  /** The URL and the token header to reach it with. */
  readonly target: Extract<ServerTarget, { kind: 'http' }>;
  /** SIGTERM, then how it ended (SIGKILL only if it is still there after `STOP_LIMIT_MS`). */
  stop(): Promise<ServerExit>;
}

/** What `startHttpServer` needs. */
export interface StartOptions {
  /** The server's script, run with this Node.js. */
  bin: string;
  /** Its environment (the token variable is added). */
  env: Record<string, string>;
  /** Give up when no ready line came by then. */
  readyTimeout: { ms: number; source: string };
  /** Where to copy its stderr, line by line, prefixed `[server]` (e.g. with `--verbose`). */
  stderr?: Writable;
  /** What to call it in messages. */
  label: string;
}

/** Start one server over HTTP and resolve once its ready line names its URL. */
export async function startHttpServer(options: StartOptions): Promise<HttpServerProcess> {
  const token = randomBytes(24).toString('hex');
  const child = spawn(process.execPath, [options.bin, '--http', '--port', '0', '--host', '127.0.0.1'], {
    env: { ...options.env, MCP_HTTP_TOKEN: token },
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<ServerExit>((resolve) => {
    child.once('exit', (code, signal) => resolve({ code, signal }));
  });
  let said = '';
  const url = await new Promise<URL>((resolve, reject) => {
    let pending = '';
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(
        new HostError(
          `${options.label} did not report 'ready on http://…/mcp' within ${options.readyTimeout.ms / 1000} s (${options.readyTimeout.source})`,
          EXIT_CODES.noAnswer,
        ),
      );
    }, options.readyTimeout.ms);
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      said = (said + chunk).slice(-16_384);
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop() ?? '';
      for (const line of lines) {
        options.stderr?.write(`[server] ${line}\n`);
        const ready = READY_LINE.exec(line);
        if (ready?.[1] !== undefined) {
          clearTimeout(timer);
          resolve(new URL(ready[1]));
        }
      }
    });
    child.once('error', (error) => {
      clearTimeout(timer);
      reject(connectionError(`cannot start ${options.label}: ${error.message}`));
    });
    void exited.then((exit) => {
      clearTimeout(timer);
      const excerpt = stderrExcerpt(said);
      const why = excerpt === undefined ? '' : ` (it said: ${excerpt})`;
      reject(connectionError(`${options.label} stopped before it was ready: ${describeExit(exit)}${why}`));
    });
  });
  return {
    target: { kind: 'http', url, headers: { Authorization: `Bearer ${token}` } },
    stop: () => stopServer(child, exited),
  };
}

async function stopServer(child: ChildProcess, exited: Promise<ServerExit>): Promise<ServerExit> {
  if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), STOP_LIMIT_MS);
  });
  const first = await Promise.race([exited, late]);
  clearTimeout(timer);
  if (first !== 'late') return first;
  child.kill('SIGKILL');
  return exited;
}
