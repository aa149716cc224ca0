/**
 * Registers a `SamplingTool` on an `McpServer`: the tool's schemas, its settings resolved once, and
 * a handler that answers each request (answer-call.ts picks the path: 2026-07-28 rounds, 2025
 * pushes, or the fallback) and then reports it to the operator (operations/). Refused 2026-07-28
 * round state never reaches the handler: it is a JSON-RPC `-32602` error
 * (answered-by/host-2026-rounds/state-gate.ts).
 */
import type { ProviderConfig } from '@mcp-sampling/providers';
import type { CallToolResult, InputRequiredResult, McpServer, ServerContext } from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';
import { type FallbackPolicy, fallbackPolicyFromEnv, policyMayDelegate } from '../answered-by/fallback/policy.js';
import { sampleTimeoutFromEnv } from '../answered-by/host-2025-push/push-sampler.js';
import { gateRoundState } from '../answered-by/host-2026-rounds/state-gate.js';
import { type ProviderSource, providerSourceFromEnv, providerSourceOf } from '../answered-by/provider/provider-sampler.js';
import { reportCall, reportRound } from '../operations/call-report.js';
import { RoundStateSealer } from '../state/round-state.js';
import type { SamplingTool } from '../tool/contract.js';
import { answerCall } from './answer-call.js';
import { toolSchemasOf } from './tool-schemas.js';

/** Options shared by every tool registered through the kit. */
export interface RegisterOptions {
  /** Seals round state on 2026-07-28. Defaults to one sealer per process (see `RoundStateSealer`). */
  sealer?: RoundStateSealer;
  /** Time a host gets for one pushed (2025-era) request. Defaults to `MCP_SAMPLING_TIMEOUT_MS` or 300 s. */
  sampleTimeoutMs?: number;
  /** Time between progress heartbeats while 2025-era steps wait on the host. Default 5 s. */
  heartbeatMs?: number;
  /** What to do when the host's model cannot do a step. Defaults to the environment's policy. */
  fallback?: FallbackPolicy;
  /** The server's own provider for the `provider` action; `null` for none. Defaults to the environment. */
  provider?: ProviderConfig | null;
}

let processSealer: RoundStateSealer | undefined;

/** The process-wide sealer: one key for every server instance this process builds. */
export function defaultSealer(): RoundStateSealer {
  processSealer ??= new RoundStateSealer();
  return processSealer;
}

let processProvider: ProviderSource | undefined;

/** The provider the environment configures, shared by every server instance of this process. */
function defaultProviderSource(): ProviderSource {
  processProvider ??= providerSourceFromEnv();
  return processProvider;
}

/**
 * Register `tool` on `server` so it runs on both protocol eras, with the fallback policy for
 * hosts whose model cannot do a step. When the policy may delegate, the tool advertises no output
 * schema, because a delegated result carries the prepared task instead of the tool's fields.
 */
export function registerSamplingTool<In extends z.ZodObject, Out extends z.ZodObject>(
  server: McpServer,
  tool: SamplingTool<In, Out>,
  options: RegisterOptions = {},
): void {
  const sealer = options.sealer ?? defaultSealer();
  const timeoutMs = options.sampleTimeoutMs ?? sampleTimeoutFromEnv();
  const policy = options.fallback ?? fallbackPolicyFromEnv();
  const provider = options.provider === undefined ? defaultProviderSource() : providerSourceOf(options.provider);
  const schemas = toolSchemasOf(tool);
  const toText = tool.text ?? ((output: z.output<Out>) => JSON.stringify(output, null, 2));
  const heartbeatMs = options.heartbeatMs;

  server.registerTool(
    tool.name,
    {
      title: tool.title,
      description: tool.description,
      inputSchema: schemas.input,
      ...(!policyMayDelegate(policy) && { outputSchema: schemas.output }),
      ...(tool.annotations !== undefined && { annotations: tool.annotations }),
    },
    // The SDK's callback type cannot see through the generic schemas, hence the loose signature.
    (async (args: z.output<In>, ctx: ServerContext): Promise<CallToolResult | InputRequiredResult> => {
      const answered = await answerCall({ server, tool, args, ctx, sealer, timeoutMs, heartbeatMs, policy, provider, toText });
      if (answered.kind === 'asked') reportRound(answered.round);
      else reportCall(answered.report);
      return answered.result;
    }) as never,
  );
  gateRoundState(server, tool.name, sealer);
}
