/** The provider configuration an operator sets through environment variables, read and checked. */
import { baseUrlProblem } from './endpoints.js';
import { ProviderError } from './errors.js';
import { shortReason } from './redact.js';
import {
  API_KEY_VARIABLE,
  MODEL_TIERS,
  type ModelTier,
  PROVIDER_NAMES,
  type ProviderConfig,
  type ProviderName,
} from './types.js';

/** The environment variables `providerConfigFromEnv` reads, for help texts and documentation. */
export const PROVIDER_ENV_VARS = [
  'MCP_SAMPLING_PROVIDER',
  'ANTHROPIC_API_KEY',
  'OPENAI_API_KEY',
  'MCP_SAMPLING_API_KEY',
  'MCP_SAMPLING_BASE_URL',
  'MCP_SAMPLING_MODEL',
  'MCP_SAMPLING_MODEL_FAST',
  'MCP_SAMPLING_MODEL_BALANCED',
  'MCP_SAMPLING_MODEL_SMART',
  'MCP_SAMPLING_PROVIDER_TIMEOUT_MS',
] as const;

const TIER_VARIABLE: Record<ModelTier, string> = {
  fast: 'MCP_SAMPLING_MODEL_FAST',
  balanced: 'MCP_SAMPLING_MODEL_BALANCED',
  smart: 'MCP_SAMPLING_MODEL_SMART',
};

/**
 * The provider the operator configured through environment variables, or `undefined` when none is.
 *
 * With `MCP_SAMPLING_PROVIDER` unset, `ANTHROPIC_API_KEY` selects Anthropic, else `OPENAI_API_KEY`
 * selects OpenAI. Throws a `config` `ProviderError` naming the variable to set when the
 * configuration is present but unusable. Empty values count as unset.
 */
export function providerConfigFromEnv(env: NodeJS.ProcessEnv = process.env): ProviderConfig | undefined {
  const read = (name: string): string | undefined => {
    const value = env[name]?.trim();
    return value ? value : undefined;
  };

  // Values echoed in an error are scrubbed of every key in case one was pasted into the wrong variable.
  const secrets = [read('ANTHROPIC_API_KEY'), read('OPENAI_API_KEY'), read('MCP_SAMPLING_API_KEY')];
  const quote = (value: string): string => shortReason(value, secrets)?.slice(0, 40) ?? '';

  const provider = chooseProvider(read('MCP_SAMPLING_PROVIDER'), read, quote);
  if (provider === undefined) return undefined;

  const config: ProviderConfig = { provider };
  const apiKey = read(API_KEY_VARIABLE[provider]);
  if (apiKey) config.apiKey = apiKey;

  const baseURL = read('MCP_SAMPLING_BASE_URL');
  if (baseURL) config.baseURL = checkedUrl(baseURL);

  const model = read('MCP_SAMPLING_MODEL');
  if (model) config.model = model;
  const models: Partial<Record<ModelTier, string>> = {};
  for (const tier of MODEL_TIERS) {
    const id = read(TIER_VARIABLE[tier]);
    if (id) models[tier] = id;
  }
  if (Object.keys(models).length > 0) config.models = models;

  const timeout = read('MCP_SAMPLING_PROVIDER_TIMEOUT_MS');
  if (timeout) config.timeoutMs = checkedTimeout(timeout, quote);

  if (provider === 'openai-compatible') {
    if (!baseURL) {
      fail('MCP_SAMPLING_PROVIDER=openai-compatible needs MCP_SAMPLING_BASE_URL (e.g. http://localhost:11434/v1 for Ollama).');
    }
    const everyTier = MODEL_TIERS.every((tier) => models[tier]);
    if (!model && !everyTier) {
      fail(
        'MCP_SAMPLING_PROVIDER=openai-compatible needs MCP_SAMPLING_MODEL (e.g. llama3.2), or all three MCP_SAMPLING_MODEL_* tier variables.',
      );
    }
  }
  return config;
}

function chooseProvider(
  named: string | undefined,
  read: (name: string) => string | undefined,
  quote: (value: string) => string,
): ProviderName | undefined {
  if (named !== undefined) {
    const provider = PROVIDER_NAMES.find((name) => name === named.toLowerCase());
    if (!provider)
      fail(`MCP_SAMPLING_PROVIDER='${quote(named)}' is not a provider: set it to one of ${PROVIDER_NAMES.join(', ')}.`);
    if (provider === 'anthropic' && !read('ANTHROPIC_API_KEY')) fail('MCP_SAMPLING_PROVIDER=anthropic needs ANTHROPIC_API_KEY.');
    if (provider === 'openai' && !read('OPENAI_API_KEY')) fail('MCP_SAMPLING_PROVIDER=openai needs OPENAI_API_KEY.');
    return provider;
  }
  // A base URL receives the key: never guess which key to send to it.
  if (read('MCP_SAMPLING_BASE_URL')) {
    fail(
      'MCP_SAMPLING_BASE_URL is set but MCP_SAMPLING_PROVIDER is not: set MCP_SAMPLING_PROVIDER (openai-compatible for Ollama and similar).',
    );
  }
  if (read('ANTHROPIC_API_KEY')) return 'anthropic';
  if (read('OPENAI_API_KEY')) return 'openai';
  return undefined;
}

function checkedUrl(value: string): string {
  const problem = baseUrlProblem(value);
  if (problem) fail(`MCP_SAMPLING_BASE_URL ${problem}: set it like http://localhost:11434/v1.`);
  return value;
}

function checkedTimeout(value: string, quote: (value: string) => string): number {
  const ms = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(ms) || ms <= 0) {
    fail(`MCP_SAMPLING_PROVIDER_TIMEOUT_MS='${quote(value)}' is not a positive whole number of milliseconds: set it like 60000.`);
  }
  return ms;
}

function fail(message: string): never {
  throw new ProviderError('config', message);
}
