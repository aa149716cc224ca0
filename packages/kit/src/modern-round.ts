/**
 * The 2026-07-28 path: one tool call is a series of wire rounds. Each round replays `run` against
 * the steps answered so far (carried in a signed `requestState`), and either finishes or returns
 * `input_required` with every step the round is waiting on. The server keeps nothing in memory
 * between rounds, so any replica that shares the state key can serve the next one.
 */
import { type InputRequiredResult, inputRequired, inputResponse, type ServerContext } from '@modelcontextprotocol/server';
import { MAX_ROUNDS, replay, type SamplingContext } from './engine.js';
import { SamplingFailure } from './errors.js';
import type { PresetName } from './presets.js';
import { readReply } from './reply.js';
import { hashOf, type MemoEntry, type RoundState, type RoundStateSealer } from './request-state.js';

interface ModernRoundOptions<I, O> {
  toolName: string;
  args: unknown;
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
  | { kind: 'input'; result: InputRequiredResult };

export async function serveModernRound<I, O>(options: ModernRoundOptions<I, O>): Promise<ModernRoundResult<O>> {
  const { ctx, sealer } = options;
  const call = `${options.toolName}:${hashOf(options.args)}`;
  const state = await previousState(ctx, sealer, call);

  // Only answers to steps this server asked for (per the signed state) are accepted.
  for (const [key, asked] of Object.entries(state.pending)) {
    const view = inputResponse(ctx.mcpReq.inputResponses, key);
    if (view.kind !== 'sampling') continue;
    const result = readReply(key, view.result, asked.maxTokens);
    state.memo[key] = { ...result, round: state.rounds, requestHash: asked.requestHash };
  }

  const outcome = await replay(options.run, options.input, state.memo, options.preset, ctx.mcpReq.signal);
  if (outcome.kind === 'done') return outcome;

  if (!options.canSample) {
    throw new SamplingFailure('no-capability', 'This tool needs the host to sample, and the host did not declare sampling.');
  }
  if (state.rounds >= MAX_ROUNDS) {
    throw new SamplingFailure('round-budget', `The call still needed steps after ${MAX_ROUNDS} rounds.`);
  }
  const next: RoundState = { call, rounds: state.rounds + 1, memo: state.memo, pending: {} };
  const inputRequests: Record<string, ReturnType<typeof inputRequired.createMessage>> = {};
  for (const [key, step] of outcome.pending) {
    next.pending[key] = { requestHash: step.requestHash, maxTokens: step.params.maxTokens };
    inputRequests[key] = inputRequired.createMessage(step.params);
  }
  return { kind: 'input', result: inputRequired({ inputRequests, requestState: await sealer.seal(next) }) };
}

async function previousState(ctx: ServerContext, sealer: RoundStateSealer, call: string): Promise<RoundState> {
  const sealed = ctx.mcpReq.requestState();
  if (sealed === undefined) return { call, rounds: 0, memo: {}, pending: {} };
  const state = await sealer.open(String(sealed), ctx);
  if (state.call !== call) {
    throw new SamplingFailure('state', 'The requestState echoed by the client belongs to a different tool call.');
  }
  return state;
}
