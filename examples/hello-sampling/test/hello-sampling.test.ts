/**
 * reply_to_note through the mock host, in-process: both eras, exactly what the model was sent, a
 * repaired answer, and a host that cannot sample (the fallback policy answers with the heuristic).
 */
import { DATA_NOT_INSTRUCTIONS, JSON_REPLY_RULES, JSON_SCHEMA_METADATA_KEY, STEP_METADATA_KEY } from '@mcp-sampling/kit';
import { byStep, ERAS, provenanceOf, reply } from '@mcp-sampling/testing';
import { useMockHosts } from '@mcp-sampling/testing/hosts';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/hello-sampling.js';

const NOTE = 'The parcel came two weeks late and the box was crushed.';
const DELIMITED_NOTE = `<untrusted-input name="note">\n${NOTE}\n</untrusted-input>`;
/** The JSON Schema of the mood step, as sent in the user message and in request metadata. */
const MOOD_SCHEMA = {
  type: 'object',
  properties: { mood: { type: 'string', enum: ['glad', 'neutral', 'upset'] } },
  required: ['mood'],
};
/** No provider of its own, whatever the environment holds: only the host's model or the heuristic answers. */
const serverWithoutProvider = () => buildServer({ provider: null });
const connect = useMockHosts();

describe.each(ERAS)('reply_to_note on %s', (era) => {
  it('asks for the mood as JSON, then for a reply in a tone for that mood, one round each', async () => {
    const host = await connect(serverWithoutProvider, {
      era,
      script: byStep({
        mood: reply.json({ mood: 'upset' }, 'model-a'),
        reply: reply.text('  Sorry the parcel was late and damaged; a replacement is on its way. ', 'model-b'),
      }),
    });
    const result = await host.callTool('reply_to_note', { note: NOTE });

    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({
      mood: 'upset',
      reply: 'Sorry the parcel was late and damaged; a replacement is on its way.',
      provenance: { path: 'host', models: ['model-a', 'model-b'], era, rounds: 2, samples: 2 },
    });
    expect(result.content).toEqual([
      { type: 'text', text: 'Sorry the parcel was late and damaged; a replacement is on its way.' },
    ]);
    expect(host.keysInRound(1)).toEqual(['mood']);
    expect(host.keysInRound(2)).toEqual(['reply']);

    const [mood, answer] = host.requests;
    expect(mood?.systemPrompt).toBe(`Name the mood of the note's writer. ${DATA_NOT_INSTRUCTIONS}\n\n${JSON_REPLY_RULES}`);
    expect(mood?.userText).toBe(`${DELIMITED_NOTE}\n\nJSON Schema of the answer:\n${JSON.stringify(MOOD_SCHEMA)}`);
    expect(mood?.params.metadata).toEqual({ [JSON_SCHEMA_METADATA_KEY]: MOOD_SCHEMA, [STEP_METADATA_KEY]: 'mood' });
    expect(mood?.params.temperature).toBe(0);
    expect(mood?.maxTokens).toBe(20);
    expect(answer?.systemPrompt).toBe(
      `Reply to the note in one sentence, in a tone for a writer who is upset. ${DATA_NOT_INSTRUCTIONS}`,
    );
    expect(answer?.userText).toBe(DELIMITED_NOTE);
    expect(answer?.maxTokens).toBe(60);
    expect(answer?.params.modelPreferences?.hints?.map((hint) => hint.name)).toEqual(['haiku', 'mini', 'flash']);
  });

  it('repairs a mood outside the set in a round of its own', async () => {
    const host = await connect(serverWithoutProvider, {
      era,
      script: byStep({
        mood: reply.sequence(reply.json({ mood: 'furious' }), reply.json({ mood: 'upset' })),
        reply: reply.text('Sorry about the parcel.'),
      }),
    });
    const result = await host.callTool('reply_to_note', { note: NOTE });

    expect(result.structuredContent).toMatchObject({ mood: 'upset', provenance: { path: 'host', rounds: 3, samples: 3 } });
    expect(host.requests.map((request) => request.key)).toEqual(['mood', 'mood:repair-1', 'reply']);
    expect(host.requests[1]?.userText).toContain('mood: Invalid option');
  });

  it('answers with the heuristic when the host cannot sample, and sends it nothing', async () => {
    const host = await connect(serverWithoutProvider, { era, sampling: false });
    const result = await host.callTool('reply_to_note', { note: NOTE });

    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      mood: 'neutral',
      reply: 'Thank you for your note.',
      provenance: { path: 'heuristic', models: [], era, samples: 0 },
    });
    expect(provenanceOf(result).reason).toMatch(/^no-capability: /);
    expect(host.requests).toEqual([]);
  });
});
