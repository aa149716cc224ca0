/**
 * The 2025-era lifecycle rule the SDK's stdio entry does not enforce: before `initialize`, a
 * client sends nothing but `ping` (spec, basic/lifecycle). `serveStdio` pins a 2025-era instance
 * on any request without the 2026-07-28 `_meta` envelope and serves it, so a `tools/call` sent
 * first would run without the client's capabilities. The gate refuses such a request instead,
 * with the same code and wording the SDK's Streamable HTTP transport uses for a request before
 * initialisation (`-32000`, "Server not initialized").
 *
 * 2026-07-28 has no handshake: every request that carries the envelope claim passes, and once a
 * client has sent one (other than the `server/discover` probe, after which a 2025 fallback is
 * still allowed) the connection is modern and the gate stands aside.
 */
import { type JSONRPCMessage, PROTOCOL_VERSION_META_KEY, type RequestId } from '@modelcontextprotocol/server';

/** Code the SDK's Streamable HTTP transport answers a request before initialisation with. */
export const NOT_INITIALIZED_CODE = -32_000;

/** Methods a 2025-era client may send before `initialize` is done. */
const ALLOWED_BEFORE_INITIALIZE = new Set(['initialize', 'ping']);

export class HandshakeGate {
  private initializeId: RequestId | undefined;
  private open = false;

  /** For an inbound message: the refusal to send back (only ever for a request), or undefined to let it through. */
  check(message: JSONRPCMessage): string | undefined {
    if (this.open || !('method' in message) || !('id' in message)) return undefined;
    if (carriesEnvelopeClaim(message.params)) {
      if (message.method !== 'server/discover') this.open = true;
      return undefined;
    }
    if (message.method === 'initialize') {
      this.initializeId = message.id;
      return undefined;
    }
    if (this.initializeId !== undefined || ALLOWED_BEFORE_INITIALIZE.has(message.method)) return undefined;
    return (
      `Server not initialized: '${message.method}' was sent before 'initialize'. ` +
      "Send 'initialize' and wait for its answer first (2025 protocol), or carry the per-request _meta envelope (2026-07-28)."
    );
  }

  /** For an outbound message: a failed `initialize` leaves the connection uninitialised. */
  sent(message: JSONRPCMessage): void {
    if (this.initializeId === undefined || !('id' in message) || message.id !== this.initializeId) return;
    if ('error' in message) this.initializeId = undefined;
    else if ('result' in message) this.open = true;
  }
}

function carriesEnvelopeClaim(params: unknown): boolean {
  if (params === null || typeof params !== 'object') return false;
  const meta = (params as { _meta?: unknown })._meta;
  return meta !== null && typeof meta === 'object' && PROTOCOL_VERSION_META_KEY in meta;
}
