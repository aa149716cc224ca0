/** How long to wait before the next attempt: a provider's retry-after headers, else exponential backoff. */
import type { ProviderError } from './errors.js';

/** The longest retry-after this package waits for; a provider asking for more ends the retries at once. */
export const MAX_RETRY_AFTER_MS = 30_000;

/** The longest exponential backoff between two attempts. */
export const MAX_BACKOFF_MS = 30_000;

/**
 * The wait a response asks for, in milliseconds: `retry-after-ms` (OpenAI), else `retry-after` in
 * seconds or as an HTTP date. Undefined when neither header holds a usable value.
 */
export function retryAfterFromHeaders(headers: Record<string, string> | undefined, now = Date.now()): number | undefined {
  if (!headers) return undefined;
  const header = (name: string): string | undefined =>
    Object.entries(headers)
      .find(([key]) => key.toLowerCase() === name)?.[1]
      ?.trim() || undefined;

  const retryAfterMs = header('retry-after-ms');
  if (retryAfterMs) {
    const milliseconds = Number(retryAfterMs);
    if (Number.isFinite(milliseconds) && milliseconds >= 0) return milliseconds;
  }

  const retryAfter = header('retry-after');
  if (!retryAfter) return undefined;
  if (/^[-+\d.]+$/.test(retryAfter)) {
    const seconds = Number(retryAfter);
    return Number.isFinite(seconds) && seconds >= 0 ? seconds * 1000 : undefined;
  }
  const date = Date.parse(retryAfter);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How long to wait before attempt `failedAttempt + 1`: what the provider asked for, else `base * 2^(failedAttempt - 1)`. */
export function delayBeforeRetry(error: ProviderError, failedAttempt: number, baseDelayMs: number): number {
  return error.retryAfterMs ?? Math.min(baseDelayMs * 2 ** (failedAttempt - 1), MAX_BACKOFF_MS);
}
