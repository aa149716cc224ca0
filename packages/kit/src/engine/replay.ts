/**
 * Replay mode, the 2026-07-28 way of running a tool: `run` executes from the top against the memo.
 * Finished steps return at once; a missing step is recorded as pending and never resolves. When
 * `run` settles, or stalls waiting only on pending steps, the round is over and every pending step
 * goes to the host together (a `Promise.all` fan-out is one round). `run` must be deterministic
 * given its samples, because it is replayed once per round.
 */
import type { MemoEntry } from '../state/memo.js';
import type { SamplingContext } from '../tool/contract.js';
import type { PresetName } from '../tool/presets.js';
import { contextOf, makeTable, type PendingStep, prepare, resultOf, settledWith } from './steps.js';

/** What one replay of `run` came to. */
export type ReplayOutcome<O> =
  | { kind: 'done'; output: O; used: MemoEntry[]; backstop?: string }
  | { kind: 'waiting'; pending: Map<string, PendingStep> };

/** Looks up this round's answer to a step the memo lacks; the engine stores what it returns. */
export type AnswerLookup = (key: string, step: PendingStep) => MemoEntry | undefined;

/**
 * Replays `run` against the memo. A step the memo lacks is first looked up among this round's
 * answers (`answerOf`); one still unanswered becomes pending. Resolves `done` when `run` settles,
 * `waiting` when it is blocked only on pending steps. `run`'s own errors reject.
 */
export async function replay<I, O>(
  run: (input: I, s: SamplingContext) => Promise<O>,
  input: I,
  memo: Record<string, MemoEntry>,
  preset: PresetName,
  signal: AbortSignal,
  answerOf: AnswerLookup = () => undefined,
): Promise<ReplayOutcome<O>> {
  const table = makeTable(memo);
  const pending = new Map<string, PendingStep>();
  let wake: () => void = () => {};
  const context = contextOf(
    signal,
    (key, request) => {
      signal.throwIfAborted();
      const step = prepare(table, key, request, preset);
      const entry = memo[key] ?? answerOf(key, step);
      if (entry !== undefined) {
        memo[key] = entry;
        return Promise.resolve(resultOf(entry));
      }
      pending.set(key, step);
      wake();
      return new Promise<never>(() => {}); // answered in a later round, by a replay
    },
    table,
  );

  let settled = false;
  let failure: { error: unknown } | undefined;
  let output: O | undefined;
  const running = run(input, context).then(
    (value) => {
      settled = true;
      output = value;
    },
    (error: unknown) => {
      settled = true;
      failure = { error };
    },
  );

  while (!settled) {
    // Every microtask chain (memo hits, sibling branches) runs to its end before this resumes.
    await microtasksDrained();
    if (settled) break;
    if (pending.size > 0) return { kind: 'waiting', pending };
    // `run` awaits something outside the kit; wait for it to settle or ask for a step.
    await Promise.race([running, new Promise<void>((resolve) => (wake = resolve))]);
  }
  if (failure !== undefined) throw failure.error;
  return { kind: 'done', output: output as O, ...settledWith(table) };
}

/**
 * Resolves once the microtask queue has run empty, including every microtask queued meanwhile:
 * Node runs `process.nextTick` callbacks only after the queue is drained. Unlike a `setImmediate`
 * turn, it does not wait for the event loop to come round (and to poll for I/O).
 */
function microtasksDrained(): Promise<void> {
  return new Promise((resolve) => process.nextTick(resolve));
}
