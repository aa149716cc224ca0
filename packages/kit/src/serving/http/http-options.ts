/**
 * The HTTP settings of a server bin (`--http` and the `MCP_HTTP_*` variables), read and checked
 * in one place so that a bin refuses a bad or unsafe configuration before it listens.
 */

/** Default of `MCP_HTTP_PORT`. */
export const DEFAULT_HTTP_PORT = 3000;
/** Default of `MCP_HTTP_HOST`: loopback only. */
export const DEFAULT_HTTP_HOST = '127.0.0.1';
/** Default of `MCP_HTTP_MAX_SESSIONS`. */
export const DEFAULT_MAX_SESSIONS = 100;
/** Default of `MCP_HTTP_SESSION_IDLE_SECONDS`. */
export const DEFAULT_SESSION_IDLE_SECONDS = 900;
/** Default of `MCP_HTTP_DRAIN_SECONDS`. */
export const DEFAULT_DRAIN_SECONDS = 30;
/** The shortest `MCP_HTTP_TOKEN` accepted. */
export const MIN_TOKEN_CHARS = 16;

/** Everything the HTTP server needs to know, already checked. */
export interface HttpOptions {
  /** Port to listen on; 0 picks any free port. */
  port: number;
  /** Address to bind. */
  host: string;
  /** Bind a non-loopback address without a token (the operator said so). */
  allowInsecureBind: boolean;
  /** Static bearer token every `/mcp` request must carry, if set. */
  token?: string;
  /** Extra allowed `Host` values (lower case): `name` allows any port, `name:port` that port only. */
  allowedHosts: string[];
  /** Extra allowed `Origin`s, normalised (`https://app.example.com`). */
  allowedOrigins: string[];
  /** 2025-era sessions held at once. */
  maxSessions: number;
  /** A 2025-era session with no request for this long is closed. */
  sessionIdleSeconds: number;
  /** How long SIGTERM waits for in-flight requests. */
  drainSeconds: number;
  /** Name of this process, sent as `Mcp-Replica` on every response. */
  replica?: string;
}

/** A configuration the bin must refuse; its message is one line saying how to fix it. */
export class HttpConfigError extends Error {
  override name = 'HttpConfigError';
}

/** Whether `MCP_TRANSPORT` asks for HTTP. Throws `HttpConfigError` for a value other than stdio or http. */
export function httpRequested(env: NodeJS.ProcessEnv = process.env): boolean {
  const raw = env.MCP_TRANSPORT?.trim().toLowerCase();
  if (raw === undefined || raw === '' || raw === 'stdio') return false;
  if (raw === 'http') return true;
  throw new HttpConfigError(`MCP_TRANSPORT must be stdio or http (got ${raw.slice(0, 40)}).`);
}

/** Whether `host` names the loopback interface (127.0.0.0/8, ::1, localhost). */
export function isLoopbackHost(host: string): boolean {
  const bare = host
    .trim()
    .toLowerCase()
    .replace(/^\[(.*)\]$/, '$1');
  return bare === 'localhost' || bare === '::1' || /^127(\.\d{1,3}){3}$/.test(bare) || bare === '::ffff:127.0.0.1';
}

/** The HTTP settings from `env`. Throws `HttpConfigError` naming the variable for anything wrong or unsafe. */
export function httpOptionsFromEnv(env: NodeJS.ProcessEnv = process.env): HttpOptions {
  const text = (name: string): string | undefined => {
    const raw = env[name]?.trim();
    return raw === undefined || raw === '' ? undefined : raw;
  };
  const port = wholeNumber('MCP_HTTP_PORT', text('MCP_HTTP_PORT'), DEFAULT_HTTP_PORT, 0, 65_535);
  const host = text('MCP_HTTP_HOST') ?? DEFAULT_HTTP_HOST;
  const allowInsecureBind = flag('MCP_HTTP_ALLOW_INSECURE_BIND', text('MCP_HTTP_ALLOW_INSECURE_BIND'));
  const token = env.MCP_HTTP_TOKEN === undefined || env.MCP_HTTP_TOKEN === '' ? undefined : env.MCP_HTTP_TOKEN;
  if (token !== undefined && (token.length < MIN_TOKEN_CHARS || /\s/.test(token))) {
    // The token itself is never echoed.
    throw new HttpConfigError(
      `MCP_HTTP_TOKEN must be at least ${MIN_TOKEN_CHARS} characters without spaces (got ${token.length}): use a long random string, e.g. from 'openssl rand -hex 32'.`,
    );
  }
  if (!isLoopbackHost(host) && token === undefined && !allowInsecureBind) {
    throw new HttpConfigError(
      `Refusing to bind ${host} without a token: anyone who can reach it could call the tools. Set MCP_HTTP_TOKEN (at least ${MIN_TOKEN_CHARS} characters), bind 127.0.0.1, or pass --allow-insecure-bind (MCP_HTTP_ALLOW_INSECURE_BIND=1) when something in front authenticates.`,
    );
  }
  const replica = text('MCP_HTTP_REPLICA');
  if (replica !== undefined && !/^[\x21-\x7e]{1,100}$/.test(replica)) {
    throw new HttpConfigError('MCP_HTTP_REPLICA must be 1-100 visible ASCII characters without spaces, e.g. replica-1.');
  }
  return {
    port,
    host,
    allowInsecureBind,
    ...(token !== undefined && { token }),
    allowedHosts: list(text('MCP_HTTP_ALLOWED_HOSTS')).map((entry) => entry.toLowerCase()),
    allowedOrigins: list(text('MCP_HTTP_ALLOWED_ORIGINS')).map(originOf),
    maxSessions: wholeNumber('MCP_HTTP_MAX_SESSIONS', text('MCP_HTTP_MAX_SESSIONS'), DEFAULT_MAX_SESSIONS, 1),
    sessionIdleSeconds: wholeNumber(
      'MCP_HTTP_SESSION_IDLE_SECONDS',
      text('MCP_HTTP_SESSION_IDLE_SECONDS'),
      DEFAULT_SESSION_IDLE_SECONDS,
      1,
    ),
    drainSeconds: wholeNumber('MCP_HTTP_DRAIN_SECONDS', text('MCP_HTTP_DRAIN_SECONDS'), DEFAULT_DRAIN_SECONDS, 0),
    ...(replica !== undefined && { replica }),
  };
}

function wholeNumber(name: string, raw: string | undefined, fallback: number, min: number, max = 1_000_000_000): number {
  if (raw === undefined) return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || value < min || value > max) {
    throw new HttpConfigError(
      `${name} must be a whole number from ${min} to ${max} (got ${raw.slice(0, 40)}): set it like ${fallback}.`,
    );
  }
  return value;
}

function flag(name: string, raw: string | undefined): boolean {
  if (raw === undefined || raw === '0' || raw.toLowerCase() === 'false') return false;
  if (raw === '1' || raw.toLowerCase() === 'true') return true;
  throw new HttpConfigError(`${name} must be 1 or 0 (got ${raw.slice(0, 40)}).`);
}

function list(raw: string | undefined): string[] {
  return (raw ?? '')
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

function originOf(entry: string): string {
  try {
    const origin = new URL(entry).origin;
    if (origin !== 'null') return origin;
  } catch {
    // reported below
  }
  throw new HttpConfigError(
    `MCP_HTTP_ALLOWED_ORIGINS entries must be origins like https://app.example.com (got ${entry.slice(0, 80)}).`,
  );
}
