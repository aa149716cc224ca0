/** The call's metrics (placeholder until metrics land). */
import type { CallReport } from './call-report.js';

export function countCall(_report: CallReport): void {}
