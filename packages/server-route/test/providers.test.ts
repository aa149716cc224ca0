/**
 * `route` without the host's model: the kit's fallback policy runs the same tool with the step
 * answered by the server's own provider, against fakes of the providers' real HTTP APIs.
 */
import { fallbackPolicyOf, JSON_REPLY_RULES } from '@mcp-sampling/kit';
import { connectInMemory, type Era, type MockHost } from '@mcp-sampling/testing';
import {
  type FakeProviderName,
  fakeProviderApis,
  OPENAI_API,
  PROVIDER_APIS,
  type ProviderApi,
  providerErrorResponse,
  viewOfProviderRequest,
} from '@mcp-sampling/testing/provider-apis';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, type MockInstance, vi } from 'vitest';
import { routeHeuristic } from '../src/heuristic.js';
import { routeInput } from '../src/input.js';
import { ROUTE_MAX_TOKENS, ROUTE_SYSTEM_PROMPT } from '../src/prompt.js';
import { buildServer } from '../src/server.js';
import { BILLING_REQUEST, DESK_NAMES, deskCall } from './desk.js';

const eras: Era[] = ['2025', '2026-07-28'];
const apis = fakeProviderApis();
let host: MockHost | undefined;
let consoleSpies: MockInstance[] = [];

beforeAll(() => apis.listen());
beforeEach(() => {
  consoleSpies = [vi.spyOn(console, 'error'), vi.spyOn(console, 'warn')];
});
afterEach(async () => {
  apis.reset();
  for (const spy of consoleSpies) spy.mockRestore();
  await host?.close();
  host = undefined;
});
afterAll(() => apis.close());

/** The model `route` (preset `fast`) is sent to: the provider's `fast` default, or the configured model. */
const FAST_MODEL: Record<FakeProviderName, string> = {
  anthropic: 'claude-haiku-4-5',
  openai: 'gpt-4.1-mini',
  'openai-compatible': 'llama3.2',
};

/** Where each API carries its native structured output: the `json_schema` format, and the schema inside it. */
const STRUCTURED_OUTPUT: Record<FakeProviderName, { format: string[]; schema: string[] }> = {
  anthropic: { format: ['output_config', 'format'], schema: ['output_config', 'format', 'schema'] },
  openai: { format: ['text', 'format'], schema: ['text', 'format', 'schema'] },
  'openai-compatible': { format: ['response_format'], schema: ['response_format', 'json_schema', 'schema'] },
};

/** Where each API puts the reply's token limit. */
const MAX_TOKENS_FIELD: Record<FakeProviderName, string> = {
  anthropic: 'max_tokens',
  openai: 'max_output_tokens',
  'openai-compatible': 'max_tokens',
};

/** The value at `path` in a request body. */
const at = (body: unknown, path: readonly string[]): unknown =>
  path.reduce<unknown>((value, name) => (value as Record<string, unknown> | undefined)?.[name], body);

/** The server with a non-sampling host's fallback going to `api` (fast retries, so failures stay quick). */
const serverUsing = (api: ProviderApi, options: Parameters<typeof buildServer>[0] = {}) =>
  buildServer({ provider: { ...api.config, retryBaseDelayMs: 1, maxRetries: 1 }, ...options });

/** Everything written to console.error and console.warn during the test. */
const consoleText = () => JSON.stringify(consoleSpies.map((spy) => spy.mock.calls));

interface Provenance {
  path: string;
  models: string[];
  era: string;
  rounds: number;
  samples: number;
  reason: string;
}
const provenanceOf = (result: { structuredContent?: unknown }) =>
  (result.structuredContent as { provenance: Provenance }).provenance;

const ANSWER = { route: 'billing', confidence: 0.93, reason: 'A duplicate charge and a refund request.' };

describe.each(PROVIDER_APIS)('route through $name', (api) => {
  describe.each(eras)('on %s, with a host that does not sample', (era) => {
    it('answers with the provider, sending the route names as native structured output, and never shows the key', async () => {
      const sent = apis.answerText(api, JSON.stringify(ANSWER));
      host = await connectInMemory(() => serverUsing(api), { era, sampling: false });

      const result = await host.callTool('route', deskCall(BILLING_REQUEST));

      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({
        ...ANSWER,
        matchedBy: 'model',
        provenance: { path: 'provider', models: [`${FAST_MODEL[api.name]}-fake`], era, rounds: 1, samples: 1 },
      });
      expect(provenanceOf(result).reason).toMatch(/^no-capability: /);
      expect(host.requests).toHaveLength(0);

      expect(sent).toHaveLength(1);
      const body = sent[0]?.body ?? {};
      const view = viewOfProviderRequest(api, body);
      expect(view.model).toBe(FAST_MODEL[api.name]);
      expect(body[MAX_TOKENS_FIELD[api.name]]).toBe(ROUTE_MAX_TOKENS);
      expect(view.system).toBe(`${ROUTE_SYSTEM_PROMPT}\n\n${JSON_REPLY_RULES}`);
      expect(view.userText).toContain(`The request:\n<untrusted-input name="request">\n${BILLING_REQUEST}\n</untrusted-input>`);
      expect(view.userText).toContain('<untrusted-input name="routes">\n{"name":"billing",');
      const paths = STRUCTURED_OUTPUT[api.name];
      expect(at(body, paths.format)).toMatchObject({ type: 'json_schema' });
      expect(at(at(body, paths.schema), ['properties', 'route', 'enum'])).toEqual(DESK_NAMES);

      expect(JSON.stringify(body)).not.toContain(api.key);
      expect(JSON.stringify(result)).not.toContain(api.key);
      expect(consoleText()).not.toContain(api.key);
    });
  });
});

describe.each(eras)('route when the provider rejects the key, on %s', (era) => {
  it('falls to the keyword heuristic, says why in provenance, and never shows the key', async () => {
    const api = OPENAI_API;
    const sent = apis.answer(api, () => providerErrorResponse(api, 401, `Incorrect API key provided: ${api.key}`));
    host = await connectInMemory(() => serverUsing(api, { fallback: fallbackPolicyOf(['provider', 'heuristic', 'error']) }), {
      era,
      sampling: false,
    });

    const result = await host.callTool('route', deskCall(BILLING_REQUEST));

    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      ...routeHeuristic(routeInput.parse(deskCall(BILLING_REQUEST))),
      route: 'billing',
      matchedBy: 'keywords',
      provenance: { path: 'heuristic', models: [], era, rounds: 0, samples: 0 },
    });
    expect(provenanceOf(result).reason).toMatch(
      /^no-capability: .* Then the provider failed: OpenAI rejected the API key \(HTTP 401, model gpt-4\.1-mini\)/,
    );
    expect(sent).toHaveLength(1); // an auth failure is not retried
    expect(JSON.stringify(result)).not.toContain(api.key);
    expect(consoleText()).not.toContain(api.key);
  });
});
