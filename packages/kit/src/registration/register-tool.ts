/**
 * Registers a `SamplingTool` on an `McpServer`. The handler picks the path per request:
 * 2026-07-28 → wire rounds with signed state (answered-by/host-2026-rounds/); 2025 → steps pushed
 * to the host as they are asked for (answered-by/host-2025-push/); a step the host cannot do →
 * the fallback policy (answered-by/fallback/). Every failure becomes an `isError` result whose
 * text says what went wrong and how to recover, except refused 2026-07-28 round state, which is a
 * JSON-RPC `-32602` error (answered-by/host-2026-rounds/state-gate.ts).
 */
import type { ProviderConfig } from '@mcp-sampling/providers';
import type { CallToolResult, InputRequiredResult, McpServer, ServerContext } from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';
import { fallBack } from '../answered-by/fallback/apply-policy.js';
import { type FallbackPolicy, fallbackPolicyFromEnv, policyMayDelegate } from '../answered-by/fallback/policy.js';
import { stepProgress } from '../answered-by/host-2025-push/progress.js';
import { pushSampler, sampleTimeoutFromEnv } from '../answered-by/host-2025-push/push-sampler.js';
import { gateRoundState } from '../answered-by/host-2026-rounds/state-gate.js';
import { serveModernRound } from '../answered-by/host-2026-rounds/wire-round.js';
import { type ProviderSource, providerSourceFromEnv, providerSourceOf } from '../answered-by/provider/provider-sampler.js';
import { eraOf, hostCanSample } from '../call/host-capabilities.js';
import { type Provenance, settledProvenance } from '../call/provenance.js';
import { failureResult, successResult } from '../call/tool-results.js';
import { type Fulfil, runDirect } from '../engine/run-direct.js';
import { reportCall, reportRound, type Transport } from '../operations/call-report.js';
import type { MemoEntry, UsedStep } from '../state/memo.js';
import { RoundStateSealer } from '../state/round-state.js';
import { type SamplingTool, ToolInputError } from '../tool/contract.js';
import { hostCannotSample, outcomeOf, SamplingFailure } from '../tool/failures.js';
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
      const era = eraOf(ctx);
      const canSample = hostCanSample(server, ctx);
      const signal = ctx.mcpReq.signal;
      const transport: Transport = ctx.http === undefined ? 'stdio' : 'http';
      let startedAt = Date.now();
      let used: UsedStep[] = [];
      let failure: SamplingFailure | undefined;
      let askedForMore = false;
      let internalError = false;
      const fallBackFrom = async (failed: SamplingFailure, memo: Record<string, MemoEntry>) => {
        failure = failed;
        const fallen = await fallBack({ tool, input: args, era, failure: failed, memo, policy, provider, signal, toText });
        used = fallen.used;
        return fallen.result;
      };
      const answer = async (): Promise<CallToolResult | InputRequiredResult> => {
        if (era === '2026-07-28') {
          const round = await serveModernRound({
            toolName: tool.name,
            input: args,
            run: tool.run,
            preset: tool.preset,
            ctx,
            sealer,
            canSample,
          });
          startedAt = round.startedAt;
          if (round.kind === 'input') {
            askedForMore = true;
            reportRound({ tool: tool.name, transport, round: round.round, startedAt, asked: round.asked });
            return round.result;
          }
          if (round.kind === 'failed') return await fallBackFrom(round.failure, round.memo);
          used = round.used;
          const provenance = settledProvenance(era, round.used, round.backstop);
          return successResult(toText(round.output), { ...round.output, provenance });
        }
        const progress = stepProgress(ctx, options.heartbeatMs);
        const memo: Record<string, MemoEntry> = {};
        try {
          const fulfil: Fulfil = canSample ? pushSampler(ctx, timeoutMs, progress) : cannotSample;
          const settled = await runDirect(tool.run, args, fulfil, tool.preset, signal, memo);
          used = settled.used;
          return successResult(toText(settled.output), {
            ...settled.output,
            provenance: settledProvenance(era, settled.used, settled.backstop),
          });
        } catch (error) {
          if (error instanceof SamplingFailure && !signal.aborted) return await fallBackFrom(error, memo);
          throw error;
        } finally {
          progress.stop();
        }
      };
      let result: CallToolResult | InputRequiredResult;
      try {
        result = await answer();
      } catch (error) {
        if (signal.aborted) throw error; // a cancelled call is never answered
        if (error instanceof SamplingFailure) failure = error;
        else internalError = !(error instanceof ToolInputError);
        result = failureResult(tool.name, error);
      }
      if (!askedForMore) {
        const done = result as CallToolResult;
        const provenance = (done.structuredContent as { provenance?: Provenance } | undefined)?.provenance;
        reportCall({
          tool: tool.name,
          era,
          transport,
          startedAt,
          endedAt: Date.now(),
          outcome: done.isError === true ? 'error' : 'ok',
          ...(provenance !== undefined && { provenance }),
          ...(failure !== undefined && { reason: outcomeOf(failure) ?? failure.reason }),
          ...(internalError && { reason: 'internal' }),
          steps: used,
          ...(ctx.mcpReq._meta !== undefined && { meta: ctx.mcpReq._meta as Record<string, unknown> }),
        });
      }
      return result;
    }) as never,
  );
  gateRoundState(server, tool.name, sealer);
}

const cannotSample: Fulfil = async () => {
  throw hostCannotSample();
};
