/**
 * `--header 'Name: value'` (repeatable, as curl takes it): extra HTTP headers for a `--url` server,
 * typically `Authorization: Bearer …`. A header's value can be a secret, so no message here ever
 * repeats one.
 */
import { usageError } from '../errors.js';

/** An HTTP header name (RFC 9110 `token`). */
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;

/** Headers the transport sets itself; one given by hand would break the connection. */
const TRANSPORT_HEADERS = ['accept', 'content-type', 'mcp-session-id', 'mcp-protocol-version', 'host', 'content-length'];

/** Parse the `--header` values into one header map; a name given twice keeps the last value. */
export function parseHeaders(values: readonly string[]): Record<string, string> {
  const headers: Record<string, string> = {};
  for (const value of values) {
    const colon = value.indexOf(':');
    const name = colon === -1 ? '' : value.slice(0, colon).trim();
    if (!HEADER_NAME.test(name)) {
      throw usageError(
        `--header needs 'Name: value', e.g. --header 'Authorization: Bearer <token>' (got a value without a valid name)`,
      );
    }
    if (TRANSPORT_HEADERS.includes(name.toLowerCase())) {
      throw usageError(`--header '${name}' is set by the host itself; leave it out`);
    }
    const headerValue = value.slice(colon + 1).trim();
    if (headerValue === '' || /[\r\n\0]/.test(headerValue)) {
      throw usageError(`--header '${name}' needs a value on one line after the colon`);
    }
    headers[name] = headerValue;
  }
  return headers;
}
