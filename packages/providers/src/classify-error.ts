/** Turns whatever one provider attempt threw into a `ProviderError` with a message of this package's own. */
import { ProviderError, type ProviderErrorDetails } from './errors.js';
import type { FetchObservation } from './observe-fetch.js';
import { printableUrl, shortReason } from './redact.js';
import { MAX_RETRY_AFTER_MS, retryAfterFromHeaders } from './retry.js';
import type { AiModule } from './sdk.js';
import type { ProviderName } from './types.js';

/** What the retry loop knows about the attempt that failed. */
export interface FailedAttempt {
  ai: AiModule;
  provider: ProviderName;
  modelId: string;
  apiKey?: string;
  /** Where the request went. */
  baseURL: string;
  attempts: number;
  timeoutMs: number;
  callerSignal?: AbortSignal;
  timeoutSignal: AbortSignal;
  /** What the attempt's fetch received, if anything. */
  observed: FetchObservation;
}

/** How messages name each provider, mid-sentence. */
const LABEL: Record<ProviderName, string> = {
  anthropic: 'Anthropic',
  openai: 'OpenAI',
  'openai-compatible': 'the OpenAI-compatible endpoint',
};

/**
 * Turns whatever one attempt threw into a `ProviderError` with a message built here. Provider text
 * is quoted only for statuses where it helps (4xx other than auth, 5xx), scrubbed and shortened;
 * the signals decide cancellation and timeouts, whatever shape the abort error took.
 */
export function classifyError(thrown: unknown, attempt: FailedAttempt): ProviderError {
  if (thrown instanceof ProviderError) return thrown;

  const { ai, provider, modelId, attempts } = attempt;
  const who = LABEL[provider];
  const subject = who.charAt(0).toUpperCase() + who.slice(1); // the same, starting a sentence
  const url = printableUrl(attempt.baseURL);
  const after = attempts > 1 ? ` after ${attempts} attempts` : '';
  const details: ProviderErrorDetails = { provider, model: modelId, attempts };
  const reasonOf = (text: string | undefined): string => {
    const reason = shortReason(text, [attempt.apiKey])?.replace(/[.!\s]+$/, '');
    return reason ? `: ${reason}` : '';
  };

  if (attempt.callerSignal?.aborted) {
    return new ProviderError('aborted', `The call to ${who} (model ${modelId}) was cancelled by the caller.`, details);
  }
  if (attempt.timeoutSignal.aborted) {
    return new ProviderError('timeout', `${subject} did not answer within ${attempt.timeoutMs} ms (model ${modelId})${after}.`, {
      ...details,
      retryable: true,
    });
  }

  if (ai.APICallError.isInstance(thrown)) {
    const status = thrown.statusCode;
    if (status === undefined) {
      return new ProviderError(
        'network',
        `Could not reach ${who} at ${url} (model ${modelId})${after}: ${networkCode(thrown)}.`,
        {
          ...details,
          retryable: true,
        },
      );
    }
    const withStatus = { ...details, status };
    if (status >= 200 && status < 300) {
      return new ProviderError(
        'malformed',
        `${subject} sent a response that could not be read (HTTP ${status}, model ${modelId}).`,
        withStatus,
      );
    }
    if (status === 401 || status === 403) {
      return new ProviderError('auth', `${subject} rejected the API key (HTTP ${status}, model ${modelId}).`, withStatus);
    }
    if (status === 429) {
      const retryAfterMs = retryAfterFromHeaders(thrown.responseHeaders);
      const tooLong = retryAfterMs !== undefined && retryAfterMs > MAX_RETRY_AFTER_MS;
      const wait = tooLong ? `; it asked to wait ${Math.ceil(retryAfterMs / 1000)} s` : '';
      return new ProviderError(
        'rate-limit',
        `${subject} is rate limiting requests (HTTP 429, model ${modelId})${after}${wait}.`,
        {
          ...withStatus,
          retryable: !tooLong,
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        },
      );
    }
    if (status === 408 || status >= 500) {
      const retryAfterMs = retryAfterFromHeaders(thrown.responseHeaders);
      const retryable = retryAfterMs === undefined || retryAfterMs <= MAX_RETRY_AFTER_MS;
      const kind = status === 408 ? 'timeout' : 'server';
      return new ProviderError(
        kind,
        `${subject} failed with HTTP ${status} (model ${modelId})${after}${reasonOf(thrown.message)}.`,
        {
          ...withStatus,
          retryable,
          ...(retryAfterMs !== undefined ? { retryAfterMs } : {}),
        },
      );
    }
    return new ProviderError(
      'bad-request',
      `${subject} rejected the request with HTTP ${status} (model ${modelId})${reasonOf(thrown.message)}.`,
      withStatus,
    );
  }

  if (isFetchFailure(thrown)) {
    return new ProviderError('network', `Could not reach ${who} at ${url} (model ${modelId})${after}: ${networkCode(thrown)}.`, {
      ...details,
      retryable: true,
    });
  }
  const name = thrown instanceof Error && /^[\w.]{1,60}$/.test(thrown.name) ? thrown.name : typeof thrown;
  if (name === 'AI_InvalidArgumentError' || name === 'AI_InvalidPromptError' || name === 'AI_UnsupportedFunctionalityError') {
    return new ProviderError('bad-request', `The request for ${who} (model ${modelId}) is not valid (${name}).`, details);
  }
  const status = attempt.observed.status;
  if (status !== undefined && status >= 200 && status < 300) {
    return new ProviderError(
      'malformed',
      `${subject} sent a response that could not be read (HTTP ${status}, model ${modelId}).`,
      {
        ...details,
        status,
      },
    );
  }
  return new ProviderError('server', `The call to ${who} (model ${modelId}) failed unexpectedly (${name}).`, details);
}

/** `fetch` rejects with a bare TypeError when the connection fails before any response. */
function isFetchFailure(thrown: unknown): boolean {
  return thrown instanceof TypeError && /^(fetch failed|failed to fetch)$/i.test(thrown.message);
}

/** The system error code of a connection failure (ECONNREFUSED, ENOTFOUND…), never its message. */
function networkCode(thrown: unknown): string {
  const seen = new Set<unknown>();
  for (let current = thrown; current instanceof Error && !seen.has(current); current = current.cause) {
    seen.add(current);
    const code = (current as Error & { code?: unknown }).code;
    if (typeof code === 'string' && /^[A-Z_]+$/.test(code)) return code;
  }
  return 'the connection failed';
}
