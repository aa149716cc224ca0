/**
 * The call's metrics: calls by tool, path and outcome; rounds per call; the time each step waited
 * for its answer; calls the host's model did not finish, by reason. Instruments come from the
 * global meter provider of the moment: the API has no proxy for meters, and a bin registers its
 * provider after the kit has loaded, so they are made again whenever that provider changes.
 */
import { type Counter, createNoopMeter, type Histogram, type MeterProvider, metrics } from '@opentelemetry/api';
import { MAX_ROUNDS } from '../tool/contract.js';
import { countsOf } from './call-counts.js';
import type { CallReport } from './call-report.js';
import { TELEMETRY_SCOPE } from './call-trace.js';

interface Instruments {
  provider: MeterProvider;
  /** True for the API's no-op meter (no provider registered): then nothing is recorded or built. */
  noop: boolean;
  calls: Counter;
  rounds: Histogram;
  stepDuration: Histogram;
  fallbacks: Counter;
}

/** Bucket bounds of the step duration, in seconds: those the GenAI conventions give for a model call. */
const STEP_SECONDS_BOUNDS = [
  0.01, 0.02, 0.04, 0.08, 0.16, 0.32, 0.64, 1.28, 2.56, 5.12, 10.24, 20.48, 40.96, 81.92, 163.84, 327.68,
];

let instruments: Instruments | undefined;

/** The counter the API's no-op meter hands out: one shared object, so recognisable by identity. */
const NOOP_COUNTER = createNoopMeter().createCounter('noop');

/** The instruments of the global meter provider registered now (a no-op one when none is). */
function current(): Instruments {
  const provider = metrics.getMeterProvider();
  if (instruments?.provider === provider) return instruments;
  const meter = provider.getMeter(TELEMETRY_SCOPE);
  const calls = meter.createCounter('mcp_sampling.calls', { description: 'Finished tool calls.', unit: '{call}' });
  instruments = {
    provider,
    noop: calls === NOOP_COUNTER,
    calls,
    rounds: meter.createHistogram('mcp_sampling.call.rounds', {
      description: 'Sampling rounds a finished tool call took.',
      unit: '{round}',
      advice: { explicitBucketBoundaries: Array.from({ length: MAX_ROUNDS + 1 }, (_, round) => round) },
    }),
    stepDuration: meter.createHistogram('mcp_sampling.step.duration', {
      description: 'Time from asking for a language step to its answer.',
      unit: 's',
      advice: { explicitBucketBoundaries: STEP_SECONDS_BOUNDS },
    }),
    fallbacks: meter.createCounter('mcp_sampling.fallbacks', {
      description: "Tool calls the host's model did not finish, by reason.",
      unit: '{call}',
    }),
  };
  return instruments;
}

/** Records one finished call on the kit's four instruments. */
export function countCall(report: CallReport): void {
  const { noop, calls, rounds, stepDuration, fallbacks } = current();
  if (noop) return;
  const tool = { 'mcp_sampling.tool': report.tool };
  calls.add(1, {
    ...tool,
    ...(report.provenance !== undefined && { 'mcp_sampling.path': report.provenance.path }),
    'mcp_sampling.outcome': report.outcome,
  });
  rounds.record(countsOf(report).rounds, tool);
  for (const step of report.steps) {
    stepDuration.record(Math.max(0, step.answeredAt - step.askedAt) / 1000, { ...tool, 'mcp_sampling.answered_by': step.by });
  }
  if (report.reason !== undefined) fallbacks.add(1, { ...tool, 'mcp_sampling.fallback.reason': report.reason });
}
