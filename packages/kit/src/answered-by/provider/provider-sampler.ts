/**
 * The provider path: steps answered by a model provider with the server's own key, through
 * `@mcp-sampling/providers` (the AI SDK). The provider package, and the AI SDK behind it, load
 * only when a call first falls back, so a server that never does pays nothing at start-up.
 */
import type { Provider, ProviderConfig } from '@mcp-sampling/providers';
import { readReply, textsOf } from '../../engine/read-reply.js';
import type { Fulfil } from '../../engine/run-direct.js';
import { DEFAULT_PROVIDER_CONCURRENCY, positiveWholeNumberSetting } from '../../operator/settings.js';
import { JSON_SCHEMA_METADATA_KEY } from '../../tool/request-metadata.js';
import { type Limiter, limiter } from './limiter.js';

/** Environment variables that mean "a provider is meant to be configured" (and get checked at start-up). */
const PROVIDER_VARIABLES = ['MCP_SAMPLING_PROVIDER', 'ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'MCP_SAMPLING_BASE_URL'] as const;

const NOT_CONFIGURED = 'No provider is configured: set ANTHROPIC_API_KEY or OPENAI_API_KEY, or MCP_SAMPLING_PROVIDER.';

/** Steps of one call sent to the provider at once. */
const PER_CALL_CONCURRENCY = 4;

/** Where a provider comes from: configured or not, created on first use. */
export interface ProviderSource {
  readonly configured: boolean;
  /** The provider; rejects with the providers package's `ProviderError` (kind `config`) when misconfigured. */
  get(): Promise<Provider>;
}

/** A provider from explicit configuration (`null`: none). */
export function providerSourceOf(config: ProviderConfig | null): ProviderSource {
  let provider: Promise<Provider> | undefined;
  return {
    configured: config !== null,
    get() {
      if (config === null) return Promise.reject(new Error(NOT_CONFIGURED));
      provider ??= import('@mcp-sampling/providers').then(({ createProvider }) => createProvider(config));
      return provider;
    },
  };
}

/** A provider from the environment (`ANTHROPIC_API_KEY`, `OPENAI_API_KEY`, `MCP_SAMPLING_PROVIDER`, …). */
export function providerSourceFromEnv(env: NodeJS.ProcessEnv = process.env): ProviderSource {
  let provider: Promise<Provider> | undefined;
  return {
    configured: PROVIDER_VARIABLES.some((name) => (env[name] ?? '') !== ''),
    get() {
      provider ??= import('@mcp-sampling/providers').then(({ createProvider, providerConfigFromEnv }) => {
        const config = providerConfigFromEnv(env);
        if (config === undefined) throw new Error(NOT_CONFIGURED);
        return createProvider(config);
      });
      return provider;
    },
  };
}

let processLimit: Limiter | undefined;

/**
 * Steps in flight to providers across the whole process: `MCP_SAMPLING_PROVIDER_CONCURRENCY`,
 * default 8. Throws a `RangeError` naming the variable when it is not a positive whole number.
 */
export function providerConcurrencyFromEnv(env: NodeJS.ProcessEnv = process.env): number {
  return positiveWholeNumberSetting('MCP_SAMPLING_PROVIDER_CONCURRENCY', DEFAULT_PROVIDER_CONCURRENCY, env);
}

function processLimiter(): Limiter {
  processLimit ??= limiter(providerConcurrencyFromEnv());
  return processLimit;
}

/** A fulfiller that answers each step with `provider`, at most 4 at once per call (and 8 per process). */
export function providerSampler(provider: Provider): Fulfil {
  const perCall = limiter(PER_CALL_CONCURRENCY);
  const perProcess = processLimiter();
  return (key, step, signal) =>
    perCall(
      () =>
        perProcess(async () => {
          const { params } = step;
          const jsonSchema = params.metadata?.[JSON_SCHEMA_METADATA_KEY];
          const result = await provider.generate({
            ...(params.systemPrompt !== undefined && { system: params.systemPrompt }),
            messages: params.messages.map((message) => ({ role: message.role, text: textsOf(message.content).join('\n') })),
            maxTokens: params.maxTokens,
            tier: step.preset,
            ...(params.temperature !== undefined && { temperature: params.temperature }),
            ...(params.stopSequences !== undefined && { stopSequences: params.stopSequences }),
            ...(isObject(jsonSchema) && { jsonSchema }),
            signal,
          });
          const reply = {
            role: 'assistant',
            content: { type: 'text', text: result.text },
            model: result.model,
            stopReason: result.stopReason,
          };
          return readReply(key, reply, params.maxTokens);
        }, signal),
      signal,
    );
}

function isObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
