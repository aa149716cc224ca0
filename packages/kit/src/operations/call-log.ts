/**
 * The call's log lines, built from its report with only whitelisted fields (names, codes, counts,
 * models and times; never the user's text, the model's text, `_meta` or a free-text reason):
 * - `tools/call {tool}` per finished call: `info`, `warn` when the result is an `isError`, `error`
 *   when a bug ended it (an unexpected exception, the round budget, refused state);
 * - at `debug`, before it, `step {key}` per step the result was built from;
 * - at `debug`, `round {r}` per 2026-07-28 round that asked the host for more.
 */
import { STEP_METADATA_KEY } from '../tool/request-metadata.js';
import { countsOf } from './call-counts.js';
import type { CallReport, RoundReport } from './call-report.js';
import { type LineLevel, lineDue, writeLine } from './log-writer.js';

/** Reasons that mean a bug or a broken deployment rather than a host that could not help: logged as errors. */
const ERROR_REASONS: ReadonlySet<string> = new Set(['internal', 'round-budget', 'state']);

/** A reason code as the report gives it (`declined`, `round-budget`); anything else is not logged as is. */
const REASON_CODE = /^[a-z][a-z0-9-]{0,39}$/;

/** Longest model id a line carries: a host names its model, and a hostile one could name it at length. */
const MODEL_MAX_CHARS = 100;

/** Logs a finished call: its steps at `debug`, then its one line. */
export function logCall(report: CallReport): void {
  const reason = report.reason === undefined || REASON_CODE.test(report.reason) ? report.reason : 'other';
  const level: LineLevel =
    report.outcome === 'ok' ? 'info' : reason !== undefined && ERROR_REASONS.has(reason) ? 'error' : 'warn';
  if (!lineDue(level)) return;
  if (lineDue('debug')) {
    for (const step of report.steps) {
      writeLine('debug', `step ${step.key}`, {
        tool: report.tool,
        key: step.key,
        round: step.round,
        preset: step.preset,
        maxTokens: step.maxTokens,
        waitMs: step.answeredAt - step.askedAt,
        answeredBy: step.by,
        model: shortModel(step.model),
      });
    }
  }
  const provenance = report.provenance;
  const counts = countsOf(report);
  writeLine(level, `tools/call ${report.tool}`, {
    tool: report.tool,
    era: report.era,
    transport: report.transport,
    path: provenance?.path,
    reason,
    rounds: counts.rounds,
    samples: counts.samples,
    models: counts.models.map(shortModel),
    durationMs: report.endedAt - report.startedAt,
    outcome: report.outcome,
  });
}

/** Logs, at `debug`, a 2026-07-28 round that asked the host for more: the keys it asked for. */
export function logRound(report: RoundReport): void {
  if (!lineDue('debug')) return;
  writeLine('debug', `round ${report.round}`, {
    tool: report.tool,
    round: report.round,
    asked: report.asked.map((step) => String(step.params.metadata?.[STEP_METADATA_KEY] ?? '')),
  });
}

function shortModel(model: string): string {
  return model.length > MODEL_MAX_CHARS ? `${model.slice(0, MODEL_MAX_CHARS - 1)}…` : model;
}
