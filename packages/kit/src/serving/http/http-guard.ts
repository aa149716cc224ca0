/**
 * The checks every `/mcp` request passes before anything reads its body: `Host` and `Origin`
 * against allow-lists (DNS-rebinding and cross-site protection) and the optional bearer token,
 * compared in constant time and never logged.
 */
import { createHash, timingSafeEqual } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';
import {
  localhostAllowedHostnames,
  localhostAllowedOrigins,
  validateHostHeader,
  validateOriginHeader,
} from '@modelcontextprotocol/server';
import { isLoopbackHost } from './http-options.js';
import { quoted, REFUSED, type Rejection } from './http-refusals.js';

/** What the guard allows. */
export interface GuardOptions {
  /** Extra `Host` values: `name` (any port) or `name:port`. Loopback names are always allowed. */
  allowedHosts: readonly string[];
  /** Extra origins (`https://app.example.com`). Loopback origins and requests without one are always allowed. */
  allowedOrigins: readonly string[];
  /** The bearer token, if one is required. */
  token?: string;
  /** The bound address: allowed as a `Host` name too when it is a specific (not wildcard) address. */
  boundHost?: string;
}

/** The challenge sent with every 401. */
export const WWW_AUTHENTICATE = 'Bearer realm="mcp"';

/** Checks `Host`, `Origin` and the bearer token of one request, in that order. */
export class RequestGuard {
  private readonly hostnames: string[];
  private readonly hostsWithPort: Set<string>;
  private readonly origins: Set<string>;
  private readonly tokenDigest?: Buffer;

  constructor(options: GuardOptions) {
    const bound = options.boundHost?.toLowerCase();
    const specificBound = bound !== undefined && !['0.0.0.0', '::', '[::]'].includes(bound) && !isLoopbackHost(bound);
    const extra = [
      ...options.allowedHosts,
      ...(specificBound ? [bound.includes(':') && !bound.startsWith('[') ? `[${bound}]` : bound] : []),
    ];
    this.hostnames = [...localhostAllowedHostnames(), ...extra.filter((entry) => !hasPort(entry))];
    this.hostsWithPort = new Set(extra.filter(hasPort));
    this.origins = new Set(options.allowedOrigins);
    if (options.token !== undefined) this.tokenDigest = digest(options.token);
  }

  /** The rejection for these request headers, or `undefined` when the request may go on. */
  check(headers: IncomingHttpHeaders): Rejection | undefined {
    return this.checkHost(headers.host) ?? this.checkOrigin(headers.origin) ?? this.checkToken(headers.authorization);
  }

  private checkHost(host: string | undefined): Rejection | undefined {
    if (host === undefined || host === '') {
      return forbidden(
        'Missing Host header: send the Host the server is reached by (loopback names, or one listed in MCP_HTTP_ALLOWED_HOSTS).',
      );
    }
    if (validateHostHeader(host, this.hostnames).ok || this.hostsWithPort.has(host.toLowerCase())) return undefined;
    return forbidden(
      `Host '${quoted(host)}' is not allowed: add it to MCP_HTTP_ALLOWED_HOSTS on the server (comma-separated, e.g. mcp.example.com or mcp.example.com:8443).`,
    );
  }

  private checkOrigin(origin: string | undefined): Rejection | undefined {
    if (validateOriginHeader(origin, localhostAllowedOrigins()).ok) return undefined;
    let normalised: string | undefined;
    try {
      normalised = new URL(origin ?? '').origin;
    } catch {
      normalised = undefined;
    }
    if (normalised !== undefined && this.origins.has(normalised)) return undefined;
    return forbidden(
      `Origin '${quoted(origin ?? '')}' is not allowed: add it to MCP_HTTP_ALLOWED_ORIGINS on the server (comma-separated, e.g. https://app.example.com).`,
    );
  }

  private checkToken(authorization: string | undefined): Rejection | undefined {
    if (this.tokenDigest === undefined) return undefined;
    const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(authorization ?? '');
    if (match === null) {
      return unauthorized(
        "Missing bearer token: send the header 'Authorization: Bearer <token>' with the token configured in MCP_HTTP_TOKEN.",
      );
    }
    // Digests have equal length, so the comparison takes the same time whatever was sent.
    if (timingSafeEqual(digest(match[1] ?? ''), this.tokenDigest)) return undefined;
    return unauthorized("Wrong bearer token: send the token configured in MCP_HTTP_TOKEN as 'Authorization: Bearer <token>'.");
  }
}

function hasPort(entry: string): boolean {
  return /:\d+$/.test(entry) && !/^[^[]*:.*:/.test(entry);
}

function digest(value: string): Buffer {
  return createHash('sha256').update(value).digest();
}

function forbidden(message: string): Rejection {
  return { status: 403, code: REFUSED, message };
}

function unauthorized(message: string): Rejection {
  return { status: 401, code: REFUSED, message, headers: { 'www-authenticate': WWW_AUTHENTICATE } };
}
