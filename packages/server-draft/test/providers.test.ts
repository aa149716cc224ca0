/**
 * `draft` without the host's model: the kit's fallback policy runs the same tool with its steps
 * answered by the server's own provider, against fakes of the providers' real HTTP APIs. The
 * provider never sees step keys, so its requests are told apart by their system prompts.
 */
import { fallbackPolicyOf, JSON_REPLY_RULES } from '@mcp-sampling/kit';
import { ERAS, provenanceOf, reply, textOf } from '@mcp-sampling/testing';
import {
  ANTHROPIC_API,
  COMPATIBLE_API,
  EXPECTED_TIER_MODELS,
  PROVIDER_APIS,
  type ProviderApi,
  type ProviderRequestView,
  providerErrorResponse,
  type SentRequest,
  useFakeProviderApis,
  viewOfProviderRequest,
} from '@mcp-sampling/testing/provider-apis';
import { describe, expect, it } from 'vitest';
import { DRAFT_SYSTEM, OUTLINE_SYSTEM } from '../src/prompt.js';
import { buildServer } from '../src/server.js';
import { structured } from './fixtures.js';

const apis = useFakeProviderApis({ recordConsole: true });

const OUTLINE_PROMPT = `${OUTLINE_SYSTEM}\n\n${JSON_REPLY_RULES}`;
const OUTLINE = { points: ['The harbour reopens on 3 May.', 'The sea wall repairs finished early.', 'Thank the volunteers.'] };
/** A draft that passes every check for ARGS: 27 words, both required points made. */
const GOOD =
  'Good news for Eastcliff: the harbour reopens on 3 May. The sea wall repairs finished early and cost 9,000 pounds. ' +
  'Thank you to every volunteer who helped.';
const ARGS = {
  brief: 'Tell the town the harbour reopens on 3 May after the repairs.',
  kind: 'announcement',
  maxWords: 120,
  mustInclude: ['The harbour reopens on 3 May', 'Repairs cost 9,000 pounds'],
};

/** The provider's answer to each step, told apart by system prompt: the outline JSON, the draft text, nothing else. */
function answerByStep(view: ProviderRequestView): string {
  if (view.system === OUTLINE_PROMPT) return JSON.stringify(OUTLINE);
  if (view.system === DRAFT_SYSTEM) return GOOD;
  return 'UNEXPECTED STEP';
}

const viewsOf = (api: ProviderApi, sent: readonly SentRequest[]) =>
  sent.map((request) => viewOfProviderRequest(api, request.body));

describe.each(PROVIDER_APIS)('draft through $name', (api) => {
  /** `outline` asks for preset `fast` and `draft` for `smart`; a compatible endpoint has one configured model for both. */
  const models = EXPECTED_TIER_MODELS[api.name];

  describe.each(ERAS)('on %s, with a host that does not sample', (era) => {
    it('runs outline then draft against the provider, the outline as native structured output, and never shows the key', async () => {
      const sent = apis.answerText(api, answerByStep);
      const host = await apis.connectServer(buildServer, api, { era });

      const result = await host.callTool('draft', ARGS);

      expect(result.isError).toBeFalsy();
      expect(structured(result)).toMatchObject({
        draft: GOOD,
        outline: [...OUTLINE.points, 'Repairs cost 9,000 pounds'],
        revisions: 0,
        coverage: [
          { point: 'The harbour reopens on 3 May', included: true },
          { point: 'Repairs cost 9,000 pounds', included: true },
        ],
        provenance: {
          path: 'provider',
          models: [...new Set([`${models.fast}-fake`, `${models.smart}-fake`])],
          era,
          rounds: 2,
          samples: 2,
        },
      });
      expect(provenanceOf(result).reason).toMatch(/^no-capability: /);
      expect(host.requests).toHaveLength(0);

      const views = viewsOf(api, sent);
      expect(views.map((view) => view.system)).toEqual([OUTLINE_PROMPT, DRAFT_SYSTEM]);
      expect(views.map((view) => view.model)).toEqual([models.fast, models.smart]);
      expect(views.map((view) => view.maxTokens)).toEqual([560, 300]);
      const [outline, draft] = views;
      expect(outline?.userText).toContain(`The brief:\n<untrusted-input name="brief">\n${ARGS.brief}\n</untrusted-input>`);
      expect(outline?.userText).toContain(
        '<untrusted-input name="must-include">\n1. The harbour reopens on 3 May\n2. Repairs cost 9,000 pounds\n</untrusted-input>',
      );
      expect(draft?.userText).toContain(`<untrusted-input name="brief">\n${ARGS.brief}\n</untrusted-input>`);
      expect(draft?.userText).toContain(
        '<untrusted-input name="outline">\n1. The harbour reopens on 3 May.\n2. The sea wall repairs finished early.\n' +
          '3. Thank the volunteers.\n4. Repairs cost 9,000 pounds\n</untrusted-input>',
      );

      expect(outline?.structuredOutput?.format).toMatchObject({ type: 'json_schema' });
      expect(outline?.structuredOutput?.schema).toMatchObject({
        properties: { points: { type: 'array' } },
        required: ['points'],
      });
      expect(draft?.structuredOutput).toBeUndefined();

      apis.expectKeyHidden(
        api,
        sent.map((request) => request.body),
        result,
      );
    });
  });
});

