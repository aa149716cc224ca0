/**
 * The host answering with a real provider, its HTTP API faked by msw in this process: what the
 * host sends (the model chosen from the request's hints, the system prompt, max tokens, native
 * structured output when a schema is attached), and a spawned server whose sampling requests reach
 * the provider through the host, in both eras.
 */
import { createProvider } from '@mcp-sampling/providers';
import {
  ANTHROPIC_API,
  COMPATIBLE_API,
  fakeProviderApis,
  OPENAI_API,
  providerErrorResponse,
  viewOfProviderRequest,
} from '@mcp-sampling/testing/provider-apis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { providerAnswerer } from '../src/answerers/provider.js';
import { autoApprover } from '../src/approval.js';
import { connectToServer } from '../src/connect.js';
import { createSamplingHandler } from '../src/sampling-handler.js';
import { serverEnvironment } from '../src/server-target.js';
import { Transcript } from '../src/transcript.js';
import { serverBin } from './helpers.js';
import { kitRequest, LABEL_SCHEMA } from './presets.js';

const apis = fakeProviderApis();
beforeAll(() => apis.listen());
afterEach(() => apis.reset());
afterAll(() => apis.close());

function handlerFor(config: Parameters<typeof createProvider>[0], extra: { maxTokensPerRequest?: number } = {}) {
  const transcript = new Transcript();
  const handler = createSamplingHandler({
    answerer: providerAnswerer(createProvider({ ...config, retryBaseDelayMs: 1 })),
    approver: autoApprover(),
    transcript,
    roundGatherMs: 0,
    ...extra,
  });
  return { handler, transcript };
}

describe('Anthropic', () => {
  it.each([
    ['fast', 'claude-haiku-4-5'],
    ['balanced', 'claude-sonnet-4-5'],
    ['smart', 'claude-opus-4-1'],
  ] as const)('a %s request goes to %s', async (preset, model) => {
    const sent = apis.answerText(ANTHROPIC_API, 'bug');
    const { handler } = handlerFor(ANTHROPIC_API.config);
    const result = await handler(kitRequest({ key: 'classify', preset }));
    expect(result).toMatchObject({
      role: 'assistant',
      content: { type: 'text', text: 'bug' },
      model: `${model}-fake`,
      stopReason: 'endTurn',
    });
    expect(sent[0]?.body.model).toBe(model);
  });

  it('sends the system prompt, max_tokens, temperature and native structured output for a schema', async () => {
    const sent = apis.answerText(ANTHROPIC_API, '{"label":"Technical","confidence":0.8}');
    const { handler, transcript } = handlerFor(ANTHROPIC_API.config);
    const request = kitRequest({ key: 'classify', preset: 'fast', maxTokens: 145, schema: LABEL_SCHEMA });
    const result = await handler(request);
    expect(result.content).toEqual({ type: 'text', text: '{"label":"Technical","confidence":0.8}' });
    const body = sent[0]?.body ?? {};
    expect(viewOfProviderRequest(ANTHROPIC_API, body)).toMatchObject({
      model: 'claude-haiku-4-5',
      system: request.params.systemPrompt,
      userText: request.params.messages[0]?.content.text,
    });
    expect(body).toMatchObject({
      max_tokens: 145,
      temperature: 0,
      output_config: {
        format: {
          type: 'json_schema',
          schema: { required: ['label', 'confidence'], properties: { label: { enum: ['Billing', 'Technical'] } } },
        },
      },
    });
    expect(transcript.records[0]).toMatchObject({
      key: 'classify',
      tier: 'fast',
      tierReason: "hint 'haiku' matches claude-haiku-4-5",
    });
    expect(transcript.records[0]?.outcome).toMatchObject({
      status: 'answered',
      answeredBy: 'anthropic',
      model: 'claude-haiku-4-5-fake',
    });
  });

  it('--max-tokens-per-request clamps what reaches the provider', async () => {
    const sent = apis.answerText(ANTHROPIC_API, 'A short summary.');
    const { handler, transcript } = handlerFor(ANTHROPIC_API.config, { maxTokensPerRequest: 64 });
    await handler(kitRequest({ key: 'summary', preset: 'balanced', maxTokens: 500 }));
    expect(sent[0]?.body.max_tokens).toBe(64);
    expect(transcript.records[0]).toMatchObject({ maxTokens: 500, grantedMaxTokens: 64 });
  });

  it('a provider failure reaches the server as an error (not a decline) that names the fix and hides the key', async () => {
    apis.answer(ANTHROPIC_API, () => providerErrorResponse(ANTHROPIC_API, 401, `invalid x-api-key ${ANTHROPIC_API.key}`));
    const { handler, transcript } = handlerFor(ANTHROPIC_API.config);
    const failure = handler(kitRequest({ key: 'classify', preset: 'fast' }));
    await expect(failure).rejects.toThrow(/ANTHROPIC_API_KEY/);
    await expect(failure).rejects.not.toThrow(/declined/i);
    const outcome = transcript.records[0]?.outcome;
    expect(outcome?.status).toBe('failed');
    expect(JSON.stringify(outcome)).not.toContain(ANTHROPIC_API.key);
  });
});

