/**
 * Connecting as a sampling host: an SDK `Client` that declares the `sampling` capability and
 * registers one `sampling/createMessage` handler, over stdio (a spawned command) or Streamable
 * HTTP, in the era asked for:
 *
 *   legacy       the 2025 `initialize` handshake; servers push sampling requests
 *   auto         probe with `server/discover`, fall back to `initialize` (on stdio the probe runs
 *                in a short-lived sibling process)
 *   2026-07-28   pinned: `server/discover` only; sampling arrives as `input_required` rounds that
 *                the client fulfils with the same handler, then retries the call
 *
 * Failures become one-line `HostError`s with exit code 3 (the server could not be started,
 * reached, or kept), or 4 when it did not answer within the connect timeout.
 */
import type { ChildProcess } from 'node:child_process';
import type { Writable } from 'node:stream';
import { Client, SdkError, SdkErrorCode, StreamableHTTPClientTransport, type Transport } from '@modelcontextprotocol/client';
import { StdioClientTransport } from '@modelcontextprotocol/client/stdio';
import { connectionError, deepestMessage, EXIT_CODES, HostError, messageOf, oneLine } from './errors.js';
import type { SamplingHandler } from './sampling-handler.js';
import { describeTarget, type ServerTarget, serverLabel } from './server-target.js';

/**
 * The longest line the host reads from a stdio server: 24 MiB, the same limit as `@mcp-sampling/kit`'s
 * `MAX_STDIO_LINE_BYTES` (see the arithmetic in packages/kit/src/serving/stdio/stdio-limits.ts).
 * The SDK's default of 10 MiB is too small for a 2026-07-28 `input_required` round of a worst-case summarise input
 * (84 map requests of escaped text, about 12 MB on one line).
 */
export const MAX_SERVER_LINE_BYTES = 24 * 1024 * 1024;

/** The `--era` choices. */
export type EraOption = 'legacy' | 'auto' | '2026-07-28';

export const ERA_OPTIONS: readonly EraOption[] = ['legacy', 'auto', '2026-07-28'];

/** The era a connection ended up speaking. */
export type Era = '2025' | '2026-07-28';

/** How to connect. */
export interface ConnectOptions {
  era: EraOption;
  /** Answers every sampling request (see `createSamplingHandler`). */
  handler: SamplingHandler;
  /** stdio only: where to copy the server's stderr, line by line (e.g. `process.stderr` with `--verbose`). */
  serverStderr?: Writable;
  /** How the host introduces itself. */
  clientInfo?: { name: string; version: string };
  /**
   * Give up when the server has not completed the handshake after this long (default: wait as long
   * as the SDK does, about two minutes in `auto`).
   */
  connectTimeout?: { ms: number; source: string };
}

/** How a spawned server ended: its exit code, or the signal that stopped it. */
export type ServerExit = { code: number | null; signal: NodeJS.Signals | null };

/** A live connection to one server. */
export interface HostConnection {
  client: Client;
  era: Era;
  /** How the host reaches the server: a spawned command's stdio, or Streamable HTTP. */
  transport: 'stdio' | 'http';
  /** The server's name and version, as it reported them. */
  server: { name: string; version: string };
  /** stdio only: the most telling line the server wrote to stderr (its error, usually), if any. */
  serverErrorLine(): string | undefined;
  /** stdio only: how the server process ended, once it has. */
  serverExit(): ServerExit | undefined;
  close(): Promise<void>;
}

