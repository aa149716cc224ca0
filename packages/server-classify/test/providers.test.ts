/**
 * `classify` without the host's model: the kit's fallback policy runs the same tool with the step
 * answered by the server's own provider, against fakes of the providers' real HTTP APIs.
 */
import { fallbackPolicyOf, JSON_REPLY_RULES } from '@mcp-sampling/kit';
import { ERAS, provenanceOf } from '@mcp-sampling/testing';
import {
  ANTHROPIC_API,
  EXPECTED_TIER_MODELS,
  PROVIDER_APIS,
  providerErrorResponse,
  useFakeProviderApis,
} from '@mcp-sampling/testing/provider-apis';
import { describe, expect, it } from 'vitest';
import { classifyHeuristically } from '../src/heuristic.js';
import { SINGLE_LABEL_SYSTEM_PROMPT } from '../src/prompt.js';
import { buildServer } from '../src/server.js';
import { REFUND_TICKET, SUPPORT_LABELS } from './fixtures.js';

const apis = useFakeProviderApis({ recordConsole: true });

const ANSWER = { labels: [{ label: 'Billing', confidence: 0.9 }], rationale: 'It asks for a refund of a duplicate charge.' };

describe.each(PROVIDER_APIS)('classify through $name', (api) => {
  /** `classify` asks for preset `fast`: the provider's `fast` model, or the compatible endpoint's configured one. */
  const model = EXPECTED_TIER_MODELS[api.name].fast;

  describe.each(ERAS)('on %s, with a host that does not sample', (era) => {
    it('answers with the provider, sending the label set as native structured output, and never shows the key', async () => {
      const sent = apis.answerText(api, JSON.stringify(ANSWER));
      const host = await apis.connectServer(buildServer, api, { era });

      const result = await host.callTool('classify', { text: REFUND_TICKET, labels: SUPPORT_LABELS });

      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({
        label: 'Billing',
        labels: [{ label: 'Billing', confidence: 0.9 }],
        rationale: ANSWER.rationale,
        provenance: { path: 'provider', models: [`${model}-fake`], era, rounds: 1, samples: 1 },
      });
      expect(provenanceOf(result).reason).toMatch(/^no-capability: /);
      expect(host.requests).toHaveLength(0);

      const view = apis.viewOfOnlyRequest(api, sent);
      expect(view.model).toBe(model);
      expect(view.maxTokens).toBe(145); // 100 + 3 entries × (12 + ⌈9 / 3⌉)
      expect(view.system).toBe(`${SINGLE_LABEL_SYSTEM_PROMPT}\n\n${JSON_REPLY_RULES}`);
      expect(view.userText).toContain(`The text:\n<untrusted-input name="text">\n${REFUND_TICKET}\n</untrusted-input>`);
      expect(view.userText).toContain('<untrusted-input name="labels">\n- "Billing": Invoices, payments, refunds and charges.');
      expect(view.structuredOutput?.format).toMatchObject({ type: 'json_schema' });
      expect(view.structuredOutput?.schema).toMatchObject({
        properties: { labels: { items: { properties: { label: { enum: ['Billing', 'Technical', 'Sales'] } } } } },
      });

      apis.expectKeyHidden(api, sent[0]?.body, result);
    });
  });
});

describe.each(ERAS)('classify when the provider rejects the key, on %s', (era) => {
  it('falls to the lexical heuristic, says why in provenance, and never shows the key', async () => {
    const api = ANTHROPIC_API;
    const sent = apis.answer(api, () => providerErrorResponse(api, 401, `invalid x-api-key: ${api.key}`));
    const fallback = fallbackPolicyOf(['provider', 'heuristic', 'error']);
    const host = await apis.connectServer(buildServer, api, { era }, { fallback });

    const result = await host.callTool('classify', { text: REFUND_TICKET, labels: SUPPORT_LABELS });

    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      ...classifyHeuristically({ text: REFUND_TICKET, labels: SUPPORT_LABELS, multiLabel: false }),
      provenance: { path: 'heuristic', models: [], era, rounds: 0, samples: 0 },
    });
    expect(provenanceOf(result).reason).toMatch(
      /^no-capability: .* Then the provider failed: .*rejected the API key \(HTTP 401, model claude-haiku-4-5\)/,
    );
    expect(sent).toHaveLength(1); // an auth failure is not retried
    apis.expectKeyHidden(api, result);
  });
});