describe('OpenAI and OpenAI-compatible', () => {
  it.each([
    ['fast', 'gpt-4.1-mini'],
    ['balanced', 'gpt-4.1'],
    ['smart', 'gpt-5'],
  ] as const)('OpenAI: a %s request goes to %s', async (preset, model) => {
    const sent = apis.answerText(OPENAI_API, 'ok');
    const { handler } = handlerFor(OPENAI_API.config);
    await handler(kitRequest({ key: 'draft', preset }));
    expect(sent[0]?.body.model).toBe(model);
  });

  it('OpenAI: the schema becomes text.format json_schema (strict for a closed schema)', async () => {
    const sent = apis.answerText(OPENAI_API, '{"label":"Billing","confidence":0.9}');
    const { handler } = handlerFor(OPENAI_API.config);
    const request = kitRequest({ key: 'route', preset: 'fast', maxTokens: 160, schema: LABEL_SCHEMA });
    await handler(request);
    const body = sent[0]?.body ?? {};
    expect(body).toMatchObject({
      max_output_tokens: 160,
      text: { format: { type: 'json_schema', strict: true, schema: LABEL_SCHEMA } },
    });
    expect(viewOfProviderRequest(OPENAI_API, body).system).toBe(request.params.systemPrompt);
  });

  it('an OpenAI-compatible endpoint (Ollama) gets response_format and the one configured model', async () => {
    const sent = apis.answerText(COMPATIBLE_API, '{"label":"Billing","confidence":0.9}');
    const { handler } = handlerFor(COMPATIBLE_API.config);
    const result = await handler(kitRequest({ key: 'classify', preset: 'smart', schema: LABEL_SCHEMA }));
    expect(sent[0]?.body).toMatchObject({ model: 'llama3.2', max_tokens: 120, response_format: { type: 'json_schema' } });
    expect(result.model).toBe('llama3.2-fake');
  });
});

describe.each(['2025', '2026-07-28'] as const)('a spawned route server sampling through the host, protocol %s', (era) => {
  it('reaches the provider with the server prompt; the result names the provider model', async () => {
    const sent = apis.answerText(ANTHROPIC_API, '{"route":"security","confidence":0.9,"reason":"A phishing link was clicked."}');
    const { handler, transcript } = handlerFor(ANTHROPIC_API.config);
    const connection = await connectToServer(
      { kind: 'stdio', command: process.execPath, args: [serverBin('route')], env: serverEnvironment(process.env) },
      { era: era === '2025' ? 'legacy' : '2026-07-28', handler },
    );
    try {
      const result = await connection.client.callTool({
        name: 'route',
        arguments: {
          request: 'Someone phished our accountant and may have signed in to her account.',
          routes: [
            { name: 'billing', description: 'Invoices and payments.' },
            { name: 'security', description: 'Phishing, breaches and account takeover.' },
          ],
        },
      });
      expect(connection.era).toBe(era);
      expect(result.structuredContent).toMatchObject({
        route: 'security',
        matchedBy: 'model',
        provenance: { path: 'host', models: ['claude-haiku-4-5-fake'], era, rounds: 1, samples: 1 },
      });
      expect(sent).toHaveLength(1);
      const view = viewOfProviderRequest(ANTHROPIC_API, sent[0]?.body ?? {});
      expect(view.model).toBe('claude-haiku-4-5');
      expect(view.system).toBe(transcript.records[0]?.systemPrompt);
      expect(view.system).not.toContain('phished');
      expect(view.userText).toContain('Someone phished our accountant');
      expect(sent[0]?.body).toMatchObject({ max_tokens: 160, output_config: { format: { type: 'json_schema' } } });
    } finally {
      await connection.close();
    }
  });
});
