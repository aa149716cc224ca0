/** Where a provider's requests go: the public endpoints, and the checks a custom base URL must pass. */
import type { ProviderConfig } from './types.js';

/**
 * The public endpoints. They are passed to the SDK explicitly, so a stray OPENAI_BASE_URL or
 * ANTHROPIC_BASE_URL in the environment never sends the key somewhere the configuration did not name.
 */
export const PUBLIC_BASE_URLS = {
  anthropic: 'https://api.anthropic.com/v1',
  openai: 'https://api.openai.com/v1',
} as const;

/** Where requests for this configuration go. */
export function baseUrlOf(config: ProviderConfig): string {
  return config.baseURL ?? (config.provider === 'openai-compatible' ? '' : PUBLIC_BASE_URLS[config.provider]);
}

/**
 * Why `url` cannot serve as a base URL, or undefined when it can. The SDKs append paths such as
 * `/chat/completions` to it, and fetch refuses URLs with credentials, so both must be absent.
 */
export function baseUrlProblem(url: string): string | undefined {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return 'is not an http(s) URL';
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return 'is not an http(s) URL';
  if (parsed.username || parsed.password) return 'must not hold a user name or password (give the key as the API key)';
  if (parsed.search || parsed.hash) return 'must not have a query or fragment';
  return undefined;
}
