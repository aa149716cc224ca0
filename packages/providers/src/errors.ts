/** `ProviderError`: the kinds of provider failure, the facts kept about each, and the one-line hint for each kind. */
import { API_KEY_VARIABLE, type ProviderName } from './types.js';

/**
 * What went wrong with a provider call. Each kind maps to one recovery hint in `describeProviderError`.
 * `network` (the endpoint could not be reached) is retried like `server`.
 */
export const PROVIDER_ERROR_KINDS = [
  'config', // the configuration is incomplete or invalid; nothing was sent
  'auth', // 401/403: the key is wrong, revoked, or lacks access to the model
  'rate-limit', // 429 after every retry, or a retry-after too long to wait for
  'server', // 5xx after every retry
  'network', // the endpoint could not be reached after every retry
  'timeout', // no answer within the time limit, on every attempt
  'malformed', // a success status with a body that could not be read
  'bad-request', // any other 4xx: model not found, input too large, invalid parameter
  'aborted', // the caller's signal cancelled the call
] as const;

export type ProviderErrorKind = (typeof PROVIDER_ERROR_KINDS)[number];

/** Facts about a failed call. None of them can hold the API key. */
export interface ProviderErrorDetails {
  status?: number;
  provider?: ProviderName;
  model?: string;
  /** How many attempts were made before giving up. */
  attempts?: number;
  /** Whether another attempt could succeed. The retry loop reads this; callers may too. */
  retryable?: boolean;
  /** The wait the provider asked for (retry-after), in milliseconds. */
  retryAfterMs?: number;
}

/**
 * The only error `Provider.generate` rejects with. Its message is built by this package from the
 * status, provider, model and a short scrubbed reason: never a raw SDK message, never the API key.
 * It carries no `cause`, because the SDK's errors hold request bodies and response text.
 */
export class ProviderError extends Error {
  override readonly name = 'ProviderError';
  readonly kind: ProviderErrorKind;
  readonly status?: number;
  readonly provider?: ProviderName;
  readonly model?: string;
  readonly attempts?: number;
  readonly retryable: boolean;
  readonly retryAfterMs?: number;

  constructor(kind: ProviderErrorKind, message: string, details: ProviderErrorDetails = {}) {
    super(message);
    this.kind = kind;
    this.retryable = details.retryable ?? false;
    if (details.status !== undefined) this.status = details.status;
    if (details.provider !== undefined) this.provider = details.provider;
    if (details.model !== undefined) this.model = details.model;
    if (details.attempts !== undefined) this.attempts = details.attempts;
    if (details.retryAfterMs !== undefined) this.retryAfterMs = details.retryAfterMs;
  }
}

function hintFor(error: ProviderError): string {
  const keyVariable = error.provider ? API_KEY_VARIABLE[error.provider] : 'the API key variable';
  switch (error.kind) {
    case 'config':
      return 'Fix the configuration and restart the server; see the providers README for every variable.';
    case 'auth':
      return `Check that ${keyVariable} holds a current key for this provider and that the key may use this model.`;
    case 'rate-limit':
      return 'Wait and try again, send fewer requests at once, or raise the rate limits of the account.';
    case 'server':
      return 'The provider is having trouble; try again later, or choose another model or provider.';
    case 'network':
      return error.provider === 'openai-compatible'
        ? 'Check MCP_SAMPLING_BASE_URL and that the server behind it is running (for Ollama: `ollama serve`).'
        : 'Check the network connection, any proxy, and MCP_SAMPLING_BASE_URL if it is set.';
    case 'timeout':
      return 'Raise MCP_SAMPLING_PROVIDER_TIMEOUT_MS, ask for fewer tokens, or choose a faster model.';
    case 'malformed':
      return 'The endpoint did not answer like the provider API it claims to be: check MCP_SAMPLING_BASE_URL and the provider name.';
    case 'bad-request':
      return 'Check the model id (MCP_SAMPLING_MODEL and the per-tier variables) and shorten the input if it is large.';
    case 'aborted':
      return 'The caller cancelled the call; nothing needs fixing.';
  }
}

/** What went wrong and how to fix it, as one paragraph fit to show a user or a model. */
export function describeProviderError(error: ProviderError): string {
  return `${error.message} ${hintFor(error)}`;
}
