/** `createProvider`: the provider a server calls, with timeouts, retries and the AI SDK loaded on first use. */
import { setTimeout as sleep } from 'node:timers/promises';
import { classifyError } from './classify-error.js';
import { baseUrlOf, baseUrlProblem } from './endpoints.js';
import { providerConfigFromEnv } from './env.js';
import { ProviderError } from './errors.js';
import { generateOnce } from './generate-once.js';
import { resolveModels } from './models.js';
import { type FetchObservation, observeFetch } from './observe-fetch.js';
import { delayBeforeRetry } from './retry.js';
import { createLanguageModel, loadAi } from './sdk.js';
import {
  type GenerateRequest,
  type GenerateResult,
  MODEL_TIERS,
  PROVIDER_NAMES,
  type Provider,
  type ProviderConfig,
} from './types.js';

/** Defaults for the optional numbers of a `ProviderConfig`. */
export const PROVIDER_DEFAULTS = { timeoutMs: 60_000, maxRetries: 2, retryBaseDelayMs: 500 } as const;

/**
 * A provider for `config`. Checks the configuration now (throwing a `config` `ProviderError`) but
 * loads the AI SDK only on the first `generate`.
 *
 * `generate` makes up to `maxRetries + 1` attempts, each limited to `timeoutMs`. It retries 429
 * (honouring retry-after up to 30 s), 5xx, network failures and timeouts with exponential backoff,
 * never 400/401/403/404 or a cancelled call, and rejects only with a `ProviderError`.
 */
export function createProvider(config: ProviderConfig): Provider {
  checkConfig(config);
  const models = resolveModels(config);
  const timeoutMs = config.timeoutMs ?? PROVIDER_DEFAULTS.timeoutMs;
  const maxRetries = config.maxRetries ?? PROVIDER_DEFAULTS.maxRetries;
  const retryBaseDelayMs = config.retryBaseDelayMs ?? PROVIDER_DEFAULTS.retryBaseDelayMs;
  const baseURL = baseUrlOf(config);

  async function generate(request: GenerateRequest): Promise<GenerateResult> {
    checkRequest(request);
    const modelId = models[request.tier];
    const callerSignal = request.signal;
    const ai = await loadAi();

    for (let attempt = 1; ; attempt++) {
      const timeoutSignal = AbortSignal.timeout(timeoutMs);
      const observed: FetchObservation = {};
      const failed = {
        ai,
        provider: config.provider,
        modelId,
        apiKey: config.apiKey,
        baseURL,
        attempts: attempt,
        timeoutMs,
        timeoutSignal,
        callerSignal,
        observed,
      };
      try {
        if (callerSignal?.aborted) throw callerSignal.reason;
        const model = await createLanguageModel(config, modelId, observeFetch(config.fetch, observed));
        const signal = callerSignal ? AbortSignal.any([callerSignal, timeoutSignal]) : timeoutSignal;
        return await generateOnce({ ai, provider: config.provider, model, modelId, request, signal });
      } catch (thrown) {
        const error = classifyError(thrown, failed);
        if (!error.retryable || attempt > maxRetries) throw error;
        try {
          await sleep(delayBeforeRetry(error, attempt, retryBaseDelayMs), undefined, { signal: callerSignal });
        } catch (cancelled) {
          throw classifyError(cancelled, failed);
        }
      }
    }
  }

  return {
    name: config.provider,
    modelFor: (tier) => models[tier],
    generate,
  };
}

function checkConfig(config: ProviderConfig): void {
  const fail = (message: string): never => {
    throw new ProviderError('config', message, PROVIDER_NAMES.includes(config.provider) ? { provider: config.provider } : {});
  };
  if (!PROVIDER_NAMES.includes(config.provider)) {
    fail(`'${String(config.provider).slice(0, 40)}' is not a provider: use one of ${PROVIDER_NAMES.join(', ')}.`);
  }
  if (config.provider === 'anthropic' && !config.apiKey) fail('The anthropic provider needs `apiKey` (ANTHROPIC_API_KEY).');
  if (config.provider === 'openai' && !config.apiKey) fail('The openai provider needs `apiKey` (OPENAI_API_KEY).');
  if (config.provider === 'openai-compatible' && !config.baseURL) {
    fail('The openai-compatible provider needs `baseURL` (MCP_SAMPLING_BASE_URL), e.g. http://localhost:11434/v1.');
  }
  const urlProblem = config.baseURL === undefined ? undefined : baseUrlProblem(config.baseURL);
  if (urlProblem) fail(`\`baseURL\` ${urlProblem}.`);
  if (config.timeoutMs !== undefined && !(Number.isFinite(config.timeoutMs) && config.timeoutMs > 0)) {
    fail('`timeoutMs` must be a positive number of milliseconds.');
  }
  if (config.maxRetries !== undefined && !(Number.isInteger(config.maxRetries) && config.maxRetries >= 0)) {
    fail('`maxRetries` must be a whole number, 0 or more.');
  }
  if (config.retryBaseDelayMs !== undefined && !(Number.isFinite(config.retryBaseDelayMs) && config.retryBaseDelayMs >= 0)) {
    fail('`retryBaseDelayMs` must be a number of milliseconds, 0 or more.');
  }
}

function checkRequest(request: GenerateRequest): void {
  const fail = (message: string): never => {
    throw new ProviderError('bad-request', message);
  };
  if (!MODEL_TIERS.includes(request.tier)) fail(`'tier' must be one of ${MODEL_TIERS.join(', ')}.`);
  if (!Number.isInteger(request.maxTokens) || request.maxTokens < 1) fail("'maxTokens' must be a whole number, 1 or more.");
  if (!Array.isArray(request.messages) || request.messages.length === 0) fail("'messages' must hold at least one message.");
}

/** `createProvider(providerConfigFromEnv(env))`, or `undefined` when the environment configures no provider. */
export function providerFromEnv(env: NodeJS.ProcessEnv = process.env): Provider | undefined {
  const config = providerConfigFromEnv(env);
  return config ? createProvider(config) : undefined;
}
