/**
 * The counts every report of a call gives (rounds, samples, models), in one place for the log
 * line, the span and the metrics: the result's provenance when it has one, else (an `isError`)
 * counted from the steps the call had answered.
 */
import type { CallReport } from './call-report.js';

/** The rounds, samples and models of a call: its provenance's, else (an `isError`) counted from its steps. */
export function countsOf(report: CallReport): { rounds: number; samples: number; models: string[] } {
  const { provenance, steps } = report;
  return {
    rounds: provenance?.rounds ?? steps.reduce((highest, step) => Math.max(highest, step.round), 0),
    samples: provenance?.samples ?? steps.length,
    models: provenance?.models ?? [...new Set(steps.map((step) => step.model))],
  };
}
