/**
 * `summarise` without the host's model: the kit's fallback policy runs the same tool with its steps
 * answered by the server's own provider, against fakes of the providers' real HTTP APIs; when the
 * provider fails too, the heuristic answers and provenance says why.
 */
import { fallbackPolicyOf } from '@mcp-sampling/kit';
import { ERAS, type Era, provenanceOf } from '@mcp-sampling/testing';
import {
  ANTHROPIC_API,
  EXPECTED_TIER_MODELS,
  neverAnswer,
  PROVIDER_APIS,
  type ProviderApi,
  providerErrorResponse,
  quickConfig,
  useFakeProviderApis,
} from '@mcp-sampling/testing/provider-apis';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';

const apis = useFakeProviderApis({ recordConsole: true });

const TEXT = 'The harbour wall was repaired in May. The repair cost ten thousand pounds. The council paid for it.';

/** A host that cannot sample, and a server whose fallback goes to `api` then the heuristic; `provider` overrides parts of its configuration. */
const connectThrough = (api: ProviderApi, era: Era, provider: Record<string, unknown> = {}) =>
  apis.connectServer(
    buildServer,
    api,
    { era },
    {
      fallback: fallbackPolicyOf(['provider', 'heuristic', 'error']),
      provider: { ...quickConfig(api), ...provider },
    },
  );

describe.each(PROVIDER_APIS)('summarise through $name when the host cannot sample', (api) => {
  it.each(ERAS)('answers on %s and says so', async (era) => {
    const sent = apis.answerText(api, 'The harbour wall was repaired for ten thousand pounds.', 'provider-model-7');
    const host = await connectThrough(api, era);
    const result = await host.callTool('summarise', { text: TEXT, maxWords: 40 });
    expect(result.structuredContent).toMatchObject({
      summary: 'The harbour wall was repaired for ten thousand pounds.',
      provenance: { path: 'provider', models: ['provider-model-7'], era, samples: 1 },
    });
    expect(provenanceOf(result).reason).toMatch(/^no-capability: /);
    const view = apis.viewOfOnlyRequest(api, sent);
    expect(view.model).toBe(EXPECTED_TIER_MODELS[api.name].balanced); // summarise asks for preset `balanced`
    expect(view.system).toMatch(/^You write the final summary of a document from the whole document\./);
    expect(view.userText).toBe(`The document:\n<untrusted-input name="document">\n${TEXT}\n</untrusted-input>`);
    expect(sent[0]?.headers.get('authorization') ?? sent[0]?.headers.get('x-api-key')).toContain(api.key);
    apis.expectKeyHidden(api, result);
  });
});

describe('summarise when the provider fails (Anthropic, 2025 era)', () => {
  const api = ANTHROPIC_API;

  it('retries a 429 that says when, then answers', async () => {
    const sent = apis.answer(api, (n) =>
      n === 1
        ? providerErrorResponse(api, 429, 'rate limited', { 'retry-after-ms': '1' })
        : Response.json(api.success('A summary after waiting.', 'claude-sonnet-4-5-x')),
    );
    const host = await connectThrough(api, '2025');
    const result = await host.callTool('summarise', { text: TEXT });
    expect(result.structuredContent).toMatchObject({ summary: 'A summary after waiting.', provenance: { path: 'provider' } });
    expect(sent).toHaveLength(2);
  });

  it.each([
    ['401', () => providerErrorResponse(api, 401, `invalid x-api-key ${api.key}`), 1, /401|authenticat/i],
    ['500', () => providerErrorResponse(api, 500, `overloaded ${api.key}`), 2, /500|server/i],
    [
      'a malformed body',
      () => new Response('{"type":"message", "content": [', { headers: { 'content-type': 'application/json' } }),
      1,
      /malformed|could not be read|unreadable/i,
    ],
    ['no answer in time', (_n: number, request: Request) => neverAnswer(request), 2, /time/i],
  ] as const)('falls to the heuristic after %s, says why, and never shows the key', async (_label, respond, attempts, why) => {
    const sent = apis.answer(api, respond);
    const host = await connectThrough(api, '2025', { timeoutMs: 50 });
    const result = await host.callTool('summarise', { text: TEXT });
    expect(result.isError).toBeFalsy();
    const provenance = provenanceOf(result);
    expect(provenance.path).toBe('heuristic');
    expect(provenance.reason).toMatch(/the provider failed: /);
    expect(provenance.reason).toMatch(why);
    expect(sent).toHaveLength(attempts);
    apis.expectKeyHidden(api, result);
  });
});
