/**
 * The stdio transport the bins hand to `serveStdio`: the SDK's `StdioServerTransport` in behaviour
 * (one JSON-RPC message per line, stdin EOF closes it, late stdout errors swallowed), with three
 * differences. Lines may be as long as the tools' documented inputs need
 * ({@link MAX_STDIO_LINE_BYTES}) and a longer line is answered, not fatal; a line that is not a
 * JSON-RPC message, or whose id cannot be echoed exactly, gets a JSON-RPC error; and a 2025-era
 * request before `initialize` is refused ({@link HandshakeGate}). Every such problem is also one
 * line for the operator, never a schema dump. Everything else goes to the SDK untouched, parsed
 * with the SDK's own message schema and written with its own serialiser.
 */
import type { Readable, Writable } from 'node:stream';
import {
  INVALID_REQUEST,
  type JSONRPCMessage,
  type JSONRPCRequest,
  PARSE_ERROR,
  parseJSONRPCMessage,
  type RequestId,
  serializeMessage,
  type Transport,
} from '@modelcontextprotocol/server';
import { HandshakeGate, NOT_INITIALIZED_CODE } from './handshake-gate.js';
import { idFromEnd, idFromStart, idProblem, shownId } from './json-rpc-id.js';
import { type FramedLine, LineFramer } from './line-framer.js';
import { MAX_STDIO_LINE_BYTES } from './stdio-limits.js';

/** Options of {@link LimitedStdioTransport}. */
export interface LimitedStdioTransportOptions {
  stdin?: Readable;
  stdout?: Writable;
  /** Longest line read, in bytes. Default {@link MAX_STDIO_LINE_BYTES}. */
  maxLineBytes?: number;
  /** Where a one-line description of each refused input goes. Default: stderr. */
  report?: (problem: string) => void;
}

