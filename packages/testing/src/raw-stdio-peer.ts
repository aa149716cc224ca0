/**
 * A peer that talks to a spawned server bin with hand-written stdio lines, for the checks a real
 * client can never make: lines over the size limit, ids no SDK would send, requests out of order.
 * Everything the server writes is kept: stdout parsed line by line, stderr as text.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';

/** Protocol revision and envelope keys of a 2026-07-28 request, as a raw `_meta` object. */
export const MODERN_ENVELOPE = {
  'io.modelcontextprotocol/protocolVersion': '2026-07-28',
  'io.modelcontextprotocol/clientInfo': { name: 'raw-stdio-peer', version: '1.0.0' },
  'io.modelcontextprotocol/clientCapabilities': {},
} as const;

/** One JSON-RPC message the server wrote to stdout. */
export type WireMessage = Record<string, unknown> & { id?: unknown };

/** Generous: only a hang should ever reach it. */
const DEFAULT_WAIT_MS = 60_000;

export class RawStdioPeer {
  /** Every stdout line that parsed as JSON, in order. */
  readonly messages: WireMessage[] = [];
  /** Stdout lines that did not parse as JSON. A correct server leaves this empty. */
  readonly strayLines: string[] = [];
  /** Everything written to stderr. */
  stderr = '';
  /** Exit code once the process ended (`null` when killed by a signal). */
  exitCode: number | null | undefined;

  private pending = '';
  private readonly waiters = new Set<() => void>();

  private constructor(private readonly child: ChildProcessWithoutNullStreams) {
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.read(chunk));
    child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
      this.wake();
    });
    child.on('exit', (code) => {
      this.exitCode = code;
      this.wake();
    });
    // A server that exits while a large line is still being written makes the write fail; the
    // test then sees the exit, not an unhandled stream error.
    child.stdin.on('error', () => {});
  }

  /** Start `node <binPath>` and wait until it reports it is ready on stderr. */
  static async start(binPath: string, env: Record<string, string> = {}): Promise<RawStdioPeer> {
    const child = spawn(process.execPath, [binPath], { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'pipe'] });
    const peer = new RawStdioPeer(child);
    await peer.waitFor(() => peer.stderr.includes('ready on stdio'), 'the ready line on stderr');
    return peer;
  }

  /** Write one line: a string as-is, anything else as JSON. Resolves once the pipe took it. */
  async send(line: unknown): Promise<void> {
    const text = typeof line === 'string' ? line : JSON.stringify(line);
    await new Promise<void>((resolve, reject) => {
      this.child.stdin.write(`${text}\n`, (error) => (error ? reject(error) : resolve()));
    });
  }

  /** The 2025 handshake: `initialize`, its answer, then `notifications/initialized`. */
  async initialize(id: string | number = 'init'): Promise<WireMessage> {
    await this.send({
      jsonrpc: '2.0',
      id,
      method: 'initialize',
      params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw-stdio-peer', version: '1.0.0' } },
    });
    const answer = await this.response(id);
    await this.send({ jsonrpc: '2.0', method: 'notifications/initialized' });
    return answer;
  }

  /** The answer to request `id` (`null` for an answer with a null id), waiting for it if needed. */
  async response(id: string | number | null, timeoutMs = DEFAULT_WAIT_MS): Promise<WireMessage> {
    let found: WireMessage | undefined;
    await this.waitFor(
      () => {
        found = this.messages.find((message) => message.id === id && ('result' in message || 'error' in message));
        return found !== undefined;
      },
      `an answer to id ${JSON.stringify(id)}`,
      timeoutMs,
    );
    return found as WireMessage;
  }

  /** Lines written to stderr, without the trailing empty one. */
  get stderrLines(): string[] {
    return this.stderr.split('\n').filter((line) => line !== '');
  }

  /** Resolves once `condition` holds; fails with what the server said if it never does. */
  async waitFor(condition: () => boolean, what: string, timeoutMs = DEFAULT_WAIT_MS): Promise<void> {
    if (condition()) return;
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => {
        this.waiters.delete(check);
        reject(new Error(`Timed out after ${timeoutMs} ms waiting for ${what}; stderr:\n${this.stderr.slice(-2000)}`));
      }, timeoutMs);
      const check = () => {
        if (condition()) {
          clearTimeout(timer);
          this.waiters.delete(check);
          resolve();
        } else if (this.exitCode !== undefined) {
          clearTimeout(timer);
          this.waiters.delete(check);
          reject(new Error(`The server exited (code ${this.exitCode}) before ${what}; stderr:\n${this.stderr.slice(-2000)}`));
        }
      };
      this.waiters.add(check);
      check();
    });
  }

  /** Kill the process (if still running) and wait for it to exit. */
  async close(): Promise<void> {
    if (this.exitCode !== undefined) return;
    const exited = new Promise<void>((resolve) => this.child.once('exit', () => resolve()));
    this.child.kill();
    await exited;
  }

  private read(chunk: string): void {
    this.pending += chunk;
    let newline = this.pending.indexOf('\n');
    while (newline !== -1) {
      const line = this.pending.slice(0, newline);
      this.pending = this.pending.slice(newline + 1);
      if (line.trim() !== '') {
        try {
          this.messages.push(JSON.parse(line) as WireMessage);
        } catch {
          this.strayLines.push(line);
        }
      }
      newline = this.pending.indexOf('\n');
    }
    this.wake();
  }

  private wake(): void {
    for (const waiter of [...this.waiters]) waiter();
  }
}
