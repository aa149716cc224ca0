/**
 * Runs the fallback policy for one tool call whose host could not do a step. The same `run`
 * executes on the provider path, with the steps already answered by the host reused from the
 * memo, so a call that falls back midway never pays twice for what it has.
 */
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { Era } from '../../call/host-capabilities.js';
import { heuristicProvenance, oneLineReason, providerProvenance } from '../../call/provenance.js';
import { errorResult, successResult } from '../../call/tool-results.js';
import { replay } from '../../engine/replay.js';
import { runDirect } from '../../engine/run-direct.js';
import type { MemoEntry } from '../../state/memo.js';
import type { SamplingTool } from '../../tool/contract.js';
import { describeFailure, outcomeOf, SamplingFailure } from '../../tool/failures.js';
import { type ProviderSource, providerSampler } from '../provider/provider-sampler.js';
import { delegatedResult } from './delegate.js';
import type { FallbackPolicy } from './policy.js';

/** Everything the fallback needs to know about the call. */
export interface FallbackCall<I, O> {
  // biome-ignore lint/suspicious/noExplicitAny: any tool's schemas.
  tool: SamplingTool<any, any>;
  input: I;
  era: Era;
  failure: SamplingFailure;
  /** Steps answered so far (by the host), reused by the provider path. */
  memo: Record<string, MemoEntry>;
  policy: FallbackPolicy;
  provider: ProviderSource;
  signal: AbortSignal;
  toText: (output: O) => string;
}

/** Hint shown when nothing could answer. */
const CONFIGURE_HINT =
  'To answer without a sampling host, give the server a provider key (ANTHROPIC_API_KEY or OPENAI_API_KEY, or ' +
  'MCP_SAMPLING_PROVIDER=openai-compatible with MCP_SAMPLING_BASE_URL for a local model), or allow the ' +
  '`delegate` action (MCP_SAMPLING_FALLBACK=delegate) to hand the task to the host model.';

/** What the fallback came to: the call's result, and the answered steps it was built from. */
export interface FallbackResult {
  result: CallToolResult;
  used: MemoEntry[];
}

/**
 * Try the policy's actions for this failure in order. Returns the call's result; rethrows a
 * cancellation. Failures no fallback can fix (state, round budget) become their own `isError`.
 */
export async function fallBack<I, O>(call: FallbackCall<I, O>): Promise<FallbackResult> {
  const { failure, tool, era } = call;
  const outcome = outcomeOf(failure);
  if (outcome === undefined) return { result: errorResult(describeFailure(failure)), used: [] };
  const memo = withoutFailedStep(call.memo, failure);
  const notes: string[] = [];
  // Why this path answered: the host's failure, then any fallback tried before this one.
  const reasonNow = () =>
    oneLineReason(`${outcome}: ${failure.message}${notes.length === 0 ? '' : ` Then ${notes.join('; ')}.`}`);

  for (const action of call.policy[outcome]) {
    if (action === 'error') break;
    if (action === 'heuristic') {
      if (tool.heuristic === undefined) {
        notes.push(`the tool '${tool.name}' has no heuristic`);
        continue;
      }
      const output = tool.heuristic(call.input) as O;
      const provenance = heuristicProvenance(era, reasonNow());
      return { result: successResult(call.toText(output), { ...(output as object), provenance }), used: [] };
    }
    if (action === 'delegate') {
      const outcomeOfReplay = await replay(tool.run, call.input, { ...memo }, tool.preset, call.signal);
      if (outcomeOfReplay.kind === 'waiting') {
        const result = delegatedResult(outcomeOfReplay.pending, reasonNow(), era, Object.keys(memo).length);
        return { result, used: Object.values(memo) };
      }
      notes.push('nothing was left to delegate');
      continue;
    }
    if (!call.provider.configured) {
      notes.push('no provider is configured');
      continue;
    }
    try {
      const provider = await call.provider.get();
      const { output, used, backstop } = await runDirect(
        tool.run,
        call.input,
        providerSampler(provider),
        tool.preset,
        call.signal,
        memo,
        'provider',
      );
      const provenance = providerProvenance(era, used, backstop, reasonNow());
      return { result: successResult(call.toText(output as O), { ...(output as object), provenance }), used };
    } catch (error) {
      if (call.signal.aborted) throw error;
      notes.push(`the provider failed: ${await describeProviderFailure(error)}`);
    }
  }
  const tried = notes.length === 0 ? '' : ` Fallbacks: ${notes.join('; ')}.`;
  return { result: errorResult(`${describeFailure(failure)}${tried} ${CONFIGURE_HINT}`), used: [] };
}

/** The memo without the failed step and its repairs, so the provider path asks for them afresh. */
function withoutFailedStep(memo: Record<string, MemoEntry>, failure: SamplingFailure): Record<string, MemoEntry> {
  if (failure.reason !== 'invalid-output' || failure.key === undefined) return { ...memo };
  const key = failure.key;
  return Object.fromEntries(Object.entries(memo).filter(([name]) => name !== key && !name.startsWith(`${key}:repair-`)));
}

async function describeProviderFailure(error: unknown): Promise<string> {
  if (error instanceof SamplingFailure) return error.message;
  const { ProviderError, describeProviderError } = await import('@mcp-sampling/providers');
  if (error instanceof ProviderError) return describeProviderError(error);
  console.error('[fallback] unexpected provider error:', error);
  return error instanceof Error ? error.message : String(error);
}
