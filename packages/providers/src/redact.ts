/**
 * Scrubbing for the little provider text that reaches an error message. Some APIs echo the key
 * back, whole or masked (`sk-proj-****abcd`), so both the known key and anything shaped like a
 * key are removed.
 */

const MAX_REASON_CHARS = 200;

/** Tokens that look like credentials: `sk-…`-style keys, masked keys with `***`, bearer values. */
const KEY_SHAPED = /\b(?:sk|pk|rk|key|api[-_]?key)[-_][\w*.-]{6,}|[\w.-]*\*{3,}[\w.-]*|\bBearer\s+\S+/gi;

/** `text` with every secret and every key-shaped token replaced by `[redacted]`. */
export function redactSecrets(text: string, secrets: ReadonlyArray<string | undefined>): string {
  let clean = text;
  for (const secret of secrets) {
    if (secret && secret.length >= 4) clean = clean.split(secret).join('[redacted]');
  }
  return clean.replace(KEY_SHAPED, '[redacted]');
}

/** A provider's own words about a failure, made safe to quote: one line, scrubbed, at most 200 characters. */
export function shortReason(text: string | undefined, secrets: ReadonlyArray<string | undefined>): string | undefined {
  if (!text) return undefined;
  const oneLine = redactSecrets(text, secrets).replace(/\s+/g, ' ').trim();
  if (!oneLine) return undefined;
  return oneLine.length > MAX_REASON_CHARS ? `${oneLine.slice(0, MAX_REASON_CHARS - 1)}…` : oneLine;
}

/** A base URL fit to print: scheme, host and path, without user info, query or fragment. */
export function printableUrl(url: string): string {
  try {
    const parsed = new URL(url);
    return `${parsed.protocol}//${parsed.host}${parsed.pathname.replace(/\/$/, '')}`;
  } catch {
    return '(an invalid URL)';
  }
}
