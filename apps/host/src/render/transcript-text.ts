/**
 * The readable transcript of a call's sampling: one line per request, grouped by round, saying
 * which step asked for how many tokens, which model answered (or why none did) and how long it took.
 */
import type { Decision, SamplingRecord, Transcript } from '../transcript.js';
import type { Colors } from './colors.js';
import { clipLine, plural, wrapToWidth } from './text.js';

/**
 * Lines describing every round of `transcript` (empty when the call sampled nothing). With `width`
 * (the terminal's columns, see `terminalWidth`) a long line wraps, continuing under its request.
 */
export function transcriptLines(
  transcript: Transcript,
  c: Colors,
  options: { prompts?: boolean; width?: number } = {},
): string[] {
  if (transcript.records.length === 0) return [c.dim('No sampling requests.')];
  const lines = [
    c.bold(
      `Sampling: ${plural(transcript.records.length, 'request')} in ${plural(transcript.rounds, 'round')} from ${transcript.records[0]?.server}`,
    ),
  ];
  const keyWidth = Math.min(24, Math.max(8, ...transcript.records.map((record) => (record.key ?? '-').length)));
  for (let round = 1; round <= transcript.rounds; round += 1) {
    for (const record of transcript.inRound(round)) {
      lines.push(wrapToWidth(`  ${c.dim(`round ${round}`)}  ${recordLine(record, c, keyWidth)}`, options.width, ROUND_HANG));
      if (options.prompts) {
        lines.push(
          wrapToWidth(
            `             ${c.dim('system:')} ${clipLine(record.systemPrompt || '(none)', 100)}`,
            options.width,
            PROMPT_HANG,
          ),
        );
        const user = record.messages.findLast((message) => message.role === 'user')?.text ?? '';
        lines.push(wrapToWidth(`             ${c.dim('user:  ')} ${clipLine(user, 100)}`, options.width, PROMPT_HANG));
      }
    }
  }
  return lines;
}

/** Continuation lines start under the step key (after `round N  `) or under the prompt text. */
const ROUND_HANG = ' '.repeat(9);
const PROMPT_HANG = ' '.repeat(8);

/** One request on one line: key, maxTokens, tier, who answered, latency. */
export function recordLine(record: SamplingRecord, c: Colors, keyWidth = 12): string {
  const key = (record.key ?? '-').padEnd(keyWidth);
  const tokens =
    record.grantedMaxTokens < record.maxTokens
      ? `maxTokens ${record.grantedMaxTokens} (of ${record.maxTokens})`
      : `maxTokens ${record.maxTokens}`;
  const parts = [c.bold(key), tokens.padEnd(15), `${record.tier}${record.jsonSchema ? ', JSON' : ''}`.padEnd(14)];
  const outcome = record.outcome;
  if (outcome === undefined) parts.push(c.dim('pending'));
  else if (outcome.status === 'answered') {
    const who = outcome.answeredBy === 'offline' ? 'offline model' : outcome.answeredBy;
    parts.push(
      `${c.green('answered')} by ${c.bold(outcome.model)} (${who}, ${describeDecision(record.decision)}) in ${outcome.latencyMs} ms`,
    );
  } else if (outcome.status === 'declined') parts.push(`${c.yellow('declined')}: ${outcome.reason}`);
  else if (outcome.status === 'cancelled') parts.push(c.dim('cancelled before it was answered'));
  else parts.push(`${c.red('failed')}: ${clipLine(outcome.error, 160)}`);
  return parts.join('  ');
}

/** `approved automatically`, `edited by the user`, … */
export function describeDecision(decision: Decision): string {
  switch (decision) {
    case 'approved-auto':
      return 'approved automatically';
    case 'approved-by-user':
      return 'approved by the user';
    case 'edited-by-user':
      return 'edited by the user';
    case 'denied-by-user':
      return 'denied by the user';
    case 'denied-by-policy':
      return 'denied by policy';
    case 'over-budget':
      return 'over budget';
    case 'pending':
      return 'pending';
  }
}
