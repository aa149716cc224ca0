/**
 * One server process serving Streamable HTTP (`<bin> --http --port 0`): started, waited for
 * through its ready line (which names the real port), and stopped.
 */
import type { ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import type { ServerBin } from './bins.js';
import { exited, spawnTracked } from './children.js';
import { HANG_LIMIT_MS, withinLimit } from './poll.js';
import { parseReadyLine } from './ready-line.js';

/** How a replica is started. */
export interface ReplicaOptions {
  bin: ServerBin;
  /** MCP_HTTP_REPLICA: the name every response carries in `Mcp-Replica`. */
  name: string;
  /** MCP_SAMPLING_STATE_KEY. */
  stateKey: string;
  /** MCP_HTTP_TOKEN. */
  token: string;
}

/** Lines of stderr kept per replica, shown when something fails. */
const KEPT_LINES = 40;

export class Replica {
  private constructor(
    readonly name: string,
    readonly child: ChildProcess,
    /** The endpoint, `http://127.0.0.1:<port>/mcp`. */
    readonly url: string,
    readonly port: number,
    /** The last lines of the process's stderr (kept up to date). */
    readonly stderr: readonly string[],
  ) {}

  /**
   * Start a replica on a free loopback port and resolve once its ready line arrived. The
   * environment holds only what the run needs: no provider key reaches it, and a step the host
   * does not answer becomes an error rather than a fallback, so nothing can pass by accident.
   */
  static async start({ bin, name, stateKey, token }: ReplicaOptions): Promise<Replica> {
    const child = spawnTracked(process.execPath, [bin.path, '--http', '--host', '127.0.0.1', '--port', '0'], {
      env: {
        PATH: process.env.PATH ?? '',
        MCP_HTTP_REPLICA: name,
        MCP_SAMPLING_STATE_KEY: stateKey,
        MCP_HTTP_TOKEN: token,
        MCP_SAMPLING_FALLBACK: 'error',
      },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    const stderr: string[] = [];
    const ready = new Promise<{ url: string; port: number }>((resolve, reject) => {
      createInterface({ input: child.stderr as NodeJS.ReadableStream }).on('line', (line) => {
        stderr.push(line);
        if (stderr.length > KEPT_LINES) stderr.shift();
        const parsed = parseReadyLine(line);
        if (parsed !== undefined) resolve(parsed);
      });
      child.once('exit', (code, signal) =>
        reject(new Error(`${bin.command} (${name}) exited (${signal ?? code}) before its ready line:\n${stderr.join('\n')}`)),
      );
      child.once('error', reject);
    });
    const { url, port } = await withinLimit(`${bin.command} (${name}) printing its ready line`, ready, HANG_LIMIT_MS);
    const replica = new Replica(name, child, url, port, stderr);
    return replica;
  }

  /** `127.0.0.1:<port>`, as HAProxy's server lines take it. */
  get address(): string {
    return `127.0.0.1:${this.port}`;
  }

  get alive(): boolean {
    return this.child.exitCode === null && this.child.signalCode === null;
  }

  /** Send `signal` and resolve once the process has exited. */
  async stop(signal: NodeJS.Signals = 'SIGKILL'): Promise<void> {
    if (!this.alive) return;
    this.child.kill(signal);
    await withinLimit(`${this.name} exiting after ${signal}`, exited(this.child), HANG_LIMIT_MS);
  }
}
