/**
 * `route` without the host's model: the kit's fallback policy runs the same tool with the step
 * answered by the server's own provider, against fakes of the providers' real HTTP APIs.
 */
import { fallbackPolicyOf, JSON_REPLY_RULES } from '@mcp-sampling/kit';
import { ERAS, provenanceOf } from '@mcp-sampling/testing';
import {
  EXPECTED_TIER_MODELS,
  OPENAI_API,
  PROVIDER_APIS,
  providerErrorResponse,
  useFakeProviderApis,
} from '@mcp-sampling/testing/provider-apis';
import { describe, expect, it } from 'vitest';
import { routeHeuristic } from '../src/heuristic.js';
import { ROUTE_MAX_TOKENS, ROUTE_SYSTEM_PROMPT } from '../src/prompt.js';
import { RouteInputSchema } from '../src/schemas.js';
import { buildServer } from '../src/server.js';
import { BILLING_REQUEST, DESK_NAMES, deskCall } from './desk.js';

const apis = useFakeProviderApis({ recordConsole: true });

const ANSWER = { route: 'billing', confidence: 0.93, reason: 'A duplicate charge and a refund request.' };

describe.each(PROVIDER_APIS)('route through $name', (api) => {
  /** `route` asks for preset `fast`: the provider's `fast` model, or the compatible endpoint's configured one. */
  const model = EXPECTED_TIER_MODELS[api.name].fast;

  describe.each(ERAS)('on %s, with a host that does not sample', (era) => {
    it('answers with the provider, sending the route names as native structured output, and never shows the key', async () => {
      const sent = apis.answerText(api, JSON.stringify(ANSWER));
      const host = await apis.connectServer(buildServer, api, { era });

      const result = await host.callTool('route', deskCall(BILLING_REQUEST));

      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({
        ...ANSWER,
        matchedBy: 'model',
        provenance: { path: 'provider', models: [`${model}-fake`], era, rounds: 1, samples: 1 },
      });
      expect(provenanceOf(result).reason).toMatch(/^no-capability: /);
      expect(host.requests).toHaveLength(0);

      const view = apis.viewOfOnlyRequest(api, sent);
      expect(view.model).toBe(model);
      expect(view.maxTokens).toBe(ROUTE_MAX_TOKENS);
      expect(view.system).toBe(`${ROUTE_SYSTEM_PROMPT}\n\n${JSON_REPLY_RULES}`);
      expect(view.userText).toContain(`The request:\n<untrusted-input name="request">\n${BILLING_REQUEST}\n</untrusted-input>`);
      expect(view.userText).toContain('<untrusted-input name="routes">\n{"name":"billing",');
      expect(view.structuredOutput?.format).toMatchObject({ type: 'json_schema' });
      expect(view.structuredOutput?.schema).toMatchObject({ properties: { route: { enum: DESK_NAMES } } });

      apis.expectKeyHidden(api, sent[0]?.body, result);
    });
  });
});

describe.each(ERAS)('route when the provider rejects the key, on %s', (era) => {
  it('falls to the keyword heuristic, says why in provenance, and never shows the key', async () => {
    const api = OPENAI_API;
    const sent = apis.answer(api, () => providerErrorResponse(api, 401, `Incorrect API key provided: ${api.key}`));
    const fallback = fallbackPolicyOf(['provider', 'heuristic', 'error']);
    const host = await apis.connectServer(buildServer, api, { era }, { fallback });

    const result = await host.callTool('route', deskCall(BILLING_REQUEST));

    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      ...routeHeuristic(RouteInputSchema.parse(deskCall(BILLING_REQUEST))),
      route: 'billing',
      matchedBy: 'keywords',
      provenance: { path: 'heuristic', models: [], era, rounds: 0, samples: 0 },
    });
    expect(provenanceOf(result).reason).toMatch(
      /^no-capability: .* Then the provider failed: OpenAI rejected the API key \(HTTP 401, model gpt-4\.1-mini\)/,
    );
    expect(sent).toHaveLength(1); // an auth failure is not retried
    apis.expectKeyHidden(api, result);
  });
});
