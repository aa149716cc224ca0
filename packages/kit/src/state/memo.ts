/**
 * The memo: every answered step of one tool call, by key. The engine reads it before asking for a
 * step; on 2026-07-28 it travels between rounds inside the signed `requestState`, and when a call
 * falls back midway the provider path reuses it, so no step is paid for twice. Each entry also
 * keeps who answered and when, so a call's log line and trace can be written when it ends, in
 * either era, without the server keeping anything between rounds.
 */
import type { SampleResult } from '../tool/contract.js';
import type { PresetName } from '../tool/presets.js';

/** A finished step as remembered between rounds. */
export interface MemoEntry extends SampleResult {
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

/** An answered step a result was built from, with its key. */
export interface UsedStep extends MemoEntry {
  key: string;
}
