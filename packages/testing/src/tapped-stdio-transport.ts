/**
 * A client transport over a spawned server process that keeps every raw stdout line. The SDK's
 * own stdio client skips lines that are not JSON, which hides exactly the bug a stdio server test
 * must catch (anything but JSON-RPC on stdout), so this transport records them instead.
 */
import { type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { type JSONRPCMessage, parseJSONRPCMessage, serializeMessage, type Transport } from '@modelcontextprotocol/client';

/** How to start a server process. */
export interface ServerCommand {
  command: string;
  args?: string[];
  env?: Record<string, string>;
  cwd?: string;
}

export class TappedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;

  /** Every line the server wrote to stdout, in order. */
  readonly stdoutLines: string[] = [];
  /** Lines of stdout that were not a JSON-RPC message. A correct server leaves this empty. */
  readonly strayStdoutLines: string[] = [];
  /** Everything the server wrote to stderr. */
  stderr = '';

  private child: ChildProcessWithoutNullStreams | undefined;
  private pending = '';
  private closing: Promise<void> | undefined;

  constructor(private readonly server: ServerCommand) {}

  /** Process id of the server, once started. */
  get pid(): number | undefined {
    return this.child?.pid;
  }

  async start(): Promise<void> {
    const child = spawn(this.server.command, this.server.args ?? [], {
      cwd: this.server.cwd,
      env: { ...process.env, ...this.server.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    this.child = child;
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => this.read(chunk));
    child.stderr.on('data', (chunk: string) => {
      this.stderr += chunk;
    });
    child.on('error', (error) => this.onerror?.(error));
    child.on('close', () => this.onclose?.());
    await new Promise<void>((resolve, reject) => {
      child.once('spawn', resolve);
      child.once('error', reject);
    });
  }

  private read(chunk: string): void {
    this.pending += chunk;
    let newline = this.pending.indexOf('\n');
    while (newline !== -1) {
      const line = this.pending.slice(0, newline).replace(/\r$/, '');
      this.pending = this.pending.slice(newline + 1);
      this.stdoutLines.push(line);
      let message: JSONRPCMessage | undefined;
      try {
        message = parseJSONRPCMessage(JSON.parse(line));
      } catch {
        this.strayStdoutLines.push(line);
      }
      if (message !== undefined) this.onmessage?.(message);
      newline = this.pending.indexOf('\n');
    }
  }

  async send(message: JSONRPCMessage): Promise<void> {
    const child = this.child;
    if (child === undefined) throw new Error('TappedStdioTransport: not started');
    await new Promise<void>((resolve, reject) =>
      child.stdin.write(serializeMessage(message), (error) => (error ? reject(error) : resolve())),
    );
  }

  /**
   * Ends the server's stdin and waits for it to exit, killing it if it has not after 2 s. Safe to
   * call again, also after the server was killed: a process ended by a signal has no exit code,
   * and waiting for an exit that already happened would never end.
   */
  close(): Promise<void> {
    this.closing ??= this.stop();
    return this.closing;
  }

  private async stop(): Promise<void> {
    const child = this.child;
    if (child === undefined || child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
    child.stdin.end();
    const timer = setTimeout(() => child.kill('SIGKILL'), 2000);
    await exited;
    clearTimeout(timer);
  }
}
