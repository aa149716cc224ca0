/**
 * The memo: every answered step of one tool call, by key. The engine reads it before asking for a
 * step; on 2026-07-28 it travels between rounds inside the signed `requestState`, and when a call
 * falls back midway the provider path reuses it, so no step is paid for twice. Each entry also
 * keeps who answered and when, so a call's log line and trace can be written when it ends, in
 * either era, without the server keeping anything between rounds.
 */
import type { SampleResult } from '../tool/contract.js';
import type { PresetName } from '../tool/presets.js';

/** How a step was asked for and answered: everything a memo entry holds besides the answer. */
export interface StepRecord {
  /** The step's key, as `run` named it. */
  key: string;
  /** The round in which the step was sampled (1-based). */
  round: number;
  /** Hash of the request that produced it: replays must ask for exactly the same thing. */
  requestHash: string;
  /** Who answered: the host's model, or the server's own provider. */
  by: 'host' | 'provider';
  /** The step's preset and token limit, as asked. */
  preset: PresetName;
  maxTokens: number;
  /** When the step was asked for, and when its answer arrived (Unix time in milliseconds). */
  askedAt: number;
  answeredAt: number;
}

/** A finished step as remembered between rounds: its answer and its record. */
export interface MemoEntry extends SampleResult, StepRecord {}

/**
 * The memo entry of `answer` to the step `record` describes. Every entry is built here with the
 * same fields in the same order: a call's entries are read on every round and by every report, and
 * objects of one shape keep those reads fast.
 */
export function memoEntry(answer: SampleResult, record: StepRecord): MemoEntry {
  return {
    key: record.key,
    text: answer.text,
    model: answer.model,
    stopReason: answer.stopReason,
    truncated: answer.truncated,
    round: record.round,
    requestHash: record.requestHash,
    by: record.by,
    preset: record.preset,
    maxTokens: record.maxTokens,
    askedAt: record.askedAt,
    answeredAt: record.answeredAt,
  };
}
