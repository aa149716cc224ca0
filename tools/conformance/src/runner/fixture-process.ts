/**
 * Starts the fixture bin with the kit's `--http` serving on a free port and learns its URL from
 * the ready line on stderr (`<bin> <version> ready on http://…/mcp`).
 */
import { type ChildProcess, spawn } from 'node:child_process';

const READY = /ready on (http:\/\/\S+\/mcp)/;

/** A running fixture. */
export interface FixtureProcess {
  url: string;
  /** Everything it wrote on stderr so far. */
  readonly log: () => string;
  stop(): Promise<void>;
}

/** Spawn `node <bin> --http --port 0` and resolve once it listens (rejects if it exits or stays silent for `limitMs`). */
export async function startFixture(bin: string, limitMs = 60_000): Promise<FixtureProcess> {
  const child: ChildProcess = spawn(process.execPath, [bin, '--http', '--port', '0'], {
    stdio: ['ignore', 'ignore', 'pipe'],
    env: { ...process.env, MCP_TRANSPORT: 'http', MCP_HTTP_DRAIN_SECONDS: '5' },
  });
  let log = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`the fixture printed no ready line within ${limitMs} ms: ${log}`)), limitMs);
    child.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      const match = READY.exec(log);
      if (match?.[1] !== undefined) {
        clearTimeout(timer);
        resolve(match[1]);
      }
    });
    child.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`the fixture exited (${code}) before listening: ${log}`));
    });
  });
  return {
    url,
    log: () => log,
    stop: async () => {
      if (child.exitCode !== null) return;
      const exited = new Promise((resolve) => child.once('exit', resolve));
      child.kill('SIGTERM');
      await exited;
    },
  };
}
