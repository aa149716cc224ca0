/**
 * Answers one `tools/call` of a kit tool on the path its request allows: 2026-07-28 → one wire
 * round with signed state (answered-by/host-2026-rounds/); 2025 → steps pushed to the host as they
 * are asked for (answered-by/host-2025-push/); a step the host cannot do → the fallback policy
 * (answered-by/fallback/). Every failure becomes an `isError` result that says what went wrong and
 * how to recover. Alongside the result it returns what the operator is told: the finished call's
 * report, or the 2026-07-28 round that asked for more.
 */
import type { CallToolResult, InputRequiredResult, McpServer, ServerContext } from '@modelcontextprotocol/server';
import { fallBack } from '../answered-by/fallback/apply-policy.js';
import type { FallbackPolicy } from '../answered-by/fallback/policy.js';
import { stepProgress } from '../answered-by/host-2025-push/progress.js';
import { pushSampler } from '../answered-by/host-2025-push/push-sampler.js';
import { serveModernRound } from '../answered-by/host-2026-rounds/wire-round.js';
import type { ProviderSource } from '../answered-by/provider/provider-sampler.js';
import { eraOf, hostCanSample } from '../call/host-capabilities.js';
import { type Provenance, settledProvenance } from '../call/provenance.js';
import { failureResult, successResult } from '../call/tool-results.js';
import { type Fulfil, runDirect } from '../engine/run-direct.js';
import type { CallReport, RoundReport, Transport } from '../operations/call-report.js';
import type { MemoEntry } from '../state/memo.js';
import type { RoundStateSealer } from '../state/round-state.js';
import { type SamplingTool, ToolInputError } from '../tool/contract.js';
import { hostCannotSample, outcomeOf, SamplingFailure } from '../tool/failures.js';

/** One request of a registered tool, and everything registration settled for that tool. */
export interface CallToAnswer<I, O> {
  server: McpServer;
  // biome-ignore lint/suspicious/noExplicitAny: any tool's schemas.
  tool: SamplingTool<any, any>;
  args: I;
  ctx: ServerContext;
  sealer: RoundStateSealer;
  timeoutMs: number;
  heartbeatMs: number | undefined;
  policy: FallbackPolicy;
  provider: ProviderSource;
  toText: (output: O) => string;
}

/** The request's answer: a finished call and its report, or a 2026-07-28 round that asks for more. */
export type AnsweredCall =
  | { kind: 'done'; result: CallToolResult; report: CallReport }
  | { kind: 'asked'; result: InputRequiredResult; round: RoundReport };

/** Answers one request; rejects only when the call was cancelled (a cancelled call is never answered). */
export async function answerCall<I, O>(call: CallToAnswer<I, O>): Promise<AnsweredCall> {
  const { server, tool, args, ctx, policy, provider, toText } = call;
  const era = eraOf(ctx);
  const canSample = hostCanSample(server, ctx);
  const signal = ctx.mcpReq.signal;
  const transport: Transport = ctx.http === undefined ? 'stdio' : 'http';
  let startedAt = Date.now();
  let used: MemoEntry[] = [];
  let failure: SamplingFailure | undefined;
  let internalError = false;

  const fallBackFrom = async (failed: SamplingFailure, memo: Record<string, MemoEntry>) => {
    failure = failed;
    const fallen = await fallBack({ tool, input: args, era, failure: failed, memo, policy, provider, signal, toText });
    used = fallen.used;
    return fallen.result;
  };

  const answer = async (): Promise<{ kind: 'result'; result: CallToolResult } | AnsweredCall> => {
    if (era === '2026-07-28') {
      const round = await serveModernRound({
        toolName: tool.name,
        input: args,
        run: tool.run,
        preset: tool.preset,
        ctx,
        sealer: call.sealer,
        canSample,
      });
      startedAt = round.startedAt;
      if (round.kind === 'input') {
        const report = { tool: tool.name, transport, round: round.round, startedAt, asked: round.asked };
        return { kind: 'asked', result: round.result, round: report };
      }
      if (round.kind === 'failed') return { kind: 'result', result: await fallBackFrom(round.failure, round.memo) };
      used = round.used;
      const provenance = settledProvenance(era, round.used, round.backstop);
      return { kind: 'result', result: successResult(toText(round.output), { ...round.output, provenance }) };
    }
    const progress = stepProgress(ctx, call.heartbeatMs);
    const memo: Record<string, MemoEntry> = {};
    try {
      const fulfil: Fulfil = canSample ? pushSampler(ctx, call.timeoutMs, progress) : cannotSample;
      const settled = await runDirect(tool.run, args, fulfil, tool.preset, signal, memo);
      used = settled.used;
      const provenance = settledProvenance(era, settled.used, settled.backstop);
      return { kind: 'result', result: successResult(toText(settled.output), { ...settled.output, provenance }) };
    } catch (error) {
      if (error instanceof SamplingFailure && !signal.aborted) {
        return { kind: 'result', result: await fallBackFrom(error, memo) };
      }
      throw error;
    } finally {
      progress.stop();
    }
  };

  let result: CallToolResult;
  try {
    const answered = await answer();
    if (answered.kind !== 'result') return answered;
    result = answered.result;
  } catch (error) {
    if (signal.aborted) throw error;
    if (error instanceof SamplingFailure) failure = error;
    else internalError = !(error instanceof ToolInputError);
    result = failureResult(tool.name, error);
  }
  const provenance = (result.structuredContent as { provenance?: Provenance } | undefined)?.provenance;
  const report: CallReport = {
    tool: tool.name,
    era,
    transport,
    startedAt,
    endedAt: Date.now(),
    outcome: result.isError === true ? 'error' : 'ok',
    ...(provenance !== undefined && { provenance }),
    ...(failure !== undefined && { reason: outcomeOf(failure) ?? failure.reason }),
    ...(internalError && { reason: 'internal' }),
    steps: used,
    ...(ctx.mcpReq._meta !== undefined && { meta: ctx.mcpReq._meta as Record<string, unknown> }),
  };
  return { kind: 'done', result, report };
}

const cannotSample: Fulfil = async () => {
  throw hostCannotSample();
};
