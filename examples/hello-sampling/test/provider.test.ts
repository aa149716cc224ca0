/**
 * reply_to_note with a host that cannot sample and a provider key configured: the kit's fallback
 * policy runs the same `run`, each step answered by the server's own provider (a fake of Anthropic's
 * Messages API), with the same prompts the host's model would have been sent.
 */
import { DATA_NOT_INSTRUCTIONS, JSON_REPLY_RULES } from '@mcp-sampling/kit';
import { ERAS } from '@mcp-sampling/testing';
import {
  ANTHROPIC_API,
  EXPECTED_TIER_MODELS,
  useFakeProviderApis,
  viewOfProviderRequest,
} from '@mcp-sampling/testing/provider-apis';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/hello-sampling.js';

const NOTE = 'The parcel came two weeks late and the box was crushed.';
const DELIMITED_NOTE = `<untrusted-input name="note">\n${NOTE}\n</untrusted-input>`;
const apis = useFakeProviderApis({ recordConsole: true });

describe.each(ERAS)('reply_to_note on %s, with a host that does not sample', (era) => {
  it("answers through the server's provider, sending it the same two steps, and never shows the key", async () => {
    const sent = apis.answerText(ANTHROPIC_API, (view) =>
      view.system.startsWith('Name the mood') ? '{"mood": "upset"}' : 'Sorry the parcel arrived late and damaged.',
    );
    const host = await apis.connectServer(buildServer, ANTHROPIC_API, { era });
    const result = await host.callTool('reply_to_note', { note: NOTE });

    const model = EXPECTED_TIER_MODELS.anthropic.fast;
    expect(result.structuredContent).toMatchObject({
      mood: 'upset',
      reply: 'Sorry the parcel arrived late and damaged.',
      provenance: { path: 'provider', models: [`${model}-fake`], era, samples: 2 },
    });
    expect(host.requests).toEqual([]);

    const [mood, reply] = sent.map((request) => viewOfProviderRequest(ANTHROPIC_API, request.body));
    expect(mood?.model).toBe(model);
    expect(mood?.system).toBe(`Name the mood of the note's writer. ${DATA_NOT_INSTRUCTIONS}\n\n${JSON_REPLY_RULES}`);
    expect(mood?.userText).toContain(DELIMITED_NOTE);
    expect(mood?.structuredOutput?.schema).toMatchObject({ properties: { mood: { enum: ['glad', 'neutral', 'upset'] } } });
    expect(reply?.system).toBe(
      `Reply to the note in one sentence, in a tone for a writer who is upset. ${DATA_NOT_INSTRUCTIONS}`,
    );
    expect(reply?.userText).toBe(DELIMITED_NOTE);
    expect(reply?.maxTokens).toBe(60);
    apis.expectKeyHidden(ANTHROPIC_API, result);
  });
});
