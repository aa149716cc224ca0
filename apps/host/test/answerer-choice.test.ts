import { describe, expect, it } from 'vitest';
import { answererFromOptions } from '../src/answerers/from-options.js';
import { HostError } from '../src/errors.js';

const usage = (run: () => unknown): HostError => {
  try {
    run();
  } catch (error) {
    if (error instanceof HostError) return error;
    throw error;
  }
  throw new Error('expected a usage error');
};

describe('answererFromOptions', () => {
  it('--offline, or no provider configured at all, answers with the offline model (the latter with a note)', () => {
    expect(answererFromOptions({ offline: true }, {})).toEqual({ answerer: expect.objectContaining({ name: 'offline' }) });
    const implicit = answererFromOptions({}, {});
    expect(implicit.answerer.modelFor('smart')).toBe('offline-extractive-1');
    expect(implicit.note).toMatch(/^no provider configured/);
  });

  it('a key in the environment selects its provider; flags override the model', () => {
    expect(answererFromOptions({}, { ANTHROPIC_API_KEY: 'sk-ant-x' }).answerer.modelFor('fast')).toBe('claude-haiku-4-5');
    const openai = answererFromOptions(
      { provider: 'openai', model: 'gpt-4.1' },
      { OPENAI_API_KEY: 'sk-x', ANTHROPIC_API_KEY: 'sk-ant-x' },
    ).answerer;
    expect(openai.name).toBe('openai');
    expect(openai.models).toEqual({ fast: 'gpt-4.1', balanced: 'gpt-4.1', smart: 'gpt-4.1' });
    const ollama = answererFromOptions(
      { provider: 'openai-compatible', baseUrl: 'http://localhost:11434/v1', model: 'llama3.2' },
      {},
    ).answerer;
    expect(ollama.modelFor('balanced')).toBe('llama3.2');
  });

  it.each([
    [{ provider: 'gemini' }, {}, "unknown provider 'gemini': use anthropic, openai, openai-compatible, or --offline"],
    [{ provider: 'anthropic' }, {}, '--provider anthropic needs ANTHROPIC_API_KEY in the environment'],
    [
      { provider: 'openai-compatible', model: 'llama3.2' },
      {},
      '--provider openai-compatible needs --base-url (e.g. http://localhost:11434/v1 for Ollama)',
    ],
    [
      { provider: 'openai-compatible', baseUrl: 'http://localhost:11434/v1' },
      {},
      '--provider openai-compatible needs --model (e.g. llama3.2)',
    ],
    [
      { baseUrl: 'http://localhost:11434/v1' },
      {},
      '--base-url needs --provider (openai-compatible for Ollama, LM Studio or vLLM)',
    ],
    [{ model: 'gpt-4.1' }, {}, '--model needs a provider: pass --provider, or set ANTHROPIC_API_KEY or OPENAI_API_KEY'],
    [{ offline: true, provider: 'openai' }, {}, '--offline cannot be combined with --provider, --model or --base-url'],
    [{}, { MCP_SAMPLING_PROVIDER: 'openai' }, 'MCP_SAMPLING_PROVIDER=openai needs OPENAI_API_KEY.'],
  ])('%j with %j is a usage error', (flags, env, message) => {
    expect(usage(() => answererFromOptions(flags, env))).toMatchObject({ message, exitCode: 2 });
  });
});
