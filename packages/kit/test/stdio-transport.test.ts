import { PassThrough } from 'node:stream';
import { Client, type JSONRPCMessage, serializeMessage, type Transport } from '@modelcontextprotocol/client';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { afterEach, describe, expect, it } from 'vitest';
import { LimitedStdioTransport } from '../src/serving/stdio/stdio-transport.js';
import { buildTestServer } from './fixtures.js';

const LIMIT = 64 * 1024;

/** The server's stdio, in-process: what a test writes to `stdin`, and every line read from `stdout`. */
function serveOverStreams() {
  const stdin = new PassThrough();
  const stdout = new PassThrough();
  const problems: string[] = [];
  const transport = new LimitedStdioTransport({
    stdin,
    stdout,
    maxLineBytes: LIMIT,
    report: (problem) => problems.push(problem),
  });
  const handle = serveStdio(() => buildTestServer(), { transport });
  const lines: Record<string, unknown>[] = [];
  const listeners = new Set<(message: Record<string, unknown>) => void>();
  let pending = '';
  stdout.setEncoding('utf8');
  stdout.on('data', (chunk: string) => {
    pending += chunk;
    for (let newline = pending.indexOf('\n'); newline !== -1; newline = pending.indexOf('\n')) {
      const message = JSON.parse(pending.slice(0, newline)) as Record<string, unknown>;
      pending = pending.slice(newline + 1);
      lines.push(message);
      for (const listener of listeners) listener(message);
    }
  });
  return { stdin, stdout, problems, handle, lines, listeners };
}

type Served = ReturnType<typeof serveOverStreams>;

/** A client transport over the same streams: the real SDK client on the other end of the pipe. */
class StreamClientTransport implements Transport {
  onclose?: () => void;
  onerror?: (error: Error) => void;
  onmessage?: <T extends JSONRPCMessage>(message: T) => void;
  constructor(private readonly served: Served) {}
  async start() {
    // Messages the SDK types cannot carry (an error with id null) go to onerror, as over real stdio.
    this.served.listeners.add((message) => {
      if (message.id === null) this.onerror?.(new Error('error with id null'));
      else this.onmessage?.(message as JSONRPCMessage);
    });
  }
  async send(message: JSONRPCMessage) {
    this.served.stdin.write(serializeMessage(message));
  }
  async close() {
    this.onclose?.();
  }
}

/** The answer to `id`, waiting for it (bounded: only a hang reaches the limit). */
function answerTo(served: Served, id: unknown, timeoutMs = 30_000): Promise<Record<string, unknown>> {
  const found = served.lines.find((message) => message.id === id && !('method' in message));
  if (found) return Promise.resolve(found);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`no answer to ${JSON.stringify(id)}; problems: ${served.problems}`)),
      timeoutMs,
    );
    const listener = (message: Record<string, unknown>) => {
      if (message.id === id && !('method' in message)) {
        clearTimeout(timer);
        served.listeners.delete(listener);
        resolve(message);
      }
    };
    served.listeners.add(listener);
  });
}

const open: Served[] = [];
afterEach(async () => {
  await Promise.all(open.splice(0).map((served) => served.handle.close()));
});

function serve(): Served {
  const served = serveOverStreams();
  open.push(served);
  return served;
}

describe.each([
  ['2025', 'legacy' as const],
  ['2026-07-28', { pin: '2026-07-28' } as const],
])('LimitedStdioTransport under a real client, %s', (era, mode) => {
  it('answers an over-limit call with an error the client sees, then serves the next call', async () => {
    const served = serve();
    const client = new Client({ name: 'test', version: '1' }, { capabilities: {}, versionNegotiation: { mode } });
    await client.connect(new StreamClientTransport(served));

    const huge = client.callTool({ name: 'fan_out', arguments: { parts: ['x'.repeat(LIMIT)] } });
    await expect(huge).rejects.toMatchObject({ code: -32600, message: expect.stringContaining(`${LIMIT} bytes`) });
    expect(served.problems).toEqual([
      expect.stringMatching(/^Refused a \d+-byte line, over the 65536-byte limit: answered -32600 with id \d+$/),
    ]);

    const result = await client.callTool({ name: 'fan_out', arguments: { parts: ['a', 'b'] } });
    // The test server's policy ends a call the host cannot sample in an isError: an answer all the same.
    expect(result.isError).toBe(true);
    expect(client.getProtocolEra()).toBe(era === '2025' ? 'legacy' : 'modern');
    await client.close();
  });
});

