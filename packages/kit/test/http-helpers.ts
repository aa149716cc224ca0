/** Shared setup of the HTTP tests: in-process servers on 127.0.0.1, port 0, closed after each test. */
import { type IncomingHttpHeaders, request } from 'node:http';
import type { McpServer } from '@modelcontextprotocol/server';
import { afterEach, expect } from 'vitest';
import { DEFAULT_HTTP_HOST, type HttpOptions } from '../src/serving/http/http-options.js';
import { type HttpServerHandle, startHttpServer } from '../src/serving/http/http-server.js';

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

/** What a raw request got back. */
export interface RawResponse {
  status: number;
  headers: IncomingHttpHeaders;
  body: string;
}

/**
 * One request through `node:http` (which, unlike `fetch`, sends any `Host` header it is given).
 * With `declaredLength`, only the headers go out, claiming that body length.
 */
export function rawRequest(
  url: string,
  options: { method?: string; headers?: Record<string, string>; body?: string; declaredLength?: number } = {},
): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const headers = {
      ...POST_HEADERS,
      ...options.headers,
      ...(options.declaredLength !== undefined && { 'content-length': String(options.declaredLength) }),
    };
    const req = request(url, { method: options.method ?? 'POST', headers }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (chunk: string) => {
        body += chunk;
      });
      res.on('end', () => {
        resolve({ status: res.statusCode ?? 0, headers: res.headers, body });
        req.destroy();
      });
    });
    req.on('error', reject);
    if (options.declaredLength !== undefined) req.flushHeaders();
    else req.end(options.body);
  });
}

/** The JSON-RPC error of a rejection body. */
export function errorOf(response: RawResponse): { code: number; message: string } {
  const parsed = JSON.parse(response.body) as { jsonrpc: string; id: null; error: { code: number; message: string } };
  expect(parsed).toMatchObject({ jsonrpc: '2.0', id: null });
  return parsed.error;
}
