/**
 * The JSON-RPC error bodies the HTTP server answers a refused request with: each names what is
 * wrong and how to fix it, with `id: null` (the request was not read as JSON-RPC).
 */
import type { ServerResponse } from 'node:http';

/** A refused HTTP request: status, JSON-RPC error code, one-line message, extra headers. */
export interface Rejection {
  status: number;
  code: number;
  message: string;
  headers?: Record<string, string>;
}

/** JSON-RPC code for refusals of the request as a whole (as the SDK's transports use it). */
export const REFUSED = -32000;
/** JSON-RPC code for an unknown or expired session (as the SDK's session transport uses it). */
export const SESSION_NOT_FOUND = -32001;

/** The body of a rejection. */
export function rejectionBody(rejection: Rejection): string {
  return JSON.stringify({ jsonrpc: '2.0', id: null, error: { code: rejection.code, message: rejection.message } });
}

/** A rejection as a web-standard `Response`. */
export function rejectionResponse(rejection: Rejection): Response {
  return new Response(rejectionBody(rejection), {
    status: rejection.status,
    headers: { 'content-type': 'application/json', ...rejection.headers },
  });
}

/** Write a rejection to a Node response. */
export function writeRejection(res: ServerResponse, rejection: Rejection): void {
  const body = rejectionBody(rejection);
  res.writeHead(rejection.status, {
    'content-type': 'application/json',
    'content-length': String(Buffer.byteLength(body)),
    ...rejection.headers,
  });
  res.end(body);
}

/** Shorten a client-supplied value before it is quoted back in a message. */
export function quoted(value: string): string {
  const clean = value.replace(/[^\x20-\x7e]/g, '?');
  return clean.length > 80 ? `${clean.slice(0, 80)}…` : clean;
}