export class LimitedStdioTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: (message: JSONRPCMessage) => void;

  private readonly stdin: Readable;
  private readonly stdout: Writable;
  private readonly framer: LineFramer;
  private readonly report: (problem: string) => void;
  private readonly gate = new HandshakeGate();
  private started = false;
  private closed = false;

  constructor(options: LimitedStdioTransportOptions = {}) {
    this.stdin = options.stdin ?? process.stdin;
    this.stdout = options.stdout ?? process.stdout;
    this.framer = new LineFramer(options.maxLineBytes ?? MAX_STDIO_LINE_BYTES);
    this.report = options.report ?? ((problem) => process.stderr.write(`${problem}\n`));
  }

  async start(): Promise<void> {
    if (this.started) throw new Error('LimitedStdioTransport already started');
    this.started = true;
    if (this.stdin.readableEnded || this.stdin.destroyed) setImmediate(this.onStdinEnd);
    this.stdin.on('data', this.onData);
    this.stdin.on('error', this.onStdinError);
    this.stdin.on('end', this.onStdinEnd);
    this.stdin.on('close', this.onStdinEnd);
    this.stdout.on('error', this.onStdoutError);
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    this.stdin.off('data', this.onData);
    this.stdin.off('error', this.onStdinError);
    this.stdin.off('end', this.onStdinEnd);
    this.stdin.off('close', this.onStdinEnd);
    // stdout keeps its (now silent) error listener: a write accepted before close can still fail
    // with EPIPE, and an error event without a listener would crash the process.
    if (this.stdin.listenerCount('data') === 0) this.stdin.pause();
    this.framer.clear();
    this.onclose?.();
  }

  send(message: JSONRPCMessage): Promise<void> {
    if (this.closed) return Promise.reject(new Error('LimitedStdioTransport is closed'));
    this.gate.sent(message);
    return new Promise((resolve, reject) => {
      const onError = (error: Error) => {
        this.stdout.off('drain', onDrain);
        reject(error);
      };
      const onDrain = () => {
        this.stdout.off('error', onError);
        resolve();
      };
      this.stdout.once('error', onError);
      if (this.stdout.write(serializeMessage(message))) {
        this.stdout.off('error', onError);
        resolve();
      } else {
        this.stdout.once('drain', onDrain);
      }
    });
  }

  private readonly onData = (chunk: Buffer | string): void => {
    const bytes = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
    for (const line of this.framer.push(bytes)) {
      if (this.closed) return;
      this.handle(line);
    }
  };

  private readonly onStdinError = (error: Error): void => {
    this.onerror?.(error);
  };

  private readonly onStdinEnd = (): void => {
    void this.close();
  };

  private readonly onStdoutError = (error: Error): void => {
    if (this.closed) return;
    this.onerror?.(error);
    void this.close();
  };

  private handle(line: FramedLine): void {
    if (line.kind === 'too-long') {
      this.refuseTooLong(line);
      return;
    }
    if (line.text.trim() === '') return;
    let value: unknown;
    try {
      value = JSON.parse(line.text);
    } catch {
      this.report(`Refused a line that is not JSON (${line.text.length} characters): answered ${PARSE_ERROR}`);
      this.answer(null, PARSE_ERROR, 'Parse error: a line on stdin was not JSON; send one JSON-RPC message per line.');
      return;
    }
    if (value === null || typeof value !== 'object' || Array.isArray(value)) {
      this.report(`Refused a line that is not a JSON-RPC message object: answered ${INVALID_REQUEST}`);
      const what = Array.isArray(value) ? 'a batch (array); send each message on its own line' : 'not a JSON object';
      this.answer(null, INVALID_REQUEST, `Invalid Request: the message is ${what}.`);
      return;
    }
    const record = value as Record<string, unknown>;
    const isRequest = typeof record.method === 'string' && 'id' in record;
    const idCheck = 'id' in record ? this.checkId(line.text, record.id) : { ok: true as const };
    if (!idCheck.ok) {
      const outcome = isRequest ? `answered ${INVALID_REQUEST} with id null` : 'dropped it';
      this.report(`Refused a message whose id ${shownId(idCheck.raw)} ${idCheck.problem}: ${outcome}`);
      if (!isRequest) return;
      this.answer(
        null,
        INVALID_REQUEST,
        `Invalid Request: the id ${shownId(idCheck.raw)} ${idCheck.problem}; use a string or an integer within ±(2^53 - 1).`,
      );
      return;
    }
    let message: JSONRPCMessage;
    try {
      message = parseJSONRPCMessage(value);
    } catch {
      const method = typeof record.method === 'string' ? ` '${record.method.slice(0, 60)}'` : '';
      this.report(
        `Refused a message${method} that is not a valid JSON-RPC 2.0 message: ${isRequest ? `answered ${INVALID_REQUEST}` : 'dropped it'}`,
      );
      if (!isRequest) return;
      this.answer(
        record.id as RequestId,
        INVALID_REQUEST,
        'Invalid Request: not a valid JSON-RPC 2.0 request (it needs "jsonrpc": "2.0", a string method and object params).',
      );
      return;
    }
    const refusal = this.gate.check(message);
    if (refusal !== undefined) {
      const request = message as JSONRPCRequest;
      this.report(`Refused '${request.method.slice(0, 60)}' before initialize: answered ${NOT_INITIALIZED_CODE}`);
      this.answer(request.id, NOT_INITIALIZED_CODE, refusal);
      return;
    }
    this.onmessage?.(message);
  }

  /**
   * A number id is judged on its literal text, found where the SDK writes it (last) or first. The
   * common case, a safe integer written plainly as the last member, is settled without a scan.
   */
  private checkId(text: string, id: unknown): { ok: true } | { ok: false; raw: string; problem: string } {
    if (typeof id === 'string') return { ok: true };
    if (Number.isSafeInteger(id) && text.endsWith(`"id":${id as number}}`)) return { ok: true };
    const matches = (candidate: string | undefined) => candidate !== undefined && sameId(candidate, id);
    const fromEnd = idFromEnd(text);
    const raw = matches(fromEnd) ? fromEnd : [idFromStart(text)].find(matches);
    if (raw === undefined) {
      const shown = typeof id === 'number' ? String(id) : (JSON.stringify(id) ?? 'undefined');
      return Number.isSafeInteger(id) ? { ok: true } : { ok: false, raw: shown, problem: idProblem(shown) ?? 'is not valid' };
    }
    const problem = idProblem(raw);
    return problem === undefined ? { ok: true } : { ok: false, raw, problem };
  }

  private refuseTooLong(line: Extract<FramedLine, { kind: 'too-long' }>): void {
    const raw = idFromEnd(line.tail) ?? idFromStart(line.head);
    const id = raw !== undefined && idProblem(raw) === undefined && raw !== 'null' ? (JSON.parse(raw) as RequestId) : null;
    const limit = this.framer.maxLineBytes;
    this.report(
      `Refused a ${line.bytes}-byte line, over the ${limit}-byte limit: answered ${INVALID_REQUEST} with id ${id === null ? 'null' : shownId(String(raw))}`,
    );
    this.answer(
      id,
      INVALID_REQUEST,
      `Request too large: the message is ${line.bytes} bytes and this server reads at most ${limit} bytes per message. ` +
        "Send less (shorten the tool's text argument; every tool's limits are in its input schema).",
    );
  }

  private answer(id: RequestId | null, code: number, message: string): void {
    // JSON-RPC answers an undeterminable id with null, which the SDK's message type does not model.
    const error = { jsonrpc: '2.0', id, error: { code, message } } as unknown as JSONRPCMessage;
    this.send(error).catch((failure: unknown) => this.onerror?.(failure instanceof Error ? failure : new Error(String(failure))));
  }
}

function sameId(raw: string, id: unknown): boolean {
  try {
    return JSON.parse(raw) === id;
  } catch {
    return false;
  }
}
