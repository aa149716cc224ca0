/**
 * Reads a request body up to a byte limit before anything parses it, so an over-long body gets
 * a clear 413 (and is never held whole), and hands the bytes on as the duck-typed request
 * `toNodeHandler` reads.
 */
import type { IncomingMessage } from 'node:http';
import type { NodeIncomingMessageLike } from '@modelcontextprotocol/node';

/** The body, or `undefined` when it is longer than `limit` bytes (reading stops there). */
export async function readBody(req: IncomingMessage, limit: number): Promise<Buffer | undefined> {
  const declared = Number(req.headers['content-length']);
  if (Number.isFinite(declared) && declared > limit) return undefined;
  const chunks: Buffer[] = [];
  let received = 0;
  for await (const chunk of req) {
    const bytes = chunk as Buffer;
    received += bytes.byteLength;
    if (received > limit) return undefined;
    chunks.push(bytes);
  }
  return Buffer.concat(chunks);
}

/** `req` with its body replaced by bytes already read. */
export function withBody(req: IncomingMessage, body: Buffer | undefined): NodeIncomingMessageLike {
  return {
    method: req.method,
    url: req.url,
    headers: req.headers,
    async *[Symbol.asyncIterator]() {
      if (body !== undefined && body.byteLength > 0) yield body;
    },
  };
}
