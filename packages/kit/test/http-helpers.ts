/** Shared setup of the HTTP tests: in-process servers on 127.0.0.1, port 0, closed after each test. */
import type { McpServer } from '@modelcontextprotocol/server';
import { afterEach } from 'vitest';
import { DEFAULT_HTTP_HOST, type HttpOptions } from '../src/http-options.js';
import { type HttpServerHandle, startHttpServer } from '../src/http-server.js';

const running: HttpServerHandle[] = [];
afterEach(async () => {
  await Promise.all(running.splice(0).map((server) => server.close()));
});

/** HTTP options for a test: loopback, any free port, no drain wait, the rest from `overrides`. */
export function testHttpOptions(overrides: Partial<HttpOptions> = {}): HttpOptions {
  return {
    port: 0,
    host: DEFAULT_HTTP_HOST,
    allowInsecureBind: false,
    allowedHosts: [],
    allowedOrigins: [],
    maxSessions: 100,
    sessionIdleSeconds: 900,
    drainSeconds: 0,
    ...overrides,
  };
}

/** Start an in-process HTTP server for `factory`; it is closed after the test. */
export async function serveHttp(factory: () => McpServer, overrides: Partial<HttpOptions> = {}): Promise<HttpServerHandle> {
  const server = await startHttpServer(factory, testHttpOptions(overrides));
  running.push(server);
  return server;
}

/** A JSON-RPC `initialize` body of a 2025-era client. */
export const INITIALIZE = JSON.stringify({
  jsonrpc: '2.0',
  id: 1,
  method: 'initialize',
  params: { protocolVersion: '2025-06-18', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
});

/** Headers a Streamable HTTP POST needs. */
export const POST_HEADERS = { 'content-type': 'application/json', accept: 'application/json, text/event-stream' };
