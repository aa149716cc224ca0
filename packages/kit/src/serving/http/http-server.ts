/**
 * Streamable HTTP serving on `node:http`: `/mcp` (2026-07-28 requests stateless through the SDK's
 * `createMcpHandler`, 2025-era requests in bounded sessions), `/healthz` for load balancers,
 * 404 elsewhere; the guard and the body limit in front; a graceful drain on close.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { toNodeHandler } from '@modelcontextprotocol/node';
import { createMcpHandler, isLegacyRequest, type McpServer } from '@modelcontextprotocol/server';
import { MAX_STDIO_LINE_BYTES } from '../stdio/stdio-limits.js';
import { readBody, withBody } from './http-body.js';
import { RequestGuard } from './http-guard.js';
import type { HttpOptions } from './http-options.js';
import { REFUSED, writeRejection } from './http-refusals.js';
import { SessionTable } from './http-sessions.js';

/** The endpoint path. */
export const MCP_PATH = '/mcp';
/** The health-check path. */
export const HEALTH_PATH = '/healthz';
/**
 * Largest request body: the same bound as one stdio message, so no input a tool accepts is
 * refused by the transport (see serving/stdio/stdio-limits.ts).
 */
export const MAX_HTTP_BODY_BYTES = MAX_STDIO_LINE_BYTES;

/** How long an idle keep-alive connection is kept open. */
const KEEP_ALIVE_MS = 65_000;

/** A running HTTP server. */
export interface HttpServerHandle {
  /** The endpoint, with the real port: `http://127.0.0.1:3000/mcp`. */
  readonly url: string;
  readonly port: number;
  /** 2025-era sessions open now. */
  readonly sessions: number;
  /**
   * Drain and stop: `/healthz` answers 503, no new session opens, in-flight requests finish (up
   * to the drain time), the listener closes, sessions close. Idempotent.
   */
  close(): Promise<void>;
}

/** Where the server reports problems (one line each; never a token). */
export type HttpLog = (line: string) => void;

/** Start serving `factory` over HTTP; resolves once listening. */
export async function startHttpServer(
  factory: () => McpServer,
  options: HttpOptions,
  log: HttpLog = () => undefined,
): Promise<HttpServerHandle> {
  const onerror = (error: Error) => log(error.message);
  const guard = new RequestGuard({ ...options, boundHost: options.host });
  const modern = createMcpHandler(() => factory(), { legacy: 'reject', maxRequestBodySize: MAX_HTTP_BODY_BYTES, onerror });
  const sessions = new SessionTable({
    factory,
    maxSessions: options.maxSessions,
    idleMs: options.sessionIdleSeconds * 1000,
    maxRequestBodySize: MAX_HTTP_BODY_BYTES,
    onerror,
  });
  const mcp = toNodeHandler(
    {
      fetch: async (request: Request) =>
        (await isLegacyRequest(request, undefined, { maxRequestBodySize: MAX_HTTP_BODY_BYTES }))
          ? sessions.handle(request)
          : modern.fetch(request),
    },
    { maxRequestBodySize: MAX_HTTP_BODY_BYTES, onerror },
  );

  let draining = false;
  let inFlight = 0;
  let settledAll: (() => void) | undefined;

  const serveMcp = async (req: IncomingMessage, res: ServerResponse) => {
    const rejection = guard.check(req.headers);
    if (rejection !== undefined) return writeRejection(res, rejection);
    // An open GET stream is not a request to wait for when draining.
    if (req.method !== 'GET') {
      inFlight += 1;
      res.once('close', () => {
        inFlight -= 1;
        if (inFlight === 0) settledAll?.();
      });
    }
    const body = req.method === 'POST' ? await readBody(req, MAX_HTTP_BODY_BYTES) : undefined;
    if (req.method === 'POST' && body === undefined) {
      return writeRejection(res, {
        status: 413,
        code: REFUSED,
        message: `Request body larger than ${MAX_HTTP_BODY_BYTES} bytes (24 MiB, the same limit as one stdio message): send a shorter input; no tool accepts one that needs more.`,
        headers: { connection: 'close' },
      });
    }
    await mcp(withBody(req, body), res);
  };

  const server = createServer((req, res) => {
    if (options.replica !== undefined) res.setHeader('mcp-replica', options.replica);
    const path = (req.url ?? '/').split('?', 1)[0];
    if (path === HEALTH_PATH && (req.method === 'GET' || req.method === 'HEAD')) {
      const body = JSON.stringify({ status: draining ? 'draining' : 'ok' });
      res.writeHead(draining ? 503 : 200, { 'content-type': 'application/json', 'cache-control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : body);
      return;
    }
    if (path !== MCP_PATH) {
      writeRejection(res, {
        status: 404,
        code: REFUSED,
        message: `Not found: the MCP endpoint is ${MCP_PATH} (health check: ${HEALTH_PATH}).`,
      });
      return;
    }
    serveMcp(req, res).catch((error: unknown) => {
      onerror(error instanceof Error ? error : new Error(String(error)));
      if (!res.headersSent) writeRejection(res, { status: 500, code: -32603, message: 'Internal error.' });
      else res.end();
    });
  });
  // SSE streams stay open while a host's model works; the default 5-minute request timeout would cut them.
  server.requestTimeout = 0;
  // Idle keep-alive connections outlive a load balancer's reuse of them (Node's default is 5 s).
  server.keepAliveTimeout = KEEP_ALIVE_MS;
  server.headersTimeout = KEEP_ALIVE_MS + 1000;

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = options.host.includes(':') && !options.host.startsWith('[') ? `[${options.host}]` : options.host;

  let closing: Promise<void> | undefined;
  const stopListening = () =>
    new Promise<void>((resolve) => {
      if (!server.listening) return resolve();
      server.close(() => resolve());
    });

  const drain = async () => {
    draining = true;
    sessions.refuseNew();
    // A 2025 host answers a pushed sampling request with a new POST, maybe on a new connection:
    // keep listening while a session call is in flight, so that answer can arrive.
    const listenerClosed = sessions.busy ? undefined : stopListening();
    if (inFlight > 0) {
      let timer: NodeJS.Timeout | undefined;
      await Promise.race([
        new Promise<void>((resolve) => {
          settledAll = resolve;
        }),
        new Promise<void>((resolve) => {
          timer = setTimeout(resolve, options.drainSeconds * 1000);
        }),
      ]);
      clearTimeout(timer);
    }
    server.closeIdleConnections();
    const closed = listenerClosed ?? stopListening();
    await sessions.closeAll();
    await modern.close();
    server.closeAllConnections();
    await closed;
  };

  return {
    url: `http://${urlHost}:${port}${MCP_PATH}`,
    port,
    get sessions() {
      return sessions.size;
    },
    close() {
      closing ??= drain();
      return closing;
    },
  };
}
