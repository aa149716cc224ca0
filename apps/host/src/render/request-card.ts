/**
 * One sampling request, shown to the person who approves it: which server, which step, the model
 * it would go to and why, every parameter, whether a JSON Schema is attached, the system prompt and
 * every message. Long messages are clipped for the screen; the model receives them whole.
 */
import type { ModelPreferences } from '@modelcontextprotocol/client';
import type { SamplingRecord } from '../transcript.js';
import type { Colors } from './colors.js';
import { clip, indent, thousands } from './text.js';

/** How much of each message a card shows. */
export const CARD_MESSAGE_CHARS = 1200;

/** The full card for one request, several lines, no trailing newline. */
export function requestCard(record: SamplingRecord, c: Colors, messageChars = CARD_MESSAGE_CHARS): string {
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
  return lines.join('\n');
}

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
