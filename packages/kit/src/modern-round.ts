/**
 * The 2026-07-28 path: one tool call is a series of wire rounds. Each round replays `run`: steps
 * answered in earlier rounds come from the memo in the signed `requestState`, steps answered in
 * this round come from `inputResponses`, and the round either finishes or returns `input_required`
 * with every step it is still waiting on. The server keeps nothing in memory between rounds, so
 * any replica that shares the state key can serve the next one.
 *
 * State is minted only when there is something to remember: the first `input_required` of a call
 * carries none, so a one-step call costs no signing at all.
 */
import { type InputRequiredResult, inputRequired, inputResponse, type ServerContext } from '@modelcontextprotocol/server';
import { type AnswerLookup, MAX_ROUNDS, replay, type SamplingContext } from './engine.js';
import { hostCannotSample, SamplingFailure } from './errors.js';
import type { PresetName } from './presets.js';
import { readReply } from './reply.js';
import { hashOf, type MemoEntry, type RoundState, type RoundStateSealer } from './request-state.js';

interface ModernRoundOptions<I, O> {
  toolName: string;
  /** The validated arguments: `run`'s input, and what the state is bound to. */
  input: I;
  run: (input: I, s: SamplingContext) => Promise<O>;
  preset: PresetName;
  ctx: ServerContext;
  sealer: RoundStateSealer;
  canSample: boolean;
}

/** Result of one wire round: the tool's output, or the `input_required` to send back. */
export type ModernRoundResult<O> =
  | { kind: 'done'; output: O; used: MemoEntry[] }
  | { kind: 'input'; result: InputRequiredResult }
  /** A step could not be done; `memo` holds the steps answered so far, for the fallback. */
  | { kind: 'failed'; failure: SamplingFailure; memo: Record<string, MemoEntry> };

export async function serveModernRound<I, O>(options: ModernRoundOptions<I, O>): Promise<ModernRoundResult<O>> {
  const { ctx, sealer } = options;
  // Binds state to this call: hashed only when there is state to open or seal.
  const callId = () => `${options.toolName}:${hashOf(options.input)}`;
  const state = await previousState(ctx, sealer, callId);

  let outcome: Awaited<ReturnType<typeof replay<I, O>>>;
  try {
    outcome = await replay(
      options.run,
      options.input,
      state.memo,
      options.preset,
      ctx.mcpReq.signal,
      answersOfThisRound(ctx, state),
    );
  } catch (error) {
    if (error instanceof SamplingFailure) return { kind: 'failed', failure: error, memo: state.memo };
    throw error;
  }
  if (outcome.kind === 'done') return outcome;

  if (!options.canSample) return { kind: 'failed', failure: hostCannotSample(), memo: state.memo };
  if (state.rounds >= MAX_ROUNDS) {
    throw new SamplingFailure('round-budget', `The call still needed steps after ${MAX_ROUNDS} rounds.`);
  }
  const inputRequests: Record<string, ReturnType<typeof inputRequired.createMessage>> = {};
  for (const [key, step] of outcome.pending) inputRequests[key] = inputRequired.createMessage(step.params);
  const rounds = state.rounds + 1;
  if (rounds === 1 && Object.keys(state.memo).length === 0) return { kind: 'input', result: inputRequired({ inputRequests }) };

  const pending: RoundState['pending'] = {};
  for (const [key, step] of outcome.pending) pending[key] = { requestHash: step.requestHash, maxTokens: step.params.maxTokens };
  const next: RoundState = { call: state.call || callId(), rounds, memo: state.memo, pending };
  return { kind: 'input', result: inputRequired({ inputRequests, requestState: await sealer.seal(next) }) };
}

/**
 * This round's answers. With state, only steps the state says were asked for, with the same
 * request, are accepted. Without state (the retry of a call's first round) an answer is taken
 * for a step `run` asks for now; it can only be an answer to that very request.
 */
function answersOfThisRound(ctx: ServerContext, state: RoundState): AnswerLookup {
  const responses = ctx.mcpReq.inputResponses;
  if (responses === undefined) return () => undefined;
  const checkAgainstState = state.call !== '';
  return (key, step) => {
    const asked = state.pending[key];
    if (checkAgainstState && (asked === undefined || asked.requestHash !== step.requestHash)) return undefined;
    const view = inputResponse(responses, key);
    if (view.kind !== 'sampling') return undefined;
    // The hash is read only if this entry is sealed into a later round's state.
    return Object.defineProperty({ ...readReply(key, view.result, step.params.maxTokens), round: state.rounds }, 'requestHash', {
      get: () => step.requestHash,
      enumerable: true,
    }) as MemoEntry;
  };
}

/**
 * The state echoed by the client, verified. Without one: a fresh state (with `call` unset) whose
 * round count is 1 when the client is answering the call's first round, else 0.
 */
async function previousState(ctx: ServerContext, sealer: RoundStateSealer, callId: () => string): Promise<RoundState> {
  const sealed = ctx.mcpReq.requestState();
  if (sealed === undefined) {
    const answering = ctx.mcpReq.inputResponses !== undefined;
    return { call: '', rounds: answering ? 1 : 0, memo: {}, pending: {} };
  }
  const state = await sealer.open(String(sealed), ctx);
  if (state.call !== callId()) {
    throw new SamplingFailure('state', 'The requestState echoed by the client belongs to a different tool call.');
  }
  return state;
}
