/**
 * One sampling request, shown to the person who approves it: which server, which step, the model
 * it would go to and why, every parameter, whether a JSON Schema is attached, the system prompt and
 * every message. Long messages are clipped for the screen; the model receives them whole. On a
 * terminal of known width, long lines wrap with their indent.
 */
import type { ModelPreferences } from '@modelcontextprotocol/client';
import type { SamplingRecord } from '../transcript.js';
import type { Colors } from './colors.js';
import { clip, indent, thousands, wrapToWidth } from './text.js';

/** How much of each message a card shows. */
export const CARD_MESSAGE_CHARS = 1200;

/**
 * The full card for one request, several lines, no trailing newline. With `width` (the terminal's
 * columns, see `terminalWidth`) every line fits it; without, lines are as long as their text.
 */
export function requestCard(record: SamplingRecord, c: Colors, messageChars = CARD_MESSAGE_CHARS, width?: number): string {
  const label = (text: string) => c.dim(text.padEnd(13));
  const heading = [
    c.bold(`Sampling request ${record.seq}`),
    `from ${c.cyan(record.server)}`,
    `round ${record.round}`,
    record.key === undefined ? c.dim('no step key') : `step ${c.bold(record.key)}`,
  ].join(c.dim(' · '));
  const tokens =
    record.grantedMaxTokens < record.maxTokens
      ? `${record.grantedMaxTokens} ${c.yellow(`(clamped from ${record.maxTokens} by --max-tokens-per-request)`)}`
      : String(record.maxTokens);
  const lines = [
    `${c.magenta('◆')} ${heading}`,
    `  ${label('model')}${record.tier} ${c.dim(`(${record.tierReason})`)} → ${c.bold(record.plannedModel)}`,
    `  ${label('maxTokens')}${tokens}${record.temperature === undefined ? '' : `   ${c.dim('temperature')} ${record.temperature}`}`,
    `  ${label('preferences')}${describePreferences(record.modelPreferences)}`,
    `  ${label('JSON Schema')}${record.jsonSchema ? 'attached: the answer must match it' : 'none'}`,
    `  ${c.dim('system prompt')}`,
    indent(record.systemPrompt === '' ? c.dim('(none)') : clip(record.systemPrompt, messageChars * 2), '    '),
  ];
  for (const message of record.messages) {
    lines.push(`  ${c.dim(`${message.role} message`)} ${c.dim(`(${thousands(message.text.length)} characters)`)}`);
    lines.push(indent(clip(message.text, messageChars), '    '));
  }
  // A labelled line continues under its value; message text under its own indent.
  return lines.map((line) => wrapToWidth(line, width, /^ {2}\S/.test(line) ? LABEL_HANG : '')).join('\n');
}

const LABEL_HANG = ' '.repeat(13);

/** `hints haiku, mini, flash · cost 0.8 · speed 0.9 · intelligence 0.2`, or `none`. */
export function describePreferences(preferences: ModelPreferences | undefined): string {
  if (preferences === undefined) return 'none';
  const parts: string[] = [];
  const hints = (preferences.hints ?? []).map((hint) => hint.name).filter((name) => name !== undefined);
  if (hints.length > 0) parts.push(`hints ${hints.join(', ')}`);
  if (preferences.costPriority !== undefined) parts.push(`cost ${preferences.costPriority}`);
  if (preferences.speedPriority !== undefined) parts.push(`speed ${preferences.speedPriority}`);
  if (preferences.intelligencePriority !== undefined) parts.push(`intelligence ${preferences.intelligencePriority}`);
  return parts.length > 0 ? parts.join(' · ') : 'none';
}
