/** The call's trace (placeholder until tracing lands). */
import type { CallReport } from './call-report.js';

export function traceCall(_report: CallReport): void {}
