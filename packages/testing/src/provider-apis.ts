/**
 * The model providers' real HTTP APIs, faked with msw for tests: where each provider posts, what a
 * success and an error look like on the wire, and a server that records every request. Used by the
 * providers package and by every server's provider-fallback tests, so all of them agree on the wire.
 */
import { formatWithOptions } from 'node:util';
import type { McpServer } from '@modelcontextprotocol/server';
import { HttpResponse, http } from 'msw';
import { type SetupServer, setupServer } from 'msw/node';
import { afterAll, afterEach, beforeAll, expect } from 'vitest';
import { connectInMemory, type MockHost, type MockHostOptions } from './mock-host.js';

/** Provider names, as `@mcp-sampling/providers` spells them. */
export type FakeProviderName = 'anthropic' | 'openai' | 'openai-compatible';

/** One provider's API: endpoint, test key, a matching configuration, and its wire format. */
export interface ProviderApi {
  name: FakeProviderName;
  /** The key configured for it; tests check this string never leaks. */
  key: string;
  url: string;
  /** A `ProviderConfig` for `@mcp-sampling/providers` pointing at this API with `key`. */
  config: { provider: FakeProviderName; apiKey: string; baseURL?: string; model?: string };
  /** A successful response body carrying `text`, reported as coming from `model`. */
  success(text: string, model: string): Record<string, unknown>;
  /** The provider's error body, with a message that (like some real APIs) echoes the key. */
  errorBody(message: string): Record<string, unknown>;
}

export const ANTHROPIC_API: ProviderApi = {
  name: 'anthropic',
  key: 'sk-ant-test-0123456789abcdefSECRET',
  url: 'https://api.anthropic.com/v1/messages',
  config: { provider: 'anthropic', apiKey: 'sk-ant-test-0123456789abcdefSECRET' },
  success: (text, model) => ({
    id: 'msg_01',
    type: 'message',
    role: 'assistant',
    model,
    content: [{ type: 'text', text }],
    stop_reason: 'end_turn',
    stop_sequence: null,
    usage: { input_tokens: 12, output_tokens: 5 },
  }),
  errorBody: (message) => ({ type: 'error', error: { type: 'api_error', message } }),
};

export const OPENAI_API: ProviderApi = {
  name: 'openai',
  key: 'sk-proj-test-0123456789abcdefSECRET',
  url: 'https://api.openai.com/v1/responses',
  config: { provider: 'openai', apiKey: 'sk-proj-test-0123456789abcdefSECRET' },
  success: (text, model) => ({
    id: 'resp_01',
    object: 'response',
    created_at: 1_760_000_000,
    model,
    status: 'completed',
    output: [
      {
        type: 'message',
        id: 'msg_01',
        role: 'assistant',
        status: 'completed',
        content: [{ type: 'output_text', text, annotations: [] }],
      },
    ],
    incomplete_details: null,
    usage: {
      input_tokens: 12,
      output_tokens: 5,
      total_tokens: 17,
      input_tokens_details: { cached_tokens: 0 },
      output_tokens_details: { reasoning_tokens: 0 },
    },
  }),
  errorBody: (message) => ({ error: { message, type: 'invalid_request_error', param: null, code: 'error' } }),
};

/** A local Ollama-style endpoint. Its key is not shaped like one, so only exact-key scrubbing can hide it. */
export const COMPATIBLE_API: ProviderApi = {
  name: 'openai-compatible',
  key: 'local-gateway-token-0123456789',
  url: 'http://localhost:11434/v1/chat/completions',
  config: {
    provider: 'openai-compatible',
    baseURL: 'http://localhost:11434/v1',
    apiKey: 'local-gateway-token-0123456789',
    model: 'llama3.2',
  },
  success: (text, model) => ({
    id: 'chatcmpl-01',
    object: 'chat.completion',
    created: 1_760_000_000,
    model,
    choices: [{ index: 0, message: { role: 'assistant', content: text }, finish_reason: 'stop' }],
    usage: { prompt_tokens: 12, completion_tokens: 5, total_tokens: 17 },
  }),
  errorBody: (message) => ({ error: { message, type: 'invalid_request_error', code: 'error' } }),
};

export const PROVIDER_APIS: readonly ProviderApi[] = [ANTHROPIC_API, OPENAI_API, COMPATIBLE_API];

/** A request as it reached a fake API. */
export interface SentRequest {
  headers: Headers;
  body: Record<string, unknown>;
}

/** The parts of a provider request every wire format has, read back for assertions. */
export interface ProviderRequestView {
  model: string;
  /** The system prompt ('' when none). */
  system: string;
  /** Every user turn's text, joined by newlines. */
  userText: string;
  /** The reply's token limit, wherever the format puts it. */
  maxTokens: unknown;
  /** The native structured-output request (`type: 'json_schema'` and its schema), when there is one. */
  structuredOutput?: { format: Record<string, unknown>; schema: unknown };
}

