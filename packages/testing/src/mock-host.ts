/**
 * The mock sampling host: a real `@modelcontextprotocol/client` that answers
 * `sampling/createMessage` from a script and records every request it receives. The same client
 * serves both eras: on 2025 the server pushes requests; on 2026-07-28 the client's built-in
 * driver fulfils `input_required` rounds by calling the same handler.
 */
import { setMaxListeners } from 'node:events';
import { type CallToolResult, Client, InMemoryTransport, type Transport } from '@modelcontextprotocol/client';
import type { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { type RecordedRequest, recordOf } from './recorded-request.js';
import type { Script } from './script.js';
import { pickReply } from './script.js';
import { type ServerCommand, TappedStdioTransport } from './tapped-stdio-transport.js';

/** The two protocol eras a connection can speak. */
export type Era = '2025' | '2026-07-28';

/** How the mock host behaves. */
export interface MockHostOptions {
  /** Protocol era to negotiate. Default `'2025'`. */
  era?: Era;
  /** Declare the sampling capability. Default `true`. */
  sampling?: boolean;
  /** Replies to sampling requests. Default: every request fails with "no scripted reply". */
  script?: Script;
  /**
   * 2026-07-28 only: do not fulfil `input_required` rounds automatically. `callToolRaw` then
   * returns each round as it comes, so a test can inspect or tamper with it.
   */
  manualRounds?: boolean;
  /** 2026-07-28 only: the client's cap on `input_required` rounds per call (SDK default 10). */
  maxRounds?: number;
}

/** Builds a fresh server; called once per connection (and once per discarded era probe). */
export type ServerFactory = () => McpServer;

export class MockHost {
  /** Every sampling request received, in arrival order. */
  readonly requests: RecordedRequest[] = [];
  /** Step keys (or `#n` arrival numbers) whose request the server cancelled before it was answered. */
  readonly cancelled: string[] = [];
  /** The negotiated era. */
  readonly era: Era;

  private script: Script;
  private round = 0;
  private answeredThisRound = false;

  constructor(
    /** The real SDK client; use it for anything the helpers do not cover. */
    readonly client: Client,
    options: MockHostOptions,
    private readonly closeServer: () => Promise<void>,
  ) {
    this.era = options.era ?? '2025';
    this.script = options.script ?? { rules: [] };
    if (options.sampling ?? true) {
      client.setRequestHandler('sampling/createMessage', async (request, ctx) => this.answer(request.params, ctx.mcpReq.signal));
    }
  }

  /** Forget every recorded request and cancellation, and start counting rounds from zero. */
  reset(): void {
    this.requests.length = 0;
    this.cancelled.length = 0;
    this.round = 0;
    this.answeredThisRound = false;
  }

  /** Replace the script (e.g. between calls). */
  setScript(script: Script): void {
    this.script = script;
  }

  /** Number of sampling rounds seen so far. */
  get rounds(): number {
    return this.round;
  }

  /** Requests of one round. */
  requestsInRound(round: number): RecordedRequest[] {
    return this.requests.filter((request) => request.round === round);
  }

  /** The step keys of one round, sorted (requests of a round arrive in no fixed order). */
  keysInRound(round: number): string[] {
    return this.requestsInRound(round)
      .map((request) => request.key ?? '')
      .sort();
  }

  /** Call a tool and return its result (`isError` results resolve; protocol errors reject). */
  async callTool(
    name: string,
    args: Record<string, unknown>,
    options: {
      signal?: AbortSignal;
      timeout?: number;
      onprogress?: (progress: { progress: number; message?: string }) => void;
    } = {},
  ): Promise<CallToolResult> {
    return (await this.client.callTool({ name, arguments: args }, options)) as CallToolResult;
  }

  /**
   * One raw `tools/call`, returning an `input_required` round as-is (with `manualRounds`). Pass
   * `inputResponses` and `requestState` to send a retry by hand.
   */
  async callToolRaw(
    name: string,
    args: Record<string, unknown>,
    retry: { inputResponses?: Record<string, unknown>; requestState?: string } = {},
  ): Promise<Record<string, unknown>> {
    const params = { name, arguments: args, ...retry } as Parameters<Client['callTool']>[0];
    return (await this.client.callTool(params, { allowInputRequired: true } as never)) as unknown as Record<string, unknown>;
  }

  async close(): Promise<void> {
    await this.client.close();
    await this.closeServer();
  }

  // biome-ignore lint/suspicious/noExplicitAny: sampling params type is deprecated and re-exported loosely.
  private async answer(params: any, signal: AbortSignal) {
    if (this.round === 0 || this.answeredThisRound) {
      this.round += 1;
      this.answeredThisRound = false;
    }
    // On 2026-07-28 every request of a round shares one signal; a wide fan-out is expected.
    setMaxListeners(0, signal);
    const record = recordOf(params, this.round);
    this.requests.push(record);
    const label = record.key ?? `#${this.requests.length}`;
    // Let every request sent in the same tick arrive before any answer, so rounds group correctly.
    await new Promise<void>((resolve) => setImmediate(resolve));
    try {
      const reply = pickReply(this.script, record);
      if (reply === undefined) throw new Error(`mock host: no scripted reply for step '${label}'`);
      return await reply(record, signal);
    } catch (error) {
      if (signal.aborted) this.cancelled.push(label);
      throw error;
    } finally {
      this.answeredThisRound = true;
    }
  }
}

/** A mock host's SDK client: sampling declared (or not) and the era pinned as `options` say. */
export function newClient(options: MockHostOptions): Client {
  const sampling = options.sampling ?? true;
  return new Client(
    { name: 'mock-sampling-host', version: '1.0.0' },
    {
      capabilities: sampling ? { sampling: {} } : {},
      versionNegotiation: { mode: (options.era ?? '2025') === '2026-07-28' ? { pin: '2026-07-28' } : 'legacy' },
      inputRequired: {
        ...(options.manualRounds === true && { autoFulfill: false }),
        ...(options.maxRounds !== undefined && { maxRounds: options.maxRounds }),
      },
    },
  );
}

/**
 * Connect a mock host in-process to a server factory, through the SDK's own serving entry
 * (`serveStdio` over a linked in-memory pair), exactly as the bin serves it over stdio.
 */
export async function connectInMemory(factory: ServerFactory, options: MockHostOptions = {}): Promise<MockHost> {
  const [clientSide, serverSide] = InMemoryTransport.createLinkedPair();
  const handle = serveStdio(() => factory(), { transport: serverSide });
  const client = newClient(options);
  const host = new MockHost(client, options, () => handle.close());
  await client.connect(clientSide);
  return host;
}

/** A mock host connected to a spawned server process; exposes its raw stdout and stderr. */
export interface StdioMockHost extends MockHost {
  readonly transport: TappedStdioTransport;
}

/** Spawn a server (e.g. a built bin) and connect a mock host to it over stdio. */
export async function connectStdio(server: ServerCommand, options: MockHostOptions = {}): Promise<StdioMockHost> {
  const transport = new TappedStdioTransport(server);
  const client = newClient(options);
  const host = new MockHost(client, options, () => transport.close());
  await client.connect(transport as Transport);
  return Object.assign(host, { transport });
}
