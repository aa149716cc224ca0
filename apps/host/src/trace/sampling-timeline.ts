/**
 * When each sampling request of a call arrived, was put to the approver, was decided on and was
 * settled: a `SamplingObserver` that only takes timestamps, so a traced call can be drawn as spans
 * once it has ended. It loads nothing; the OpenTelemetry side lives in call-tracer.ts.
 */
import type { ApprovalDecision } from '../approval.js';
import type { SamplingObserver } from '../sampling-handler.js';
import type { SamplingRecord } from '../transcript.js';

/** The moments of one request, in Unix milliseconds (fractional). */
export interface StepTimes {
  arrivedAt: number;
  /** When the approver was asked; absent when the request was refused before (budget, unsupported). */
  approvingAt?: number;
  /** When the approver answered. */
  decidedAt?: number;
  /** Whether a person decided (in the terminal prompt) rather than a policy. */
  askedPerson: boolean;
  settledAt?: number;
}

/** The current time in Unix milliseconds, finer than `Date.now()`. */
export function epochNow(): number {
  return performance.timeOrigin + performance.now();
}

/** Records the moments of every request it observes; read them back with `timesOf`. */
export class SamplingTimeline implements SamplingObserver {
  private readonly times = new WeakMap<SamplingRecord, StepTimes>();

  arrived(record: SamplingRecord): void {
    this.times.set(record, { arrivedAt: epochNow(), askedPerson: false });
  }

  approving(record: SamplingRecord): void {
    const times = this.times.get(record);
    if (times !== undefined) times.approvingAt = epochNow();
  }

  decided(record: SamplingRecord, decision: ApprovalDecision): void {
    const times = this.times.get(record);
    if (times === undefined) return;
    times.decidedAt = epochNow();
    times.askedPerson = decision.kind === 'edit' || decision.by === 'user';
  }

  settled(record: SamplingRecord): void {
    const times = this.times.get(record);
    if (times !== undefined) times.settledAt = epochNow();
  }

  /** The moments of `record`, if this timeline saw it arrive. */
  timesOf(record: SamplingRecord): StepTimes | undefined {
    return this.times.get(record);
  }
}
