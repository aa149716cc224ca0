/**
 * A server process serving Streamable HTTP: spawned, then ready once its stderr names the endpoint
 * (`… ready on http://<host>:<port>/mcp`), so tests and benches can ask for port 0. The one place
 * the testing package starts such a process; `useHttpBin` and the bench helpers build on it.
 */
import { spawn } from 'node:child_process';
import type { ServerCommand } from './tapped-stdio-transport.js';

/** A spawned server, listening where its ready line said. */
export interface HttpServerProcess {
  /** The MCP endpoint from the ready line, e.g. `http://127.0.0.1:40123/mcp`. */
  readonly url: string;
  readonly port: number;
  readonly pid: number;
  /** Everything the server wrote to stderr so far. */
  stderr(): string;
  /** Send `signal` (default SIGTERM) and resolve with the exit code once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<number | null>;
  /** SIGTERM, then SIGKILL if it has not exited after `graceMs`; resolves with the exit code. */
  close(graceMs?: number): Promise<number | null>;
}

/** Any ready line: `… ready on http://<host>:<port>/mcp`, capturing the endpoint and the port. */
const ANY_READY_LINE = /ready on (http:\/\/\S+:(\d+)\/mcp)/;

/**
 * Spawn `server` and resolve once its stderr matches `readyLine` (whose groups 1 and 2 are the
 * endpoint and its port). Rejects if the process exits first or stays silent for `timeoutMs`
 * (a hang, not a timing), killing it.
 */
export async function spawnHttpServer(
  server: ServerCommand,
  options: { timeoutMs?: number; readyLine?: RegExp } = {},
): Promise<HttpServerProcess> {
  const timeoutMs = options.timeoutMs ?? 60_000;
  const readyLine = options.readyLine ?? ANY_READY_LINE;
  const child = spawn(server.command, server.args ?? [], {
    cwd: server.cwd,
    env: server.env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  const running = () => child.exitCode === null && child.signalCode === null;
  let stderr = '';
  const match = await new Promise<RegExpExecArray>((resolve, reject) => {
    let ready = false;
    const fail = (why: string) => {
      if (running()) child.kill('SIGKILL');
      reject(new Error(`${server.args?.[0] ?? server.command}: ${why}; stderr:\n${stderr}`));
    };
    const timer = setTimeout(() => fail(`no ready line after ${timeoutMs} ms`), timeoutMs);
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
      const found = ready ? null : readyLine.exec(stderr);
      if (found !== null) {
        ready = true;
        clearTimeout(timer);
        resolve(found);
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      if (!ready) fail(`exited with code ${code} before its ready line`);
    });
  });
  const stop = (signal: NodeJS.Signals = 'SIGTERM') => {
    if (running()) child.kill(signal);
    return exited;
  };
  return {
    url: match[1] ?? '',
    port: Number(match[2]),
    pid: child.pid as number,
    stderr: () => stderr,
    stop,
    async close(graceMs = 40_000) {
      const timer = setTimeout(() => stop('SIGKILL'), graceMs);
      try {
        return await stop('SIGTERM');
      } finally {
        clearTimeout(timer);
      }
    },
  };
}