describe.each(ERAS)('draft when the provider rejects the key, on %s', (era) => {
  it('ends in an isError naming the 401 and what to configure, and never shows the key', async () => {
    const api = COMPATIBLE_API;
    const sent = apis.answer(api, () => providerErrorResponse(api, 401, `bad token ${api.key}`));
    const fallback = fallbackPolicyOf(['provider', 'heuristic', 'error']);
    const host = await apis.connectServer(buildServer, api, { era }, { fallback });

    const result = await host.callTool('draft', ARGS);

    expect(result.isError).toBe(true);
    const text = textOf(result);
    expect(text).toMatch(/does not offer MCP sampling/);
    expect(text).toContain(
      'Fallbacks: the provider failed: The OpenAI-compatible endpoint rejected the API key (HTTP 401, model llama3.2). ' +
        'Check that MCP_SAMPLING_API_KEY holds a current key',
    );
    expect(text).toContain("the tool 'draft' has no heuristic");
    expect(text).toMatch(/ANTHROPIC_API_KEY or OPENAI_API_KEY/);
    expect(sent).toHaveLength(1); // the outline, not retried: an auth failure will not pass on a second try
    apis.expectKeyHidden(api, result);
  });
});

describe('draft when the host declines midway, on 2025', () => {
  it('keeps the outline the host wrote and asks the provider for the draft only', async () => {
    const api = ANTHROPIC_API;
    const sent = apis.answerText(api, answerByStep);
    const script = { rules: [{ match: 'outline', reply: reply.json(OUTLINE) }], otherwise: reply.decline() };
    const fallback = fallbackPolicyOf(['error'], { declined: ['provider'] });
    const host = await apis.connectServer(buildServer, api, { era: '2025', sampling: true, script }, { fallback });

    const result = await host.callTool('draft', ARGS);

    expect(result.isError).toBeFalsy();
    expect(host.requests.map((request) => request.key)).toEqual(['outline', 'draft']);
    const views = viewsOf(api, sent);
    expect(views.map((view) => view.system)).toEqual([DRAFT_SYSTEM]);
    const smart = EXPECTED_TIER_MODELS.anthropic.smart;
    expect(views[0]?.model).toBe(smart);
    expect(views[0]?.userText).toContain('<untrusted-input name="outline">\n1. The harbour reopens on 3 May.\n');
    expect(structured(result)).toMatchObject({
      draft: GOOD,
      revisions: 0,
      provenance: { path: 'provider', models: ['mock-model', `${smart}-fake`], era: '2025', samples: 2 },
    });
    expect(provenanceOf(result).reason).toMatch(/^declined: The host declined step 'draft'/);
  });
});
