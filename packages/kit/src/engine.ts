/**
 * The step engine: runs a tool's `run(input, s)` and decides what each `s.sample(key, …)` does.
 *
 * - Replay mode (2026-07-28): finished steps come from the memo; a missing step is recorded as
 *   pending and never resolves. When `run` settles or stalls on pending steps, the round is over
 *   and every pending step goes to the host together.
 * - Direct mode (2025 push, and any sampler that answers in-process): a missing step is handed to
 *   `fulfil` at once, so a `Promise.all` fan-out sends every request in the same tick.
 *
 * Either way the same `run` code executes, and `run` must be deterministic given its samples.
 */
import { setMaxListeners } from 'node:events';
import type { CreateMessageRequestParams } from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';
import { toCreateMessageParams } from './request-params.js';
import { sampleJson } from './sample-json.js';
import { fingerprintOf } from './state/fingerprint.js';
import type { MemoEntry } from './state/memo.js';
import { MAX_ROUNDS, type SampleFunction, type SampleRequest, type SampleResult, type SamplingContext } from './tool/contract.js';
import { outcomeOf, SamplingFailure } from './tool/failures.js';
import type { PresetName } from './tool/presets.js';

function contextOf(signal: AbortSignal, sample: SampleFunction, table: StepTable): SamplingContext {
  return {
    signal,
    sample,
    sampleJson: (key, schema, request) => sampleJson(sample, key, schema, request),
    decidedWithoutModel: (failure, how) => {
      table.backstop = `${outcomeOf(failure) ?? failure.reason}: ${failure.message} ${how}`;
    },
  };
}

/** A step the engine could not answer from the memo. */
export interface PendingStep {
  params: CreateMessageRequestParams;
  /** The step's preset (its own, else the tool's): what a direct provider maps to a model. */
  preset: PresetName;
  /** Hash of `params`, computed on first read (most rounds never need it). */
  readonly requestHash: string;
}

interface StepTable {
  memo: Record<string, MemoEntry>;
  /** Keys `run` touched in this execution, in order: the steps that make up the result. */
  used: Set<string>;
  requested: Map<string, PendingStep>;
  /** Why `run` settled without the model, when it said so (`decidedWithoutModel`). */
  backstop?: string;
}

function stepOf(params: CreateMessageRequestParams, preset: PresetName): PendingStep {
  let hash: string | undefined;
  return {
    params,
    preset,
    get requestHash() {
      hash ??= fingerprintOf(params);
      return hash;
    },
  };
}

function makeTable(memo: Record<string, MemoEntry>): StepTable {
  return { memo, used: new Set(), requested: new Map() };
}

/** Validates the key, builds params, and enforces "same key, same request" across rounds. */
function prepare(table: StepTable, key: string, request: SampleRequest, preset: PresetName): PendingStep {
  if (!/^[A-Za-z0-9_.:-]{1,64}$/.test(key)) {
    throw new TypeError(`Step key ${JSON.stringify(key)} must be 1-64 characters of letters, digits, _ . : -`);
  }
  const step = stepOf(toCreateMessageParams(key, request, preset), request.preset ?? preset);
  const earlier = table.requested.get(key)?.requestHash ?? table.memo[key]?.requestHash;
  if (earlier !== undefined && earlier !== step.requestHash) {
    throw new Error(`Step '${key}' was asked for with a different request than before: run() must be deterministic.`);
  }
  table.requested.set(key, step);
  table.used.add(key);
  return step;
}

/** The steps `run` used that have an answer (a step whose failure `run` caught has none). */
function answeredSteps(table: StepTable): MemoEntry[] {
  return [...table.used].flatMap((key) => {
    const entry = table.memo[key];
    return entry === undefined ? [] : [entry];
  });
}

/** What a settled `run` was built from: the answered steps, and the backstop if one decided. */
function settledWith(table: StepTable): { used: MemoEntry[]; backstop?: string } {
  return { used: answeredSteps(table), ...(table.backstop !== undefined && { backstop: table.backstop }) };
}

/** The caller's view of a memo entry (without reading `requestHash`, which may be lazy). */
function resultOf(entry: MemoEntry): SampleResult {
  return {
    text: entry.text,
    model: entry.model,
    ...(entry.stopReason !== undefined && { stopReason: entry.stopReason }),
    ...(entry.truncated === true && { truncated: true }),
  };
}

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

/** Answers one step in-process (a pushed sampling request, or a direct provider call). */
export type Fulfil = (key: string, step: PendingStep, signal: AbortSignal) => Promise<SampleResult>;

/**
 * Runs `run` once, answering each missing step through `fulfil` as soon as it is asked for. Round
 * numbers follow dependencies: a step asked for after a round-k answer arrived belongs to round k+1.
 * The first failing step aborts its siblings.
 */
export async function runDirect<I, O>(
  run: (input: I, s: SamplingContext) => Promise<O>,
  input: I,
  fulfil: Fulfil,
  preset: PresetName,
  outerSignal: AbortSignal,
  memo: Record<string, MemoEntry> = {},
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
      const answer = fulfil(key, step, abort.signal).then(
        (result) => {
          memo[key] = { ...result, round, requestHash: step.requestHash };
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