/**
 * The model ids the providers package picks per tier when nothing overrides them (and the model a
 * compatible endpoint is configured with): what tests expect on the wire.
 */
export const EXPECTED_TIER_MODELS: Readonly<Record<FakeProviderName, Readonly<Record<'fast' | 'balanced' | 'smart', string>>>> = {
  anthropic: { fast: 'claude-haiku-4-5', balanced: 'claude-sonnet-4-5', smart: 'claude-opus-4-1' },
  openai: { fast: 'gpt-4.1-mini', balanced: 'gpt-4.1', smart: 'gpt-5' },
  'openai-compatible': { fast: 'llama3.2', balanced: 'llama3.2', smart: 'llama3.2' },
};

/** Where each format carries the token limit and the native structured output. */
const WIRE: Record<FakeProviderName, { maxTokens: string; format: readonly string[]; schema: readonly string[] }> = {
  anthropic: { maxTokens: 'max_tokens', format: ['output_config', 'format'], schema: ['output_config', 'format', 'schema'] },
  openai: { maxTokens: 'max_output_tokens', format: ['text', 'format'], schema: ['text', 'format', 'schema'] },
  'openai-compatible': {
    maxTokens: 'max_tokens',
    format: ['response_format'],
    schema: ['response_format', 'json_schema', 'schema'],
  },
};

const at = (body: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, name) => (value as Record<string, unknown> | undefined)?.[name], body);

/** Reads model, system prompt and user text out of any of the three wire formats. */
export function viewOfProviderRequest(api: ProviderApi, body: Record<string, unknown>): ProviderRequestView {
  const textOf = (content: unknown): string =>
    typeof content === 'string'
      ? content
      : Array.isArray(content)
        ? content.map((block) => (block as { text?: string }).text ?? '').join('\n')
        : '';
  const turns = (api.name === 'openai' ? body.input : body.messages) as Array<{ role: string; content: unknown }>;
  const system =
    api.name === 'anthropic'
      ? textOf(body.system)
      : turns
          .filter((turn) => turn.role === 'system' || turn.role === 'developer')
          .map((turn) => textOf(turn.content))
          .join('\n');
  const userText = turns
    .filter((turn) => turn.role === 'user')
    .map((turn) => textOf(turn.content))
    .join('\n');
  const wire = WIRE[api.name];
  const format = at(body, wire.format);
  return {
    model: String(body.model),
    system,
    userText,
    maxTokens: body[wire.maxTokens],
    ...(typeof format === 'object' &&
      format !== null && { structuredOutput: { format: format as Record<string, unknown>, schema: at(body, wire.schema) } }),
  };
}

/** A provider configuration whose retries do not wait. */
export type QuickProviderConfig = ProviderApi['config'] & { retryBaseDelayMs: number; maxRetries: number };

/** `api`'s configuration with retries that do not wait, so failure tests stay fast. */
export function quickConfig(api: ProviderApi): QuickProviderConfig {
  return { ...api.config, retryBaseDelayMs: 1, maxRetries: 1 };
}

/** The fake APIs of one test file: an msw server that fails on any request no handler expects. */
export interface FakeProviderApis {
  server: SetupServer;
  /** Start intercepting (call in `beforeAll`); with `recordConsole`, start recording the console too. */
  listen(): void;
  /**
   * Drop this test's handlers and close the hosts `connectServer` opened (call in `afterEach`, and
   * await it); with `recordConsole`, start a fresh record for the next test.
   */
  reset(): Promise<void>;
  /** Stop intercepting (call in `afterAll`) and give the console back. */
  close(): void;
  /** Answer `api` with `respond(n, request)` for the n-th request (1-based); returns the record of requests. */
  answer(api: ProviderApi, respond: (n: number, request: Request) => Response | Promise<Response>): SentRequest[];
  /** Answer every request to `api` with a success carrying `text` (computed per request if a function). */
  answerText(api: ProviderApi, text: string | ((view: ProviderRequestView) => string), model?: string): SentRequest[];
  /**
   * Connects a host in-process to the server `build` makes with its fallback provider pointed at
   * `api` (`quickConfig`), `options` merged over that. The host cannot sample unless `host` says
   * so; `reset()` closes it.
   */
  connectServer<Options extends { provider?: unknown }>(
    build: (options?: Options) => McpServer,
    api: ProviderApi,
    host: MockHostOptions,
    options?: Options,
  ): Promise<MockHost>;
  /** With `recordConsole`: what console.error and console.warn were given during the current test. */
  consoleText(): string;
  /** Asserts `sent` holds exactly one request, and returns what it asked for. */
  viewOfOnlyRequest(api: ProviderApi, sent: readonly SentRequest[]): ProviderRequestView;
  /** With `recordConsole`: asserts `api`'s key is in none of `values` (as JSON) and in nothing logged. */
  expectKeyHidden(api: ProviderApi, ...values: unknown[]): void;
}

