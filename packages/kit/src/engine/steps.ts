/**
 * One step as the engine sees it, whichever path answers it: `prepare` checks the key, builds the
 * `sampling/createMessage` params and enforces "same key, same request" across replays; the step
 * table records what `run` used; `contextOf` builds the `s` that `run` receives. Both ways of
 * running a tool (replay.ts for 2026-07-28 rounds, run-direct.ts for in-process answers) share it.
 */
import type { CreateMessageRequestParams } from '@modelcontextprotocol/server';
import { fingerprintOf } from '../state/fingerprint.js';
import type { MemoEntry } from '../state/memo.js';
import type { SampleFunction, SampleRequest, SampleResult, SamplingContext } from '../tool/contract.js';
import { outcomeOf } from '../tool/failures.js';
import type { PresetName } from '../tool/presets.js';
import { toCreateMessageParams } from './request-params.js';
import { sampleJson } from './sample-json.js';

/** The `s` that `run` receives: `sample` as the caller's mode answers it, `sampleJson` on top of it. */
export function contextOf(signal: AbortSignal, sample: SampleFunction, table: StepTable): SamplingContext {
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

/** What one execution of `run` asked for and used. */
export interface StepTable {
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

/** A fresh table over `memo`, the steps answered so far. */
export function makeTable(memo: Record<string, MemoEntry>): StepTable {
  return { memo, used: new Set(), requested: new Map() };
}

/** Validates the key, builds params, and enforces "same key, same request" across rounds. */
export function prepare(table: StepTable, key: string, request: SampleRequest, preset: PresetName): PendingStep {
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
  const answered: MemoEntry[] = [];
  for (const key of table.used) {
    const entry = table.memo[key];
    if (entry !== undefined) answered.push(entry);
  }
  return answered;
}

/** What a settled `run` was built from: the answered steps, and the backstop if one decided. */
export function settledWith(table: StepTable): { used: MemoEntry[]; backstop?: string } {
  return { used: answeredSteps(table), ...(table.backstop !== undefined && { backstop: table.backstop }) };
}

/** The caller's view of a memo entry (without reading `requestHash`, which may be lazy). */
export function resultOf(entry: MemoEntry): SampleResult {
  return {
    text: entry.text,
    model: entry.model,
    ...(entry.stopReason !== undefined && { stopReason: entry.stopReason }),
    ...(entry.truncated === true && { truncated: true }),
  };
}
