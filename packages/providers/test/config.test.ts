import { describe, expect, it } from 'vitest';
import {
  createProvider,
  DEFAULT_MODELS,
  describeProviderError,
  type ProviderConfig,
  ProviderError,
  type ProviderErrorKind,
} from '../src/index.js';

describe('createProvider', () => {
  it('maps each tier to the default model of its provider', () => {
    const anthropic = createProvider({ provider: 'anthropic', apiKey: 'k' });
    const openai = createProvider({ provider: 'openai', apiKey: 'k' });
    expect(['fast', 'balanced', 'smart'].map((tier) => anthropic.modelFor(tier as 'fast'))).toEqual([
      'claude-haiku-4-5',
      'claude-sonnet-4-5',
      'claude-opus-4-1',
    ]);
    expect(['fast', 'balanced', 'smart'].map((tier) => openai.modelFor(tier as 'fast'))).toEqual([
      'gpt-4.1-mini',
      'gpt-4.1',
      'gpt-5',
    ]);
    expect(DEFAULT_MODELS.anthropic.fast).toBe(anthropic.modelFor('fast'));
    expect(anthropic.name).toBe('anthropic');
  });

  it('prefers models[tier] over model over the defaults', () => {
    const provider = createProvider({ provider: 'openai', apiKey: 'k', model: 'gpt-4.1', models: { smart: 'o3' } });
    expect(provider.modelFor('fast')).toBe('gpt-4.1');
    expect(provider.modelFor('smart')).toBe('o3');
  });

  it.each<[string, ProviderConfig, RegExp]>([
    ['an unknown provider', { provider: 'gemini' as 'openai' }, /'gemini' is not a provider/],
    ['anthropic without a key', { provider: 'anthropic' }, /needs `apiKey` \(ANTHROPIC_API_KEY\)/],
    ['openai without a key', { provider: 'openai', apiKey: '' }, /needs `apiKey` \(OPENAI_API_KEY\)/],
    ['openai-compatible without a base URL', { provider: 'openai-compatible', model: 'm' }, /needs `baseURL`/],
    [
      'openai-compatible without a model',
      { provider: 'openai-compatible', baseURL: 'http://localhost:11434/v1' },
      /no model for the 'fast' tier/,
    ],
    [
      'openai-compatible missing one tier',
      { provider: 'openai-compatible', baseURL: 'http://x/v1', models: { fast: 'a', balanced: 'b' } },
      /no model for the 'smart' tier/,
    ],
    [
      'a base URL that is not http(s)',
      { provider: 'openai', apiKey: 'k', baseURL: 'ftp://x' },
      /`baseURL` is not an http\(s\) URL/,
    ],
    [
      'a base URL with credentials',
      { provider: 'openai', apiKey: 'k', baseURL: 'https://user:pw@proxy.example/v1' },
      /`baseURL` must not hold a user name or password/,
    ],
    [
      'a base URL with a query',
      { provider: 'openai', apiKey: 'k', baseURL: 'https://proxy.example/v1?x=1' },
      /must not have a query/,
    ],
    ['a zero timeout', { provider: 'openai', apiKey: 'k', timeoutMs: 0 }, /`timeoutMs` must be a positive/],
    ['negative retries', { provider: 'openai', apiKey: 'k', maxRetries: -1 }, /`maxRetries` must be a whole number/],
    ['fractional retries', { provider: 'openai', apiKey: 'k', maxRetries: 1.5 }, /`maxRetries` must be a whole number/],
    ['a negative backoff', { provider: 'openai', apiKey: 'k', retryBaseDelayMs: -5 }, /`retryBaseDelayMs` must be/],
  ])('rejects %s with a config error', (_, config, message) => {
    expect(() => createProvider(config)).toThrow(message);
    expect(() => createProvider(config)).toThrow(ProviderError);
    try {
      createProvider(config);
    } catch (error) {
      expect((error as ProviderError).kind).toBe('config');
    }
  });
});

describe('describeProviderError', () => {
  it.each<[ProviderErrorKind, RegExp]>([
    ['config', /Fix the configuration/],
    ['auth', /ANTHROPIC_API_KEY holds a current key/],
    ['rate-limit', /Wait and try again/],
    ['server', /try again later/],
    ['network', /MCP_SAMPLING_BASE_URL/],
    ['timeout', /Raise MCP_SAMPLING_PROVIDER_TIMEOUT_MS/],
    ['malformed', /did not answer like the provider API/],
    ['bad-request', /Check the model id/],
    ['aborted', /nothing needs fixing/],
  ])('%s: states the problem, then how to fix it, in one paragraph', (kind, hint) => {
    const error = new ProviderError(kind, 'Something happened.', { provider: 'anthropic' });
    const text = describeProviderError(error);
    expect(text.startsWith('Something happened. ')).toBe(true);
    expect(text).toMatch(hint);
    expect(text).not.toContain('\n');
  });

  it('names the key variable of the provider that failed', () => {
    expect(describeProviderError(new ProviderError('auth', 'x', { provider: 'openai' }))).toContain('OPENAI_API_KEY');
    expect(describeProviderError(new ProviderError('auth', 'x', { provider: 'openai-compatible' }))).toContain(
      'MCP_SAMPLING_API_KEY',
    );
  });
});
