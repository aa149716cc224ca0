import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createProvider } from '../src/index.js';
import { ANTHROPIC, FULL_REQUEST, LABEL_SCHEMA, useMockApis } from './fixtures.js';

const { answer, consoleLines } = useMockApis();

describe('anthropic over the Messages API', () => {
  it('sends the tier model, system prompt, messages, max tokens and temperature, and reads the reply', async () => {
    const sent = answer(ANTHROPIC, () => HttpResponse.json(ANTHROPIC.success('feature', 'claude-haiku-4-5-20251001')));
    const provider = createProvider(ANTHROPIC.config);

    const result = await provider.generate({ ...FULL_REQUEST, stopSequences: ['\n\n'] });

    expect(result).toEqual({ text: 'feature', model: 'claude-haiku-4-5-20251001', stopReason: 'endTurn' });
    expect(sent).toHaveLength(1);
    const [request] = sent;
    expect(request?.headers.get('x-api-key')).toBe(ANTHROPIC.key);
    expect(request?.headers.get('anthropic-version')).toBe('2023-06-01');
    expect(request?.body).toMatchObject({
      model: 'claude-haiku-4-5',
      max_tokens: 64,
      temperature: 0.2,
      stop_sequences: ['\n\n'],
      system: [{ type: 'text', text: FULL_REQUEST.system }],
      messages: [
        { role: 'user', content: [{ type: 'text', text: 'Ticket: the export button does nothing.' }] },
        { role: 'assistant', content: [{ type: 'text', text: 'bug' }] },
        { role: 'user', content: [{ type: 'text', text: 'Ticket: please add dark mode.' }] },
      ],
    });
    expect(request?.body).not.toHaveProperty('output_config');
  });

  it('leaves out what the request leaves out: no system, temperature or stop sequences', async () => {
    const sent = answer(ANTHROPIC, () => HttpResponse.json(ANTHROPIC.success('ok', 'claude-haiku-4-5')));

    await createProvider(ANTHROPIC.config).generate({ messages: [{ role: 'user', text: 'hi' }], maxTokens: 5, tier: 'fast' });

    expect(sent[0]?.body).toEqual({
      model: 'claude-haiku-4-5',
      max_tokens: 5,
      messages: [{ role: 'user', content: [{ type: 'text', text: 'hi' }] }],
    });
  });

  it('sends each tier to its default model, and per-tier overrides win over `model`', async () => {
    const sent = answer(ANTHROPIC, () => HttpResponse.json(ANTHROPIC.success('ok', 'claude')));
    const defaults = createProvider(ANTHROPIC.config);
    const overridden = createProvider({ ...ANTHROPIC.config, model: 'claude-sonnet-4-5', models: { smart: 'claude-opus-4-5' } });

    for (const tier of ['fast', 'balanced', 'smart'] as const) await defaults.generate({ ...FULL_REQUEST, tier });
    for (const tier of ['fast', 'smart'] as const) await overridden.generate({ ...FULL_REQUEST, tier });

    expect(sent.map((request) => request.body.model)).toEqual([
      'claude-haiku-4-5',
      'claude-sonnet-4-5',
      'claude-opus-4-1',
      'claude-sonnet-4-5',
      'claude-opus-4-5',
    ]);
  });

  it('asks for native structured output (output_config.format) for a JSON Schema and returns the JSON text', async () => {
    const json = '{"label":"feature","confidence":0.9}';
    const sent = answer(ANTHROPIC, () => HttpResponse.json(ANTHROPIC.success(json, 'claude-haiku-4-5')));

    const result = await createProvider(ANTHROPIC.config).generate({ ...FULL_REQUEST, jsonSchema: LABEL_SCHEMA });

    expect(result.text).toBe(json);
    expect(sent[0]?.body.output_config).toEqual({ format: { type: 'json_schema', schema: LABEL_SCHEMA } });
    expect(sent[0]?.body).not.toHaveProperty('tools');
  });

  it('hands back structured-output text that is not JSON, for the caller to repair', async () => {
    answer(ANTHROPIC, () =>
      HttpResponse.json({ ...ANTHROPIC.success('{"label":"feat', 'claude-haiku-4-5'), stop_reason: 'max_tokens' }),
    );

    const result = await createProvider(ANTHROPIC.config).generate({ ...FULL_REQUEST, jsonSchema: LABEL_SCHEMA });

    expect(result).toEqual({ text: '{"label":"feat', model: 'claude-haiku-4-5', stopReason: 'maxTokens' });
  });

  it.each([
    ['end_turn', null, 'endTurn'],
    ['max_tokens', null, 'maxTokens'],
    ['stop_sequence', '\n\n', 'stopSequence'],
    ['refusal', null, 'other'],
  ])('maps stop_reason %s to %s', async (stopReason, stopSequence, expected) => {
    answer(ANTHROPIC, () =>
      HttpResponse.json({ ...ANTHROPIC.success('x', 'claude-haiku-4-5'), stop_reason: stopReason, stop_sequence: stopSequence }),
    );
    const result = await createProvider(ANTHROPIC.config).generate(FULL_REQUEST);
    expect(result.stopReason).toBe(expected);
  });

  it('reports SDK warnings on stderr, never on stdout', async () => {
    answer(ANTHROPIC, () => HttpResponse.json(ANTHROPIC.success('x', 'claude-haiku-4-5')));

    const sent = await createProvider(ANTHROPIC.config).generate({ ...FULL_REQUEST, temperature: 1.7 });

    expect(sent.text).toBe('x');
    expect(consoleLines('log')).toEqual([]);
    expect(consoleLines('info')).toEqual([]);
    expect(consoleLines('error')).toContainEqual(
      expect.stringMatching(/^\[providers\] anthropic\.messages \/ claude-haiku-4-5: .*temperature/),
    );
  });
});
