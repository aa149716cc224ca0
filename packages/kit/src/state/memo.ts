/**
 * The memo: every answered step of one tool call, by key. The engine reads it before asking for a
 * step; on 2026-07-28 it travels between rounds inside the signed `requestState`, and when a call
 * falls back midway the provider path reuses it, so no step is paid for twice.
 */
import type { SampleResult } from '../tool/contract.js';

/** A finished step as remembered between rounds. */
export interface MemoEntry extends SampleResult {
  /** The round in which the step was sampled (1-based). */
  round: number;
  /** Hash of the request that produced it: replays must ask for exactly the same thing. */
  requestHash: string;
}
