/**
 * The `requestState` gate: on 2026-07-28 every `tools/call` of a kit tool has its echoed state
 * verified before the tool runs, and tampered, expired or foreign state is refused with a JSON-RPC
 * `-32602` error whose message says how to recover (the conformance suite expects an error here,
 * not a tool result).
 *
 * It sits in front of McpServer's own `tools/call` handler because neither SDK seam can say that:
 * McpServer turns every error its handler throws into an `isError` result, and the SDK's
 * `requestState.verify` hook answers with the frozen message "Invalid or expired requestState",
 * which cannot name the fix (retry from the start, share `MCP_SAMPLING_STATE_KEY`). That means
 * reaching into the SDK's handler table (pinned SDK 2.4.0); registration fails loudly if it moves.
 */
import { type McpServer, ProtocolError, ProtocolErrorCode, type ServerContext } from '@modelcontextprotocol/server';
import { eraOf } from '../../call/host-capabilities.js';
import { canonicalOf } from '../../state/fingerprint.js';
import type { RoundState, RoundStateSealer } from '../../state/round-state.js';
import { describeFailure, SamplingFailure } from '../../tool/failures.js';

/** What the gate learnt about one 2026-07-28 call, for the tool handler. */
export interface GatedCall {
  /** The tool's name. */
  tool: string;
  /** The arguments as sent, in canonical form (`canonicalOf`): what every state of this call is bound to (its MAC covers them). */
  boundTo: string;
  /** The verified state the client echoed; undefined on a call's first request. */
  state: RoundState | undefined;
}

type RequestHandler = (request: unknown, ctx: ServerContext) => Promise<unknown>;
interface ToolsCallRequest {
  params?: { name?: unknown; arguments?: unknown };
}

/** Per server: the sealer of each kit tool. */
const gates = new WeakMap<McpServer, Map<string, RoundStateSealer>>();
/** Per request (keyed by its abort signal, which every context of one request shares). */
const gated = new WeakMap<AbortSignal, GatedCall>();

/** Puts `toolName`'s calls behind the gate of `server` (installing the gate on first use). */
export function gateRoundState(server: McpServer, toolName: string, sealer: RoundStateSealer): void {
  let tools = gates.get(server);
  if (tools === undefined) {
    tools = new Map();
    installGate(server, tools);
    gates.set(server, tools);
  }
  tools.set(toolName, sealer);
}

/** The gate's verdict for this request; undefined when the gate did not see it (2025 era). */
export function takeGatedCall(ctx: ServerContext): GatedCall | undefined {
  const call = gated.get(ctx.mcpReq.signal);
  gated.delete(ctx.mcpReq.signal);
  return call;
}

/** What a state is bound to besides its tool: the exact arguments the client sends on every retry. */
export function bindingOf(args: unknown): string {
  return canonicalOf(args ?? {});
}

/** The JSON-RPC error for refused state: the SDK's own wording, then what went wrong and how to recover. */
export function stateRefusal(failure: SamplingFailure): ProtocolError {
  return new ProtocolError(ProtocolErrorCode.InvalidParams, `Invalid or expired requestState: ${describeFailure(failure)}`, {
    reason: 'invalid_request_state',
  });
}

function installGate(server: McpServer, tools: Map<string, RoundStateSealer>): void {
  const handlers = (server.server as unknown as { _requestHandlers?: unknown })._requestHandlers;
  const inner = handlers instanceof Map ? (handlers.get('tools/call') as RequestHandler | undefined) : undefined;
  if (!(handlers instanceof Map) || typeof inner !== 'function') {
    throw new Error(
      'The kit cannot find the SDK tools/call handler to verify requestState; check the @modelcontextprotocol/server version.',
    );
  }
  handlers.set('tools/call', (request: unknown, ctx: ServerContext) => {
    check(tools, request as ToolsCallRequest, ctx);
    return inner(request, ctx);
  });
}

function check(tools: Map<string, RoundStateSealer>, request: ToolsCallRequest, ctx: ServerContext): void {
  const name = request.params?.name;
  const sealer = typeof name === 'string' ? tools.get(name) : undefined;
  if (sealer === undefined || eraOf(ctx) !== '2026-07-28') return;
  const tool = name as string;
  const boundTo = bindingOf(request.params?.arguments);
  const sealed = ctx.mcpReq.requestState();
  if (typeof sealed !== 'string') {
    // No state: a first request (a non-string is refused by the SDK itself).
    gated.set(ctx.mcpReq.signal, { tool, boundTo, state: undefined });
    return;
  }
  let state: RoundState;
  try {
    state = sealer.open(sealed, boundTo);
  } catch (error) {
    throw error instanceof SamplingFailure ? stateRefusal(error) : error;
  }
  if (state.tool !== tool) {
    throw stateRefusal(
      new SamplingFailure(
        'state',
        `The requestState echoed by the client belongs to a call of another tool ('${String(state.tool).slice(0, 64)}').`,
      ),
    );
  }
  gated.set(ctx.mcpReq.signal, { tool, boundTo, state });
}
