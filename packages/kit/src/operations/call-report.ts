/**
 * What the kit tells the people who run a server: one report per finished tool call (and, on
 * 2026-07-28, one per round that asked the host for more), written from the call's record when it
 * ends, to the log (call-log.ts), the trace (call-trace.ts) and the metrics (call-metrics.ts). A
 * report names tools, paths, models, counts and times; it never holds the user's text, the model's
 * text, a key or a token. Telemetry never changes or fails a call: a sink that throws is ignored.
 */
import type { Era } from '../call/host-capabilities.js';
import type { Provenance } from '../call/provenance.js';
import type { PendingStep } from '../engine/steps.js';
import type { MemoEntry } from '../state/memo.js';
import { logCall, logRound } from './call-log.js';
import { countCall } from './call-metrics.js';
import { traceCall } from './call-trace.js';

/** How the request reached the server: a Streamable HTTP request, or a stream (stdio, or in memory). */
export type Transport = 'http' | 'stdio';

/** One finished tool call. */
export interface CallReport {
  tool: string;
  era: Era;
  transport: Transport;
  /** When the call started and ended (Unix ms); on 2026-07-28 from its first round to its last. */
  startedAt: number;
  endedAt: number;
  /** `error` when the result is an `isError`. */
  outcome: 'ok' | 'error';
  /** The result's provenance (path, models, rounds, samples); absent on an `isError`. */
  provenance?: Provenance;
  /**
   * Why the host did not answer, as a code (`declined`, `invalid-output`, `timeout`, …), or
   * `internal` when the call ended on an unexpected exception (a bug in the tool or the kit).
   */
  reason?: string;
  /** The answered steps the result was built from, with who answered each and when. */
  steps: MemoEntry[];
  /** The request's `_meta`: a W3C `traceparent` there continues the caller's trace. */
  meta?: Record<string, unknown>;
}

/** One 2026-07-28 round that ended by asking the host for more steps. */
export interface RoundReport {
  tool: string;
  transport: Transport;
  /** The round's number (1-based) and when the call's first round started (Unix ms). */
  round: number;
  startedAt: number;
  /** The steps the round asks the host for. */
  asked: PendingStep[];
}

/** Reports a finished call to the log, the trace and the metrics. */
export function reportCall(report: CallReport): void {
  ignoringFailures(() => logCall(report));
  ignoringFailures(() => traceCall(report));
  ignoringFailures(() => countCall(report));
}

/** Reports a 2026-07-28 round that asked for more (a `debug` log line; the trace is written when the call ends). */
export function reportRound(report: RoundReport): void {
  ignoringFailures(() => logRound(report));
}

function ignoringFailures(write: () => void): void {
  try {
    write();
  } catch {
    // Telemetry must not fail a call that succeeded.
  }
}
