/**
 * What one request says about its connection: the protocol era it is served on, and whether the
 * host behind it declared sampling.
 */
import {
  CLIENT_CAPABILITIES_META_KEY,
  type ClientCapabilities,
  type McpServer,
  PROTOCOL_VERSION_META_KEY,
  type ServerContext,
} from '@modelcontextprotocol/server';

/** The protocol era one request is served on. */
export type Era = '2025' | '2026-07-28';

/**
 * The per-request `_meta` envelope, read through a view: SDK 2.4.0 types it as `{}`
 * (`RequestMetaEnvelope`), so under strict TypeScript its keys cannot be indexed directly.
 */
function envelopeOf(ctx: ServerContext): Record<string, unknown> | undefined {
  return ctx.mcpReq.envelope as Record<string, unknown> | undefined;
}

/**
 * The era of one request. 2026-07-28 requests carry the per-request `_meta` envelope (it is
 * required on every one); 2025-era requests never do, so the envelope decides exactly. SDK 2.4.0 hands the
 * era to a server factory (`McpRequestContext.era`), not to a request handler, and the kit's
 * handlers run inside factories the servers own (`buildServer()`, no arguments), so the request
 * is read here instead.
 */
export function eraOf(ctx: ServerContext): Era {
  return envelopeOf(ctx)?.[PROTOCOL_VERSION_META_KEY] !== undefined ? '2026-07-28' : '2025';
}

/**
 * Whether the host behind this request declared the sampling capability, in either era: on
 * 2026-07-28 from the request's own envelope, on 2025 from the `initialize` handshake. A stateless
 * 2025 HTTP request has neither and correctly reads as "cannot sample".
 */
export function hostCanSample(server: McpServer, ctx: ServerContext): boolean {
  const fromEnvelope = envelopeOf(ctx)?.[CLIENT_CAPABILITIES_META_KEY] as ClientCapabilities | undefined;
  // Deprecated API, used on purpose: the 2025-era capability view has no replacement accessor.
  const capabilities = fromEnvelope ?? server.server.getClientCapabilities();
  return capabilities?.sampling !== undefined;
}
