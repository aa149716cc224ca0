import { describe, expect, it } from 'vitest';
import { type ProviderConfig, ProviderError, providerConfigFromEnv, providerFromEnv } from '../src/index.js';

const ANTHROPIC_KEY = 'sk-ant-env-0123456789';
const OPENAI_KEY = 'sk-proj-env-0123456789';

describe('providerConfigFromEnv: what it builds', () => {
  it.each<[string, NodeJS.ProcessEnv, ProviderConfig | undefined]>([
    ['nothing configured', {}, undefined],
    ['only empty values', { MCP_SAMPLING_PROVIDER: '', ANTHROPIC_API_KEY: '  ', MCP_SAMPLING_MODEL: '' }, undefined],
    [
      'an Anthropic key alone picks anthropic',
      { ANTHROPIC_API_KEY: ANTHROPIC_KEY },
      { provider: 'anthropic', apiKey: ANTHROPIC_KEY },
    ],
    ['an OpenAI key alone picks openai', { OPENAI_API_KEY: OPENAI_KEY }, { provider: 'openai', apiKey: OPENAI_KEY }],
    [
      'both keys and no name pick anthropic',
      { ANTHROPIC_API_KEY: ANTHROPIC_KEY, OPENAI_API_KEY: OPENAI_KEY },
      { provider: 'anthropic', apiKey: ANTHROPIC_KEY },
    ],
    [
      'a named provider wins over key order',
      { MCP_SAMPLING_PROVIDER: 'openai', ANTHROPIC_API_KEY: ANTHROPIC_KEY, OPENAI_API_KEY: OPENAI_KEY },
      { provider: 'openai', apiKey: OPENAI_KEY },
    ],
    [
      'the provider name is case-insensitive and trimmed',
      { MCP_SAMPLING_PROVIDER: ' Anthropic ', ANTHROPIC_API_KEY: ANTHROPIC_KEY },
      { provider: 'anthropic', apiKey: ANTHROPIC_KEY },
    ],
    [
      'Ollama: openai-compatible with a base URL and a model, no key',
      {
        MCP_SAMPLING_PROVIDER: 'openai-compatible',
        MCP_SAMPLING_BASE_URL: 'http://localhost:11434/v1',
        MCP_SAMPLING_MODEL: 'llama3.2',
      },
      { provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1', model: 'llama3.2' },
    ],
    [
      'openai-compatible takes MCP_SAMPLING_API_KEY, not the vendor keys',
      {
        MCP_SAMPLING_PROVIDER: 'openai-compatible',
        MCP_SAMPLING_BASE_URL: 'https://gateway.example/v1',
        MCP_SAMPLING_MODEL: 'm',
        MCP_SAMPLING_API_KEY: 'gateway-token',
        OPENAI_API_KEY: OPENAI_KEY,
      },
      { provider: 'openai-compatible', baseURL: 'https://gateway.example/v1', model: 'm', apiKey: 'gateway-token' },
    ],
    [
      'openai-compatible with all three tier models needs no MCP_SAMPLING_MODEL',
      {
        MCP_SAMPLING_PROVIDER: 'openai-compatible',
        MCP_SAMPLING_BASE_URL: 'http://localhost:11434/v1',
        MCP_SAMPLING_MODEL_FAST: 'qwen3:4b',
        MCP_SAMPLING_MODEL_BALANCED: 'qwen3:14b',
        MCP_SAMPLING_MODEL_SMART: 'qwen3:32b',
      },
      {
        provider: 'openai-compatible',
        baseURL: 'http://localhost:11434/v1',
        models: { fast: 'qwen3:4b', balanced: 'qwen3:14b', smart: 'qwen3:32b' },
      },
    ],
    [
      'model, per-tier model, base URL and timeout for a named vendor',
      {
        MCP_SAMPLING_PROVIDER: 'anthropic',
        ANTHROPIC_API_KEY: ANTHROPIC_KEY,
        MCP_SAMPLING_BASE_URL: 'https://proxy.example/v1',
        MCP_SAMPLING_MODEL: 'claude-sonnet-4-5',
        MCP_SAMPLING_MODEL_SMART: 'claude-opus-4-5',
        MCP_SAMPLING_PROVIDER_TIMEOUT_MS: '15000',
      },
      {
        provider: 'anthropic',
        apiKey: ANTHROPIC_KEY,
        baseURL: 'https://proxy.example/v1',
        model: 'claude-sonnet-4-5',
        models: { smart: 'claude-opus-4-5' },
        timeoutMs: 15_000,
      },
    ],
  ])('%s', (_, env, expected) => {
    expect(providerConfigFromEnv(env)).toEqual(expected);
  });
});

describe('providerConfigFromEnv: configuration errors name the variable to set', () => {
  it.each<[string, NodeJS.ProcessEnv, RegExp]>([
    [
      'an unknown provider name',
      { MCP_SAMPLING_PROVIDER: 'gemini' },
      /^MCP_SAMPLING_PROVIDER='gemini' is not a provider: set it to one of anthropic, openai, openai-compatible\.$/,
    ],
    [
      'anthropic named without its key',
      { MCP_SAMPLING_PROVIDER: 'anthropic', OPENAI_API_KEY: OPENAI_KEY },
      /needs ANTHROPIC_API_KEY/,
    ],
    [
      'openai named without its key',
      { MCP_SAMPLING_PROVIDER: 'openai', ANTHROPIC_API_KEY: ANTHROPIC_KEY },
      /needs OPENAI_API_KEY/,
    ],
    [
      'openai-compatible without a base URL',
      { MCP_SAMPLING_PROVIDER: 'openai-compatible', MCP_SAMPLING_MODEL: 'llama3.2' },
      /needs MCP_SAMPLING_BASE_URL/,
    ],
    [
      'openai-compatible without a model',
      { MCP_SAMPLING_PROVIDER: 'openai-compatible', MCP_SAMPLING_BASE_URL: 'http://localhost:11434/v1' },
      /needs MCP_SAMPLING_MODEL/,
    ],
    [
      'openai-compatible with only some tier models',
      {
        MCP_SAMPLING_PROVIDER: 'openai-compatible',
        MCP_SAMPLING_BASE_URL: 'http://localhost:11434/v1',
        MCP_SAMPLING_MODEL_FAST: 'a',
      },
      /needs MCP_SAMPLING_MODEL/,
    ],
    [
      'a base URL with no provider named',
      { MCP_SAMPLING_BASE_URL: 'http://localhost:11434/v1', ANTHROPIC_API_KEY: ANTHROPIC_KEY },
      /set MCP_SAMPLING_PROVIDER/,
    ],
    [
      'a base URL that is not http(s)',
      { MCP_SAMPLING_PROVIDER: 'openai', OPENAI_API_KEY: OPENAI_KEY, MCP_SAMPLING_BASE_URL: 'localhost:11434' },
      /MCP_SAMPLING_BASE_URL is not an http\(s\) URL/,
    ],
    [
      'a base URL with credentials',
      { MCP_SAMPLING_PROVIDER: 'openai', OPENAI_API_KEY: OPENAI_KEY, MCP_SAMPLING_BASE_URL: 'https://me:pw@proxy.example/v1' },
      /^MCP_SAMPLING_BASE_URL must not hold a user name or password/,
    ],
    [
      'a non-numeric timeout',
      { ANTHROPIC_API_KEY: ANTHROPIC_KEY, MCP_SAMPLING_PROVIDER_TIMEOUT_MS: '30s' },
      /MCP_SAMPLING_PROVIDER_TIMEOUT_MS='30s' is not a positive whole number/,
    ],
    [
      'a zero timeout',
      { ANTHROPIC_API_KEY: ANTHROPIC_KEY, MCP_SAMPLING_PROVIDER_TIMEOUT_MS: '0' },
      /MCP_SAMPLING_PROVIDER_TIMEOUT_MS='0'/,
    ],
  ])('%s', (_, env, message) => {
    let thrown: unknown;
    try {
      providerConfigFromEnv(env);
    } catch (error) {
      thrown = error;
    }
    expect(thrown).toBeInstanceOf(ProviderError);
    expect(thrown).toMatchObject({ kind: 'config' });
    expect((thrown as Error).message).toMatch(message);
    expect((thrown as Error).message).not.toContain('\n');
  });

  it('never echoes a key pasted into the wrong variable', () => {
    const env = { MCP_SAMPLING_PROVIDER: ANTHROPIC_KEY, ANTHROPIC_API_KEY: ANTHROPIC_KEY };
    expect(() => providerConfigFromEnv(env)).toThrow(/^MCP_SAMPLING_PROVIDER='\[redacted\]' is not a provider/);
    const timeout = { OPENAI_API_KEY: OPENAI_KEY, MCP_SAMPLING_PROVIDER_TIMEOUT_MS: OPENAI_KEY };
    expect(() => providerConfigFromEnv(timeout)).toThrow(/^MCP_SAMPLING_PROVIDER_TIMEOUT_MS='\[redacted\]'/);
  });

  it('reads process.env when given nothing', () => {
    const saved = { ...process.env };
    try {
      for (const name of Object.keys(process.env)) if (/^(MCP_SAMPLING_|ANTHROPIC_|OPENAI_)/.test(name)) delete process.env[name];
      process.env.OPENAI_API_KEY = OPENAI_KEY;
      expect(providerConfigFromEnv()).toEqual({ provider: 'openai', apiKey: OPENAI_KEY });
    } finally {
      process.env = saved;
    }
  });
});

describe('providerFromEnv', () => {
  it('builds a provider from the environment, or returns undefined when none is configured', () => {
    expect(providerFromEnv({})).toBeUndefined();
    const provider = providerFromEnv({ OPENAI_API_KEY: OPENAI_KEY, MCP_SAMPLING_MODEL_FAST: 'gpt-4.1-nano' });
    expect(provider?.name).toBe('openai');
    expect(provider?.modelFor('fast')).toBe('gpt-4.1-nano');
    expect(provider?.modelFor('smart')).toBe('gpt-5');
  });
});