/**
 * `recordConsole: true` also records (and silences) console.error and console.warn from `listen()`
 * to `close()`, one record per test, so a test can check that a key never reached the logs.
 */
export function fakeProviderApis(options: { recordConsole?: boolean } = {}): FakeProviderApis {
  const server = setupServer();
  let logs: RecordedConsole | undefined;
  const hosts: MockHost[] = [];
  const answer: FakeProviderApis['answer'] = (api, respond) => {
    const sent: SentRequest[] = [];
    server.use(
      http.post(api.url, async ({ request }) => {
        const body = (await request.clone().json()) as Record<string, unknown>;
        sent.push({ headers: request.headers, body });
        return respond(sent.length, request);
      }),
    );
    return sent;
  };
  const consoleText = () => {
    if (logs === undefined)
      throw new Error('The console is recorded only by fakeProviderApis({ recordConsole: true }), once listening.');
    return logs.text();
  };
  return {
    server,
    listen() {
      server.listen({ onUnhandledRequest: 'error' });
      if (options.recordConsole) logs = recordConsole();
    },
    async reset() {
      server.resetHandlers();
      if (logs !== undefined) {
        logs.restore();
        logs = recordConsole();
      }
      await Promise.all(hosts.splice(0).map((host) => host.close()));
    },
    close() {
      server.close();
      logs?.restore();
      logs = undefined;
    },
    answer,
    answerText(api, text, model) {
      const sent = answer(api, async (n) => {
        const body = sent[n - 1]?.body ?? {};
        const view = viewOfProviderRequest(api, body);
        const reply = typeof text === 'function' ? text(view) : text;
        return HttpResponse.json(api.success(reply, model ?? `${view.model}-fake`));
      });
      return sent;
    },
    async connectServer<Options extends { provider?: unknown }>(
      build: (options?: Options) => McpServer,
      api: ProviderApi,
      host: MockHostOptions,
      options?: Options,
    ) {
      const connected = await connectInMemory(() => build({ provider: quickConfig(api), ...options } as Options), {
        sampling: false,
        ...host,
      });
      hosts.push(connected);
      return connected;
    },
    consoleText,
    viewOfOnlyRequest(api, sent) {
      expect(sent).toHaveLength(1);
      return viewOfProviderRequest(api, sent[0]?.body ?? {});
    },
    expectKeyHidden(api, ...values) {
      for (const value of values) expect(JSON.stringify(value)).not.toContain(api.key);
      expect(consoleText()).not.toContain(api.key);
    },
  };
}

/**
 * `fakeProviderApis(options)` with its lifecycle registered for the calling test file: listening
 * before all tests, reset (handlers dropped, hosts closed, console record renewed) after each, closed
 * after all. Call at the top level of a test file.
 */
export function useFakeProviderApis(options: { recordConsole?: boolean } = {}): FakeProviderApis {
  const apis = fakeProviderApis(options);
  beforeAll(() => apis.listen());
  afterEach(() => apis.reset());
  afterAll(() => apis.close());
  return apis;
}

/** What console.error and console.warn were given while recording, kept instead of printed. */
export interface RecordedConsole {
  /** Every call so far, formatted as the console would print it (an Error with its message and stack), one per line. */
  text(): string;
  /** Puts console.error and console.warn back. */
  restore(): void;
}

/** Records (and silences) console.error and console.warn until `restore()`: where a leaked key would show up in logs. */
export function recordConsole(): RecordedConsole {
  const lines: string[] = [];
  const original = { error: console.error, warn: console.warn };
  const record = (...args: unknown[]): void => {
    lines.push(formatWithOptions({ depth: 8, maxArrayLength: null, maxStringLength: null, breakLength: Infinity }, ...args));
  };
  console.error = record;
  console.warn = record;
  return {
    text: () => lines.join('\n'),
    restore() {
      console.error = original.error;
      console.warn = original.warn;
    },
  };
}

/** The provider's JSON error response. */
export function providerErrorResponse(
  api: ProviderApi,
  status: number,
  message: string,
  headers: Record<string, string> = {},
): Response {
  return HttpResponse.json(api.errorBody(message), { status, headers });
}

/** Waits until the request is aborted, then fails the connection: an endpoint that never answers. */
export async function neverAnswer(request: Request): Promise<Response> {
  await new Promise<void>((resolve) => {
    if (request.signal.aborted) resolve();
    request.signal.addEventListener('abort', () => resolve(), { once: true });
  });
  return HttpResponse.error();
}
