import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createProvider } from '../src/index.js';
import { COMPATIBLE, FULL_REQUEST, LABEL_SCHEMA, useMockApis } from './fixtures.js';

const { answer } = useMockApis();

describe('openai-compatible over /chat/completions (Ollama, vLLM, LM Studio)', () => {
  it('posts to <baseURL>/chat/completions with the configured model, system prompt, messages, max tokens, temperature and stop', async () => {
    const sent = answer(COMPATIBLE, () => HttpResponse.json(COMPATIBLE.success('feature', 'llama3.2:latest')));

    const result = await createProvider(COMPATIBLE.config).generate({ ...FULL_REQUEST, tier: 'smart', stopSequences: ['END'] });

    expect(result).toEqual({ text: 'feature', model: 'llama3.2:latest', stopReason: 'endTurn' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${COMPATIBLE.key}`);
    expect(sent[0]?.body).toMatchObject({
      model: 'llama3.2',
      max_tokens: 64,
      temperature: 0.2,
      stop: ['END'],
      messages: [
        { role: 'system', content: FULL_REQUEST.system },
        { role: 'user', content: 'Ticket: the export button does nothing.' },
        { role: 'assistant', content: 'bug' },
        { role: 'user', content: 'Ticket: please add dark mode.' },
      ],
    });
    expect(sent[0]?.body).not.toHaveProperty('response_format');
  });

  it('sends no Authorization header when no key is configured (a local Ollama needs none)', async () => {
    const sent = answer(COMPATIBLE, () => HttpResponse.json(COMPATIBLE.success('ok', 'llama3.2')));
    const { apiKey: _unused, ...keyless } = COMPATIBLE.config;

    await createProvider(keyless).generate(FULL_REQUEST);

    expect(sent[0]?.headers.has('authorization')).toBe(false);
  });

  it('asks for structured output with response_format json_schema', async () => {
    const json = '{"label":"feature","confidence":0.7}';
    const sent = answer(COMPATIBLE, () => HttpResponse.json(COMPATIBLE.success(json, 'llama3.2')));

    const result = await createProvider(COMPATIBLE.config).generate({ ...FULL_REQUEST, jsonSchema: LABEL_SCHEMA });

    expect(result.text).toBe(json);
    expect(sent[0]?.body.response_format).toEqual({
      type: 'json_schema',
      json_schema: { name: 'response', strict: true, schema: LABEL_SCHEMA },
    });
  });

  it('sends each tier to its own model when models are given per tier', async () => {
    const sent = answer(COMPATIBLE, () => HttpResponse.json(COMPATIBLE.success('ok', 'm')));
    const provider = createProvider({
      ...COMPATIBLE.config,
      model: undefined,
      models: { fast: 'qwen3:4b', balanced: 'qwen3:14b', smart: 'qwen3:32b' },
    });

    for (const tier of ['fast', 'balanced', 'smart'] as const) await provider.generate({ ...FULL_REQUEST, tier });

    expect(sent.map((request) => request.body.model)).toEqual(['qwen3:4b', 'qwen3:14b', 'qwen3:32b']);
  });

  it('reports the requested model when the endpoint names none, and finish_reason length as maxTokens', async () => {
    const { model: _omitted, ...reply } = COMPATIBLE.success('cut sh', 'x');
    answer(COMPATIBLE, () =>
      HttpResponse.json({
        ...reply,
        choices: [{ index: 0, message: { role: 'assistant', content: 'cut sh' }, finish_reason: 'length' }],
      }),
    );

    const result = await createProvider(COMPATIBLE.config).generate(FULL_REQUEST);

    expect(result).toEqual({ text: 'cut sh', model: 'llama3.2', stopReason: 'maxTokens' });
  });
});
