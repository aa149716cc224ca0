import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createProvider } from '../src/index.js';
import { FULL_REQUEST, LABEL_SCHEMA, OPENAI, useMockApis } from './fixtures.js';

const { answer, consoleLines } = useMockApis();

describe('openai over the Responses API (what `openai(model)` calls in @ai-sdk/openai 3.x)', () => {
  it('posts to /v1/responses with the tier model, system prompt, messages, max tokens and temperature', async () => {
    const sent = answer(OPENAI, () => HttpResponse.json(OPENAI.success('feature', 'gpt-4.1-2025-04-14')));

    const result = await createProvider(OPENAI.config).generate({ ...FULL_REQUEST, tier: 'balanced' });

    expect(result).toEqual({ text: 'feature', model: 'gpt-4.1-2025-04-14', stopReason: 'endTurn' });
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.get('authorization')).toBe(`Bearer ${OPENAI.key}`);
    expect(sent[0]?.body).toMatchObject({
      model: 'gpt-4.1',
      max_output_tokens: 64,
      temperature: 0.2,
      store: false,
      input: [
        { role: 'system', content: FULL_REQUEST.system },
        { role: 'user', content: [{ type: 'input_text', text: 'Ticket: the export button does nothing.' }] },
        { role: 'assistant', content: [{ type: 'output_text', text: 'bug' }] },
        { role: 'user', content: [{ type: 'input_text', text: 'Ticket: please add dark mode.' }] },
      ],
    });
    expect(sent[0]?.body).not.toHaveProperty('text');
  });

  it('uses gpt-4.1-mini for fast and gpt-5 for smart; gpt-5 gets the system prompt as a developer message and no temperature', async () => {
    const sent = answer(OPENAI, () => HttpResponse.json(OPENAI.success('ok', 'gpt')));
    const provider = createProvider(OPENAI.config);

    await provider.generate({ ...FULL_REQUEST, tier: 'fast' });
    await provider.generate({ ...FULL_REQUEST, tier: 'smart' });

    expect(sent.map((request) => request.body.model)).toEqual(['gpt-4.1-mini', 'gpt-5']);
    expect(sent[1]?.body.input).toContainEqual({ role: 'developer', content: FULL_REQUEST.system });
    expect(sent[1]?.body).not.toHaveProperty('temperature');
    expect(consoleLines('error')).toContainEqual(expect.stringContaining('temperature is not supported for reasoning models'));
    expect(consoleLines('log')).toEqual([]);
    expect(consoleLines('info')).toEqual([]);
  });

  it('asks for strict native structured output (text.format json_schema) when the schema allows it', async () => {
    const json = '{"label":"bug","confidence":0.8}';
    const sent = answer(OPENAI, () => HttpResponse.json(OPENAI.success(json, 'gpt-4.1-mini')));

    const result = await createProvider(OPENAI.config).generate({ ...FULL_REQUEST, jsonSchema: LABEL_SCHEMA });

    expect(result.text).toBe(json);
    expect(sent[0]?.body.text).toEqual({ format: { type: 'json_schema', strict: true, name: 'response', schema: LABEL_SCHEMA } });
  });

  it('falls back to non-strict structured output for a schema with an optional property', async () => {
    const schema = { type: 'object', properties: { label: { type: 'string' }, note: { type: 'string' } }, required: ['label'] };
    const sent = answer(OPENAI, () => HttpResponse.json(OPENAI.success('{"label":"bug"}', 'gpt-4.1-mini')));

    await createProvider(OPENAI.config).generate({ ...FULL_REQUEST, jsonSchema: schema });

    expect(sent[0]?.body.text).toMatchObject({ format: { type: 'json_schema', strict: false, schema: { required: ['label'] } } });
  });

  it('reports an incomplete response cut by max_output_tokens as maxTokens', async () => {
    answer(OPENAI, () =>
      HttpResponse.json({
        ...OPENAI.success('The export', 'gpt-4.1-mini'),
        status: 'incomplete',
        incomplete_details: { reason: 'max_output_tokens' },
      }),
    );

    const result = await createProvider(OPENAI.config).generate(FULL_REQUEST);

    expect(result).toEqual({ text: 'The export', model: 'gpt-4.1-mini', stopReason: 'maxTokens' });
  });

  it('does not send stop sequences, which the Responses API lacks', async () => {
    const sent = answer(OPENAI, () => HttpResponse.json(OPENAI.success('ok', 'gpt-4.1-mini')));

    await createProvider(OPENAI.config).generate({ ...FULL_REQUEST, stopSequences: ['END'] });

    expect(JSON.stringify(sent[0]?.body)).not.toContain('END');
    expect(consoleLines('error')).toContainEqual(expect.stringContaining('stopSequences'));
  });
});

describe('the endpoint comes from the configuration only', () => {
  it('ignores OPENAI_BASE_URL and ANTHROPIC_BASE_URL in the environment (msw fails any request elsewhere)', async () => {
    const saved = { openai: process.env.OPENAI_BASE_URL, anthropic: process.env.ANTHROPIC_BASE_URL };
    process.env.OPENAI_BASE_URL = 'https://elsewhere.example/v1';
    process.env.ANTHROPIC_BASE_URL = 'https://elsewhere.example/v1';
    try {
      const sent = answer(OPENAI, () => HttpResponse.json(OPENAI.success('ok', 'gpt-4.1-mini')));
      expect((await createProvider(OPENAI.config).generate(FULL_REQUEST)).text).toBe('ok');
      expect(sent).toHaveLength(1);
    } finally {
      for (const [name, value] of [
        ['OPENAI_BASE_URL', saved.openai],
        ['ANTHROPIC_BASE_URL', saved.anthropic],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('sends to a configured base URL instead of the public one', async () => {
    const proxied = { ...OPENAI, url: 'https://proxy.example/openai/v1/responses' };
    const sent = answer(proxied, () => HttpResponse.json(OPENAI.success('ok', 'gpt-4.1-mini')));

    await createProvider({ ...OPENAI.config, baseURL: 'https://proxy.example/openai/v1' }).generate(FULL_REQUEST);

    expect(sent).toHaveLength(1);
  });
});
