/**
 * A server package under test over Streamable HTTP, in the two places it runs: in the test process
 * (the caller starts the kit's HTTP server) and as the package's built bin with `--http --port 0`,
 * whose URL comes from the ready line on stderr and which must exit 0 on SIGTERM. Hosts connected
 * through it are closed before their server stops, and everything is cleaned up after each test.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { afterEach, expect } from 'vitest';
import { connectHttp, type HttpMockHost, type HttpMockHostOptions } from './http-mock-host.js';
import { type HttpServerProcess, spawnHttpServer } from './http-server-process.js';
import { connectInMemory, type Era, type MockHost, type ServerFactory } from './mock-host.js';
import { PATIENT_WAIT } from './patience.js';

/** A bin serving HTTP on a free loopback port. */
export type HttpBin = HttpServerProcess;

/** Variables a test's own environment must not pass on: they would change the bin's fallback or serving. */
const isInheritedSetting = (name: string) => name.startsWith('MCP_') || /^(ANTHROPIC|OPENAI)_/.test(name);

/** A string matched literally inside a regular expression. */
const literal = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/**
 * For a test file in a server's `test/`: a function that starts the package's built bin
 * (`../dist/bin.js`) over HTTP on 127.0.0.1 and any free port, and resolves once it printed
 * `<bin> <version> ready on http://127.0.0.1:<port>/mcp`. The bin inherits no `MCP_*` setting
 * and no provider key from the test's environment, so it runs on its defaults plus `env`. Any
 * bin a test did not stop is killed after it.
 */
export function useHttpBin(testFileUrl: string): (env?: Record<string, string>) => Promise<HttpBin> {
  const path = fileURLToPath(new URL('../dist/bin.js', testFileUrl));
  const manifest = JSON.parse(readFileSync(new URL('../package.json', testFileUrl), 'utf8')) as {
    version: string;
    bin: Record<string, string>;
  };
  const name = Object.keys(manifest.bin)[0] ?? '';
  const ready = new RegExp(`^${literal(name)} ${literal(manifest.version)} ready on (http://127\\.0\\.0\\.1:(\\d+)/mcp)$`, 'm');

  const running: HttpBin[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((bin) => bin.stop('SIGKILL')));
  });

  return async (env = {}) => {
    const inherited = Object.fromEntries(Object.entries(process.env).filter(([variable]) => !isInheritedSetting(variable)));
    const bin = await spawnHttpServer(
      {
        command: process.execPath,
        args: [path, '--http', '--port', '0'],
        env: { ...inherited, ...env } as Record<string, string>,
      },
      { timeoutMs: PATIENT_WAIT.timeout, readyLine: ready },
    );
    running.push(bin);
    return bin;
  };
}

/** A server the test process started itself, e.g. the kit's `startHttpServer(...)` handle. */
export interface InProcessHttpServer {
  readonly url: string;
  close(): Promise<void>;
}

/** A running server under test. */
export interface ServedOverHttp {
  /** The `/mcp` endpoint. */
  readonly url: string;
  /**
   * Close every host the test connected, then stop the server: close it in-process, or SIGTERM
   * the bin and assert it exits 0.
   */
  stop(): Promise<void>;
}

/** What `useHttpServing` gives a test file. */
export interface HttpServing {
  /** `[name, start]` for `describe.each`: `in-process` and `the built bin`. */
  places: Array<[string, () => Promise<ServedOverHttp>]>;
  /** `connectHttp`, with the host closed by `stop()` or after the test. */
  connect(url: string, options: HttpMockHostOptions): Promise<HttpMockHost>;
  /** Close another host (e.g. an in-memory reference) the same way. */
  keep<T extends MockHost>(host: T): T;
  /**
   * Calls `tool` on `server` from a host in `era` that cannot sample, asserts the call asked the host
   * nothing and returned exactly what the in-process stdio serving entry returns for the same call
   * (the server from `build`: the fallback policy's answer, or its error), then stops the server.
   * Returns the result.
   */
  callWithoutSampling(server: ServedOverHttp, era: Era, tool: string, args: Record<string, unknown>): Promise<CallToolResult>;
}

/** How a test file's server is built and started in the test process. */
export interface HttpServingOptions {
  /** The server as its bin builds it (e.g. with no provider configured). */
  build: ServerFactory;
  /** Starts `build`'s server over HTTP on 127.0.0.1 and any free port, e.g. with the kit's `startHttpServer`. */
  start: (build: ServerFactory) => Promise<InProcessHttpServer>;
}

/**
 * For a test file in a server's `test/`: the two places the package's server runs over HTTP,
 * in the test process (`options.start(options.build)`) and as the built bin.
 */
export function useHttpServing(testFileUrl: string, options: HttpServingOptions): HttpServing {
  const startBin = useHttpBin(testFileUrl);
  const hosts: MockHost[] = [];
  const servers: InProcessHttpServer[] = [];
  const closeHosts = async () => {
    await Promise.all(hosts.splice(0).map((host) => host.close()));
  };
  afterEach(async () => {
    await closeHosts();
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });

  const keep = <T extends MockHost>(host: T): T => {
    hosts.push(host);
    return host;
  };
  const connect = async (url: string, hostOptions: HttpMockHostOptions) => keep(await connectHttp(url, hostOptions));
  return {
    places: [
      [
        'in-process',
        async () => {
          const server = await options.start(options.build);
          servers.push(server);
          const stop = async () => {
            await closeHosts();
            await server.close();
          };
          return { url: server.url, stop };
        },
      ],
      [
        'the built bin',
        async () => {
          const bin = await startBin();
          const stop = async () => {
            await closeHosts();
            expect(await bin.stop()).toBe(0);
          };
          return { url: bin.url, stop };
        },
      ],
    ],
    connect,
    keep,
    async callWithoutSampling(server, era, tool, args) {
      const host = await connect(server.url, { era, sampling: false });
      const result = await host.callTool(tool, args);
      expect(host.requests).toEqual([]);
      const inMemory = keep(await connectInMemory(options.build, { era, sampling: false }));
      expect(result).toEqual(await inMemory.callTool(tool, args));
      await server.stop();
      return result;
    },
  };
}

/** For `toMatchObject`: the provenance of the fallback policy's heuristic answer to a host that cannot sample. */
export function noCapabilityHeuristic(era: Era) {
  return { path: 'heuristic', era, samples: 0, reason: expect.stringMatching(/^no-capability: /) };
}
