/**
 * A real HAProxy in front of three replicas, started from deploy/haproxy.cfg exactly as committed:
 * the replicas' addresses, the listening address and a stats socket reach it through the
 * environment variables the file reads.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createServer } from 'node:net';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { exited, spawnTracked } from './children.js';
import { waitFor, withinLimit } from './poll.js';
import { runtimeCommand, serverStatuses } from './runtime-api.js';

const run = promisify(execFile);

/** The configuration under test: the one in deploy/. */
export const HAPROXY_CONFIG = path.resolve(import.meta.dirname, '../../../deploy/haproxy.cfg');

/** The backend and server names the configuration declares. */
export const BACKEND = 'mcp_replicas';
export const SERVER_NAMES = ['replica1', 'replica2', 'replica3'] as const;

/** What to do when HAProxy is not installed. */
export const INSTALL_HINT =
  'HAProxy 2.6 or later is needed by pnpm test:scale and was not found. Install it ' +
  '(Debian/Ubuntu: sudo apt-get install -y haproxy; Fedora: sudo dnf install haproxy; macOS: brew install haproxy), ' +
  'or point HAPROXY at the binary (HAPROXY=/path/to/haproxy pnpm test:scale).';

/**
 * The haproxy binary: `$HAPROXY` if set, else the first `haproxy` on PATH or in the sbin
 * directories, which are often missing from a user's PATH.
 */
export function findHaproxy(env: NodeJS.ProcessEnv = process.env): string | undefined {
  if (env.HAPROXY !== undefined && env.HAPROXY !== '') return executable(env.HAPROXY) ? env.HAPROXY : undefined;
  const dirs = [...(env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/local/sbin', '/sbin'];
  return dirs.map((dir) => path.join(dir, 'haproxy')).find(executable);
}

function executable(file: string): boolean {
  try {
    accessSync(file, constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

/** `2.6.12-1+deb12u3` from `haproxy -v`. */
export async function haproxyVersion(binary: string): Promise<string> {
  const { stdout } = await run(binary, ['-v']);
  return /version (\S+)/.exec(stdout)?.[1] ?? 'unknown';
}

/** The variables deploy/haproxy.cfg reads, for three replicas and one listening address. */
export function haproxyEnvironment(replicas: readonly string[], bind: string, statsSocket: string): Record<string, string> {
  if (replicas.length !== SERVER_NAMES.length) {
    throw new Error(`deploy/haproxy.cfg has ${SERVER_NAMES.length} server lines; got ${replicas.length} replicas`);
  }
  return {
    ...Object.fromEntries(replicas.map((address, index) => [`MCP_REPLICA_${index + 1}`, address])),
    MCP_HAPROXY_BIND: bind,
    MCP_HAPROXY_STATS_SOCKET: statsSocket,
  };
}

/** `haproxy -c`: throws with HAProxy's own messages when the configuration is invalid. */
export async function checkConfig(binary: string, env: Record<string, string>): Promise<void> {
  try {
    await run(binary, ['-c', '-q', '-f', HAPROXY_CONFIG], { env: { ...process.env, ...env } });
  } catch (error) {
    const { stderr, stdout } = error as { stderr?: string; stdout?: string };
    throw new Error(`haproxy -c -f deploy/haproxy.cfg failed:\n${stderr ?? ''}${stdout ?? ''}`);
  }
}

/** A port that was free a moment ago (HAProxy cannot listen on port 0 and report it). */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

/** A running HAProxy. */
export class Haproxy {
  private constructor(
    /** The MCP endpoint through the proxy, `http://127.0.0.1:<port>/mcp`. */
    readonly url: string,
    private readonly statsSocket: string,
    private readonly stop: () => Promise<void>,
    /** HAProxy's log (one line per request) and messages. */
    readonly log: readonly string[],
  ) {}

  /**
   * Start HAProxy for three replica addresses and resolve once it listens and sees every replica
   * UP. A port taken between choosing it and binding it is retried with another.
   */
  static async start(binary: string, replicas: readonly string[], runDir: string, label: string): Promise<Haproxy> {
    const statsSocket = path.join(runDir, `${label}.sock`);
    for (let attempt = 1; ; attempt += 1) {
      const port = await freePort();
      const env = haproxyEnvironment(replicas, `127.0.0.1:${port}`, statsSocket);
      await checkConfig(binary, env);
      const log: string[] = [];
      const child = spawnTracked(binary, ['-db', '-f', HAPROXY_CONFIG], {
        env: { PATH: process.env.PATH ?? '', ...env },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      for (const stream of [child.stdout, child.stderr]) {
        stream?.setEncoding('utf8');
        stream?.on('data', (chunk: string) => log.push(...chunk.split('\n').filter((line) => line !== '')));
      }
      const stop = async () => {
        child.kill('SIGTERM');
        await withinLimit('haproxy exiting', exited(child), 30_000);
      };
      const proxy = new Haproxy(`http://127.0.0.1:${port}/mcp`, statsSocket, stop, log);
      try {
        await waitFor(`haproxy (${label}) to listen with every replica UP`, async () => {
          if (child.exitCode !== null) throw new Error(`haproxy exited (${child.exitCode}):\n${log.join('\n')}`);
          const statuses = await proxy.serverStatuses().catch(() => undefined);
          return statuses !== undefined && SERVER_NAMES.every((name) => statuses[name] === 'UP') ? true : undefined;
        });
        return proxy;
      } catch (error) {
        await stop();
        const portTaken = log.some((line) => /cannot bind socket|Address already in use/i.test(line));
        if (!portTaken || attempt >= 5) throw error;
      }
    }
  }

  /** HAProxy's messages about servers going DOWN or UP, from log line `from` on (its stderr copies left out). */
  stateChanges(from = 0): string[] {
    return this.log.slice(from).filter((line) => /Server \S+ is (UP|DOWN)/.test(line) && !line.startsWith('['));
  }

  /** The status HAProxy gives each server: `UP`, `DOWN`, `UP 1/2` (going down), … */
  async serverStatuses(): Promise<Record<string, string>> {
    return serverStatuses(await runtimeCommand(this.statsSocket, 'show stat'), BACKEND);
  }

  /** Stop HAProxy and wait for it to exit. */
  async close(): Promise<void> {
    await this.stop();
  }
}
