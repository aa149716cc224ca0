/**
 * Direct model providers (Anthropic, OpenAI, any OpenAI-compatible endpoint) for servers whose host
 * cannot sample and for hosts that answer sampling requests. Importing this module loads none of
 * the AI SDK: `ai` and `@ai-sdk/*` are imported on the first `generate`.
 */
export { PROVIDER_ENV_VARS, providerConfigFromEnv } from './env.js';
export {
  describeProviderError,
  PROVIDER_ERROR_KINDS,
  ProviderError,
  type ProviderErrorDetails,
  type ProviderErrorKind,
} from './errors.js';
export { DEFAULT_MODELS } from './models.js';
export { createProvider, PROVIDER_DEFAULTS, providerFromEnv } from './provider.js';
export { MAX_RETRY_AFTER_MS } from './retry.js';
export {
  API_KEY_VARIABLE,
  type GenerateRequest,
  type GenerateResult,
  MODEL_TIERS,
  type ModelTier,
  PROVIDER_NAMES,
  type Provider,
  type ProviderConfig,
  type ProviderName,
  type StopReason,
} from './types.js';
