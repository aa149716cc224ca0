/**
 * A `fetch` for the mock host's HTTP transport that records, for every request, what it was
 * (JSON-RPC method, the call's token, the 2025 session) and which replica answered it (the
 * `Mcp-Replica` response header every replica sets). It can also send one request elsewhere.
 */
import type { FetchLike } from '@modelcontextprotocol/client';

/** One HTTP request the client made and how it was answered. */
export interface Exchange {
  /** `tools/call`, `server/discover`, … ; `response` for a JSON-RPC answer the client POSTs
   * (a 2025 host answering a pushed sampling request); `GET` and `DELETE` for those methods. */
  method: string;
  /** The replica that answered (`Mcp-Replica`), `undefined` when no replica did. */
  replica: string | undefined;
  status: number;
  /** The `Mcp-Session-Id` the request carried (2025). */
  sessionId: string | undefined;
  /** The call's token, when the request's arguments hold one. */
  token: string | undefined;
  /** Size of the request body. */
  bytes: number;
}

/** Decides where a request goes instead of its own URL (`undefined`: its own URL). */
export type Redirect = (request: { method: string; token: string | undefined; index: number }) => string | undefined;

/** Tokens the workloads put in each call's input: `scale-` and 12 hex digits. */
export const TOKEN_PATTERN = /\bscale-[0-9a-f]{12}\b/g;

export class ExchangeLog {
  readonly exchanges: Exchange[] = [];
  private redirect: Redirect | undefined;
  private sent = 0;

  /** Send the requests `redirect` picks to another URL (see `Redirect`); `undefined` to stop. */
  redirectWith(redirect: Redirect | undefined): void {
    this.redirect = redirect;
  }

  /** The `fetch` to hand to `connectHttp`. */
  readonly fetch: FetchLike = async (input, init) => {
    const httpMethod = (init?.method ?? 'GET').toUpperCase();
    const body = typeof init?.body === 'string' ? init.body : undefined;
    const { method, token } = describe(httpMethod, body);
    const index = this.sent++;
    const target = this.redirect?.({ method, token, index }) ?? input;
    const headers = new Headers(init?.headers);
    const response = await fetch(target, init);
    this.exchanges.push({
      method,
      replica: response.headers.get('mcp-replica') ?? undefined,
      status: response.status,
      sessionId: headers.get('mcp-session-id') ?? response.headers.get('mcp-session-id') ?? undefined,
      token,
      bytes: body === undefined ? 0 : Buffer.byteLength(body),
    });
    return response;
  };

  /** The exchanges of one JSON-RPC method, in the order their answers arrived. */
  of(method: string): Exchange[] {
    return this.exchanges.filter((exchange) => exchange.method === method);
  }

  /** How many requests of `method` each replica answered. */
  perReplica(method: string): Record<string, number> {
    const counts: Record<string, number> = {};
    for (const exchange of this.of(method)) {
      const name = exchange.replica ?? '(none)';
      counts[name] = (counts[name] ?? 0) + 1;
    }
    return Object.fromEntries(Object.entries(counts).sort(([a], [b]) => a.localeCompare(b)));
  }

  /** Forget everything recorded. */
  clear(): void {
    this.exchanges.length = 0;
    this.sent = 0;
  }
}

/** The JSON-RPC method of a request body, and the token in its arguments (else anywhere in it). */
function describe(httpMethod: string, body: string | undefined): { method: string; token: string | undefined } {
  if (httpMethod !== 'POST' || body === undefined) return { method: httpMethod, token: undefined };
  const tokenIn = (text: string | undefined) => text?.match(TOKEN_PATTERN)?.[0];
  try {
    const message = JSON.parse(body) as { method?: unknown; params?: { arguments?: unknown } } | unknown[];
    if (Array.isArray(message)) return { method: 'batch', token: tokenIn(body) };
    const method = typeof message.method === 'string' ? message.method : 'response';
    return { method, token: tokenIn(JSON.stringify(message.params?.arguments)) ?? tokenIn(body) };
  } catch {
    return { method: 'unparsable', token: tokenIn(body) };
  }
}
