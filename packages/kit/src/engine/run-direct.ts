/**
 * Direct mode, the way of running a tool when a step can be answered in-process (a 2025-era
 * pushed request, or the server's own provider): `run` executes once, and each missing step is
 * handed to `fulfil` the moment it is asked for, so a `Promise.all` fan-out sends every request in
 * the same tick. Rounds are counted by dependency, so the count matches the 2026-07-28 rounds.
 */
import { setMaxListeners } from 'node:events';
import { type MemoEntry, memoEntry } from '../state/memo.js';
import { MAX_ROUNDS, type SampleResult, type SamplingContext } from '../tool/contract.js';
import { SamplingFailure } from '../tool/failures.js';
import type { PresetName } from '../tool/presets.js';
import { contextOf, makeTable, type PendingStep, prepare, resultOf, settledWith } from './steps.js';

/** Answers one step in-process (a pushed sampling request, or a direct provider call). */
export type Fulfil = (key: string, step: PendingStep, signal: AbortSignal) => Promise<SampleResult>;

/**
 * Runs `run` once, answering each missing step through `fulfil` as soon as it is asked for. Round
 * numbers follow dependencies: a step asked for after a round-k answer arrived belongs to round k+1.
 * The first failing step aborts its siblings. Each answer is remembered in `memo` as answered
 * `answeredBy` (the host, or the server's provider), with when it was asked and answered.
 */
export async function runDirect<I, O>(
  run: (input: I, s: SamplingContext) => Promise<O>,
  input: I,
  fulfil: Fulfil,
  preset: PresetName,
  outerSignal: AbortSignal,
  memo: Record<string, MemoEntry> = {},
  answeredBy: MemoEntry['by'] = 'host',
): Promise<{ output: O; used: MemoEntry[]; backstop?: string }> {
  const table = makeTable(memo);
  const abort = new AbortController();
  // Every in-flight step listens to this signal; a wide fan-out is expected, not a leak.
  setMaxListeners(0, abort.signal);
  const onOuterAbort = () => abort.abort(outerSignal.reason);
  outerSignal.addEventListener('abort', onOuterAbort, { once: true });
  const inFlight = new Map<string, Promise<SampleResult>>();
  let lastAnsweredRound = 0;

  const context = contextOf(
    abort.signal,
    (key, request) => {
      abort.signal.throwIfAborted();
      const step = prepare(table, key, request, preset);
      const entry = memo[key];
      if (entry !== undefined) {
        lastAnsweredRound = Math.max(lastAnsweredRound, entry.round);
        return Promise.resolve(resultOf(entry));
      }
      const existing = inFlight.get(key);
      if (existing !== undefined) return existing;
      const round = lastAnsweredRound + 1;
      if (round > MAX_ROUNDS) {
        throw new SamplingFailure('round-budget', `Step '${key}' would need round ${round}; the budget is ${MAX_ROUNDS}.`, key);
      }
      const askedAt = Date.now();
      const answer = fulfil(key, step, abort.signal).then(
        (result) => {
          memo[key] = memoEntry(result, {
            key,
            round,
            requestHash: step.requestHash,
            by: answeredBy,
            preset: step.preset,
            maxTokens: step.params.maxTokens,
            askedAt,
            answeredAt: Date.now(),
          });
          lastAnsweredRound = Math.max(lastAnsweredRound, round);
          return result;
        },
        (error: unknown) => {
          abort.abort(error);
          throw error;
        },
      );
      inFlight.set(key, answer);
      return answer;
    },
    table,
  );

  try {
    const output = await run(input, context);
    return { output, ...settledWith(table) };
  } finally {
    outerSignal.removeEventListener('abort', onOuterAbort);
  }
}
