#!/usr/bin/env node
/**
 * Benchmark baseline only: the same hand-written tools as bench/baseline-server.mjs, served over
 * Streamable HTTP by hand with the bare SDK, so bench.mjs can measure what the kit's HTTP serving
 * costs. Not shipped, not a usable server (no token, no session bounds, no drain).
 *
 *   node bench/baseline-http-server.mjs [--http] [--port 0]
 *
 * - 2026-07-28: `createMcpHandler(factory, { legacy: 'reject' })`, stateless.
 * - 2025 era (`isLegacyRequest`): one sessionful `WebStandardStreamableHTTPServerTransport` per
 *   session, so the server can push sampling requests; `DELETE /mcp` ends one.
 * - In front of both, the Host and Origin checks the SDK documents for a bare handler (loopback only),
 *   and the same body limit as the kit (its `MAX_STDIO_LINE_BYTES`, restated).
 * Mounted in `node:http` with `toNodeHandler`, on 127.0.0.1. Once listening it writes
 * `bench-baseline ready on http://127.0.0.1:<port>/mcp` to stderr, the shape of the kit's ready line.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { toNodeHandler } from '@modelcontextprotocol/node';
import {
  createMcpHandler,
  hostHeaderValidationResponse,
  isLegacyRequest,
  localhostAllowedHostnames,
  localhostAllowedOrigins,
  originValidationResponse,
  WebStandardStreamableHTTPServerTransport,
} from '@modelcontextprotocol/server';
import { buildBaseline } from './baseline-server.mjs';

const HOST = '127.0.0.1';
/** The kit's HTTP body limit: its stdio line limit, 24 MiB. */
const MAX_BODY_BYTES = 24 * 1024 * 1024;

const log = (error) => process.stderr.write(`bench-baseline: ${error.message}\n`);

function jsonError(status, message) {
  return Response.json({ jsonrpc: '2.0', id: null, error: { code: -32000, message } }, { status });
}

/** 2025-era sessions by id; each holds its own server and transport. */
const sessions = new Map();

async function serveLegacy(request) {
  const id = request.headers.get('mcp-session-id');
  if (id !== null) {
    const transport = sessions.get(id);
    return transport === undefined ? jsonError(404, 'Unknown session') : transport.handleRequest(request);
  }
  const transport = new WebStandardStreamableHTTPServerTransport({
    sessionIdGenerator: () => randomUUID(),
    onsessioninitialized: (sessionId) => {
      sessions.set(sessionId, transport);
    },
    onsessionclosed: (sessionId) => {
      sessions.delete(sessionId);
    },
    maxRequestBodySize: MAX_BODY_BYTES,
  });
  transport.onerror = log;
  await buildBaseline().connect(transport);
  return transport.handleRequest(request);
}

const modern = createMcpHandler(buildBaseline, { legacy: 'reject', onerror: log, maxRequestBodySize: MAX_BODY_BYTES });
const allowedHosts = localhostAllowedHostnames();
const allowedOrigins = localhostAllowedOrigins();

async function route(request) {
  if (new URL(request.url).pathname !== '/mcp') return jsonError(404, 'Not found');
  const rejected = hostHeaderValidationResponse(request, allowedHosts) ?? originValidationResponse(request, allowedOrigins);
  if (rejected !== undefined) return rejected;
  if (await isLegacyRequest(request, undefined, { maxRequestBodySize: MAX_BODY_BYTES })) return serveLegacy(request);
  return modern.fetch(request);
}

// `--http` is accepted so the baseline takes the same flags as the kit's bin; it always serves HTTP.
const { port } = parseArgs({ options: { http: { type: 'boolean' }, port: { type: 'string', default: '0' } } }).values;
const server = createServer(toNodeHandler({ fetch: route }));
server.listen(Number(port), HOST, () => {
  process.stderr.write(`bench-baseline ready on http://${HOST}:${server.address().port}/mcp\n`);
});

const shutdown = () => {
  server.close();
  server.closeAllConnections();
  void Promise.allSettled([modern.close(), ...[...sessions.values()].map((transport) => transport.close())]).finally(() =>
    process.exit(0),
  );
};
process.once('SIGINT', shutdown);
process.once('SIGTERM', shutdown);