/** Connect to `target`, declaring sampling and answering it with `options.handler`. */
export async function connectToServer(target: ServerTarget, options: ConnectOptions): Promise<HostConnection> {
  const client = new Client(options.clientInfo ?? { name: 'mcp-sampling-host', version: '0.1.0' }, {
    capabilities: { sampling: {} },
    versionNegotiation: { mode: options.era === '2026-07-28' ? { pin: '2026-07-28' } : options.era },
  });
  client.setRequestHandler('sampling/createMessage', options.handler);

  const stderr = new StderrTail();
  let exit: ServerExit | undefined;
  let transport: Transport;
  if (target.kind === 'stdio') {
    const stdio = new StdioClientTransport({
      command: target.command,
      args: target.args,
      env: target.env,
      ...(target.cwd !== undefined && { cwd: target.cwd }),
      stderr: 'pipe',
      maxBufferSize: MAX_SERVER_LINE_BYTES,
    });
    stdio.stderr?.on('data', (chunk: Buffer) => stderr.add(chunk.toString('utf8'), options.serverStderr));
    stdio.stderr?.on('end', () => stderr.end(options.serverStderr));
    watchExit(stdio, (ended) => {
      exit = ended;
    });
    transport = stdio;
  } else {
    transport = new StreamableHTTPClientTransport(target.url, {
      ...(target.headers !== undefined && { requestInit: { headers: target.headers } }),
    });
  }

  let timer: NodeJS.Timeout | undefined;
  const timeout = options.connectTimeout;
  const timedOut =
    timeout === undefined
      ? undefined
      : new Promise<'timed out'>((resolve) => {
          timer = setTimeout(() => resolve('timed out'), timeout.ms);
        });
  try {
    const connected = client.connect(transport);
    connected.catch(() => undefined);
    if ((await (timedOut === undefined ? connected : Promise.race([connected, timedOut]))) === 'timed out') {
      await client.close().catch(() => undefined);
      throw noAnswerError(target, timeout as { ms: number; source: string });
    }
  } catch (error) {
    if (error instanceof HostError) throw error;
    await client.close().catch(() => undefined);
    await stderr.ended(1000);
    throw connectFailure(target, options.era, error, stderr.excerpt(), exit);
  } finally {
    clearTimeout(timer);
  }

  const era: Era = client.getProtocolEra() === 'modern' ? '2026-07-28' : '2025';
  const info = client.getServerVersion();
  return {
    client,
    era,
    transport: target.kind,
    server: { name: info?.name ?? 'server', version: info?.version ?? '' },
    serverErrorLine: () => stderr.excerpt(),
    serverExit: () => exit,
    close: () => client.close(),
  };
}

/**
 * Calls `onExit` when the process of a stdio transport ends. The SDK keeps the child process to
 * itself, so this looks it up when the transport starts; the hook sits on the instance, not on a
 * subclass, because the SDK's `auto` probe treats subclasses differently.
 */
function watchExit(stdio: StdioClientTransport, onExit: (exit: ServerExit) => void): void {
  const start = stdio.start.bind(stdio);
  stdio.start = async () => {
    const started = start();
    const child = (stdio as unknown as { _process?: ChildProcess })._process;
    child?.once('exit', (code, signal) => onExit({ code, signal }));
    await started;
  };
}

/** `it exited with code 70`, `it was stopped by SIGKILL`. */
export function describeExit(exit: ServerExit): string {
  return exit.signal !== null ? `it was stopped by ${exit.signal}` : `it exited with code ${exit.code}`;
}

/** The one-line error for a server that did not complete the handshake in time (exit code 4). */
function noAnswerError(target: ServerTarget, timeout: { ms: number; source: string }): HostError {
  const fix = target.kind === 'stdio' ? 'check that it is an MCP server on stdio' : 'check that the URL is an MCP endpoint';
  return new HostError(
    `${serverLabel(target)} did not answer within ${timeout.ms / 1000} s (${timeout.source}): ${fix}, or allow it more time`,
    EXIT_CODES.noAnswer,
  );
}

