/** The call's log line (placeholder until structured logging lands). */
import type { CallReport, RoundReport } from './call-report.js';

export function logCall(_report: CallReport): void {}

export function logRound(_report: RoundReport): void {}