describe('LimitedStdioTransport, raw lines', () => {
  const initialize = {
    jsonrpc: '2.0',
    id: 'init',
    method: 'initialize',
    params: { protocolVersion: '2025-11-25', capabilities: {}, clientInfo: { name: 'raw', version: '1' } },
  };

  it('recovers an id written first from the start of an over-limit line', async () => {
    const served = serve();
    served.stdin.write(`{"jsonrpc":"2.0","id":"first","method":"tools/list","params":{"pad":"${'p'.repeat(LIMIT)}"}}\n`);
    expect((await answerTo(served, 'first')).error).toMatchObject({ code: -32600 });
  });

  it('answers id null when an over-limit line gives no id away', async () => {
    const served = serve();
    served.stdin.write(`{"jsonrpc":"2.0","method":"tools/list","params":{"pad":"${'p'.repeat(LIMIT)}"},"id":{"x":1}}\n`);
    expect((await answerTo(served, null)).error).toMatchObject({ code: -32600 });
    expect(served.problems).toHaveLength(1);
  });

  it('answers a non-JSON line with -32700 and a batch with -32600, then goes on', async () => {
    const served = serve();
    served.stdin.write('this is not json\n[{"jsonrpc":"2.0","id":1,"method":"ping"}]\n\n');
    served.stdin.write(`${JSON.stringify(initialize)}\n`);
    await answerTo(served, 'init');
    expect(served.lines.slice(0, 2).map((message) => (message.error as { code: number }).code)).toEqual([-32700, -32600]);
    expect(served.lines.slice(0, 2).map((message) => message.id)).toEqual([null, null]);
    expect(served.problems).toHaveLength(2);
  });

  it('answers an invalid request with a usable id with -32600 and that id', async () => {
    const served = serve();
    served.stdin.write('{"jsonrpc":"1.0","id":"old","method":"ping"}\n');
    expect((await answerTo(served, 'old')).error).toMatchObject({ code: -32600 });
    expect(served.problems).toEqual(["Refused a message 'ping' that is not a valid JSON-RPC 2.0 message: answered -32600"]);
  });

  it('drops a response with an unusable id with one line for the operator and no answer', async () => {
    const served = serve();
    served.stdin.write('{"jsonrpc":"2.0","id":1.5,"result":{}}\n');
    served.stdin.write(`${JSON.stringify(initialize)}\n`);
    await answerTo(served, 'init');
    expect(served.lines).toHaveLength(1);
    expect(served.problems).toEqual(['Refused a message whose id 1.5 is not a whole number: dropped it']);
  });

  it('lets a 2025 client probe with server/discover, then refuses a call before initialize', async () => {
    const served = serve();
    const envelope = {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientInfo': { name: 'raw', version: '1' },
      'io.modelcontextprotocol/clientCapabilities': {},
    };
    served.stdin.write(
      `${JSON.stringify({ jsonrpc: '2.0', id: 'probe', method: 'server/discover', params: { _meta: envelope } })}\n`,
    );
    expect((await answerTo(served, 'probe')).result).toBeDefined();
    served.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 'early', method: 'tools/list' })}\n`);
    expect((await answerTo(served, 'early')).error).toMatchObject({
      code: -32000,
      message: expect.stringContaining("'tools/list'"),
    });
    served.stdin.write(`${JSON.stringify(initialize)}\n`);
    expect((await answerTo(served, 'init')).result).toBeDefined();
    served.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 'later', method: 'tools/list' })}\n`);
    expect((await answerTo(served, 'later')).result).toMatchObject({ tools: expect.any(Array) });
  });

  it('keeps refusing calls after a failed initialize', async () => {
    const served = serve();
    served.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 'bad-init', method: 'initialize', params: {} })}\n`);
    expect((await answerTo(served, 'bad-init')).error).toBeDefined();
    served.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 'early', method: 'tools/list' })}\n`);
    expect((await answerTo(served, 'early')).error).toMatchObject({ code: -32000 });
  });
});