/** The one-line error for a connection that could not be made. */
function connectFailure(
  target: ServerTarget,
  era: EraOption,
  error: unknown,
  stderrLine: string | undefined,
  exit: ServerExit | undefined,
): HostError {
  const code = (error as { code?: unknown }).code;
  const message = messageOf(error);
  if (target.kind === 'stdio') {
    if (code === 'ENOENT') return connectionError(`cannot start the server: command '${target.command}' was not found`);
    if (code === 'EACCES') return connectionError(`cannot start the server: '${target.command}' is not executable`);
  }
  if (error instanceof SdkError && error.code === SdkErrorCode.EraNegotiationFailed && /did not offer/.test(message)) {
    return connectionError(
      `the server does not speak protocol 2026-07-28 (it did not offer it in server/discover); use --era auto or --era legacy`,
    );
  }
  if (target.kind === 'stdio' && /clos/i.test(message)) {
    const said = stderrLine === undefined ? 'run the command by itself to see why' : `it said: ${stderrLine}`;
    const ended = exit === undefined ? 'exited' : describeExit(exit).replace(/^it /, '');
    return connectionError(`the server ${ended} before the connection was set up (${said})`);
  }
  if (target.kind === 'http') {
    const refused = httpRefusal(target, error);
    if (refused !== undefined) return refused;
  }
  if (target.kind === 'http' && /fetch failed/.test(message)) {
    return connectionError(`cannot reach ${target.url.href}: ${oneLine(deepestMessage(error))}`);
  }
  const where = describeTarget(target);
  return connectionError(`cannot connect to ${where} (--era ${era}): ${oneLine(message)}`);
}

/**
 * An HTTP server that answered the handshake with an error status (the SDK's `SdkHttpError`
 * carries `status` and the body): its status, its own message, and for 401 how to send the token.
 * Nothing of what the host sent is repeated.
 */
function httpRefusal(target: Extract<ServerTarget, { kind: 'http' }>, error: unknown): HostError | undefined {
  const { status, data } = error as { status?: unknown; data?: { statusText?: unknown; text?: unknown } };
  if (typeof status !== 'number' || status < 400 || status > 599) return undefined;
  const statusText = typeof data?.statusText === 'string' && data.statusText !== '' ? ` ${data.statusText}` : '';
  const said = bodyMessage(data?.text);
  const fix = status === 401 ? "; give the server's token with --header 'Authorization: Bearer <token>'" : '';
  return connectionError(
    `${target.url.href} refused the connection with HTTP ${status}${statusText}${said === undefined ? '' : ` (${said})`}${fix}`,
  );
}

/** The `error.message` of a JSON-RPC error body, or the body itself, on one line. */
function bodyMessage(text: unknown): string | undefined {
  if (typeof text !== 'string' || text.trim() === '') return undefined;
  try {
    const message = (JSON.parse(text) as { error?: { message?: unknown } }).error?.message;
    if (typeof message === 'string') return oneLine(message, 300);
  } catch {
    // Not JSON: the body as it came.
  }
  return oneLine(text, 300);
}

/** Keeps the end of a server's stderr, to explain why it failed. */
class StderrTail {
  private text = '';
  private pending = '';
  private done = false;
  private waiters: Array<() => void> = [];

  add(chunk: string, copyTo: Writable | undefined): void {
    this.text = (this.text + chunk).slice(-16_384);
    if (copyTo === undefined) return;
    this.pending += chunk;
    const lines = this.pending.split('\n');
    this.pending = lines.pop() ?? '';
    for (const line of lines) copyTo.write(`[server] ${line}\n`);
  }

  end(copyTo?: Writable): void {
    if (copyTo !== undefined && this.pending !== '') copyTo.write(`[server] ${this.pending}\n`);
    this.pending = '';
    this.done = true;
    for (const wake of this.waiters.splice(0)) wake();
  }

  /** Resolves when the stream ended, or after `ms` at most. */
  async ended(ms: number): Promise<void> {
    if (this.done) return;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      this.waiters.push(() => {
        clearTimeout(timer);
        resolve();
      });
    });
  }

  excerpt(): string | undefined {
    return stderrExcerpt(this.text);
  }
}

/**
 * The most telling line of a server's stderr: the first line naming an error, else the last line;
 * stack frames and Node's version banner are skipped.
 */
export function stderrExcerpt(stderr: string): string | undefined {
  const lines = stderr
    .split('\n')
    .map((line) => line.trim())
    .filter((line) => line !== '' && !/^at\s/.test(line) && !/^Node\.js v\d/.test(line) && !/^\^+$/.test(line));
  const line =
    lines.find((candidate) => /\b[A-Za-z]*Error\b/.test(candidate) && !/^node:internal/.test(candidate)) ?? lines.at(-1);
  return line === undefined ? undefined : oneLine(line, 200);
}
