/**
 * The 2026-07-28 path: one tool call is a series of wire rounds. Each round replays `run`: steps
 * answered in earlier rounds come from the memo in the signed `requestState`, steps answered in
 * this round come from `inputResponses`, and the round either finishes or returns `input_required`
 * with every step it is still waiting on. The server keeps nothing in memory between rounds, so
 * any replica that shares the state key can serve the next one.
 *
 * Every `input_required` carries state, from round 1 on: bound to the tool and (through its MAC) to
 * the arguments, with the steps it asks for (key and request hash). A retry is answered only for those
 * steps; answers that arrive without state are ignored, so such a request is a call's first and
 * gets round 1 again. The state was verified before the tool ran (state-gate.ts): refused state
 * never reaches this file.
 */
import { type InputRequiredResult, inputRequired, inputResponse, type ServerContext } from '@modelcontextprotocol/server';
import { readReply } from '../../engine/read-reply.js';
import { type AnswerLookup, replay } from '../../engine/replay.js';
import type { PendingStep } from '../../engine/steps.js';
import { type MemoEntry, memoEntry } from '../../state/memo.js';
import type { RoundState, RoundStateSealer } from '../../state/round-state.js';
import { MAX_ROUNDS, type SamplingContext } from '../../tool/contract.js';
import { hostCannotSample, SamplingFailure } from '../../tool/failures.js';
import type { PresetName } from '../../tool/presets.js';
import { takeGatedCall } from './state-gate.js';

interface ModernRoundOptions<I, O> {
  toolName: string;
  /** The validated arguments: `run`'s input. */
  input: I;
  run: (input: I, s: SamplingContext) => Promise<O>;
  preset: PresetName;
  ctx: ServerContext;
  sealer: RoundStateSealer;
  canSample: boolean;
}

/** Result of one wire round: the tool's output, or the `input_required` to send back. */
export type ModernRoundResult<O> =
  | { kind: 'done'; output: O; used: MemoEntry[]; backstop?: string; startedAt: number }
  | { kind: 'input'; result: InputRequiredResult; round: number; asked: PendingStep[]; startedAt: number }
  /** A step could not be done; `memo` holds the steps answered so far, for the fallback. */
  | { kind: 'failed'; failure: SamplingFailure; memo: Record<string, MemoEntry>; startedAt: number };

/** Serves one wire round of a 2026-07-28 tool call: replay `run`, then finish, fail, or ask for the pending steps. */
export async function serveModernRound<I, O>(options: ModernRoundOptions<I, O>): Promise<ModernRoundResult<O>> {
  const { ctx, sealer } = options;
  const gate = takeGatedCall(ctx);
  if (gate === undefined) throw new Error(`The requestState gate did not see this call of '${options.toolName}'.`);
  const arrivedAt = Date.now();
  const state: RoundState = gate.state ?? {
    tool: gate.tool,
    rounds: 0,
    memo: {},
    pending: {},
    startedAt: arrivedAt,
    askedAt: arrivedAt,
  };
  const { startedAt } = state;

  let outcome: Awaited<ReturnType<typeof replay<I, O>>>;
  try {
    outcome = await replay(
      options.run,
      options.input,
      state.memo,
      options.preset,
      ctx.mcpReq.signal,
      answersOfThisRound(ctx, state, arrivedAt),
    );
  } catch (error) {
    if (error instanceof SamplingFailure) return { kind: 'failed', failure: error, memo: state.memo, startedAt };
    throw error;
  }
  if (outcome.kind === 'done') return { ...outcome, startedAt };

  if (!options.canSample) return { kind: 'failed', failure: hostCannotSample(), memo: state.memo, startedAt };
  if (state.rounds >= MAX_ROUNDS) {
    throw new SamplingFailure('round-budget', `The call still needed steps after ${MAX_ROUNDS} rounds.`);
  }
  const inputRequests: Record<string, ReturnType<typeof inputRequired.createMessage>> = {};
  const pending: RoundState['pending'] = {};
  for (const [key, step] of outcome.pending) {
    inputRequests[key] = inputRequired.createMessage(step.params);
    pending[key] = { requestHash: step.requestHash, maxTokens: step.params.maxTokens };
  }
  const round = state.rounds + 1;
  const next: RoundState = { tool: state.tool, rounds: round, memo: state.memo, pending, startedAt, askedAt: Date.now() };
  const result = inputRequired({ inputRequests, requestState: sealer.seal(next, gate.boundTo) });
  return { kind: 'input', result, round, asked: [...outcome.pending.values()], startedAt };
}

/**
 * This round's answers: only for steps the verified state says were asked for. Without state (a
 * call's first request) nothing was asked, so nothing is accepted. A step asked for again with a
 * different request breaks the determinism rule and fails the call.
 */
function answersOfThisRound(ctx: ServerContext, state: RoundState, arrivedAt: number): AnswerLookup {
  const responses = ctx.mcpReq.inputResponses;
  if (responses === undefined) return () => undefined;
  return (key, step) => {
    const asked = state.pending[key];
    if (asked === undefined) return undefined;
    // The state is bound to these arguments, so a different request can only come from `run`.
    if (asked.requestHash !== step.requestHash) {
      throw new Error(`Step '${key}' was asked for with a different request than before: run() must be deterministic.`);
    }
    const view = inputResponse(responses, key);
    if (view.kind !== 'sampling') return undefined;
    return memoEntry(readReply(key, view.result, step.params.maxTokens), {
      key,
      round: state.rounds,
      requestHash: asked.requestHash,
      by: 'host',
      preset: step.preset,
      maxTokens: step.params.maxTokens,
      askedAt: state.askedAt,
      answeredAt: arrivedAt,
    });
  };
}
