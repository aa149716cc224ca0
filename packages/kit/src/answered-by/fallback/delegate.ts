/**
 * The `delegate` fallback action (opt-in): when no model can do a step, hand the prepared step
 * back to the host's own model as instructions, clearly marked, in place of the tool's answer.
 * Useful for a keyless setup in a host that cannot sample (Claude Desktop): its model does the
 * language work the server prepared.
 */
import type { CallToolResult } from '@modelcontextprotocol/server';
import type { Era } from '../../call/host-capabilities.js';
import { delegatedProvenance } from '../../call/provenance.js';
import { textsOf } from '../../engine/read-reply.js';
import type { PendingStep } from '../../engine/steps.js';
import { JSON_SCHEMA_METADATA_KEY } from '../../tool/request-metadata.js';

/** One prepared step as the host's model receives it. */
export interface DelegatedStep {
  key: string;
  instructions: string;
  input: string;
  maxTokens: number;
}

/** The delegated result: the steps in text and structured form, with `provenance.path: 'delegated'`. */
export function delegatedResult(steps: Map<string, PendingStep>, reason: string, era: Era, done: number): CallToolResult {
  const prepared: DelegatedStep[] = [...steps].map(([key, { params }]) => ({
    key,
    instructions: params.systemPrompt ?? '',
    input: params.messages
      .map((message) => {
        const text = textsOf(message.content).join('\n');
        return message.role === 'user' ? text : `[earlier answer]\n${text}`;
      })
      .join('\n\n'),
    maxTokens: params.maxTokens,
  }));
  const structured =
    steps.size > 0 && [...steps.values()].some((step) => step.params.metadata?.[JSON_SCHEMA_METADATA_KEY] !== undefined);
  const header = [
    `DELEGATED TASK. This server could not use a model (${reason}), so it did not compute an answer.`,
    'Do the task below yourself, then use your answer in place of this tool result.',
    prepared.length > 1 ? `There are ${prepared.length} parts: answer each, then combine them into one answer.` : '',
    structured ? 'Where a part asks for JSON, reply with JSON that matches its schema.' : '',
  ].filter((line) => line !== '');
  const parts = prepared.map((step, index) =>
    [
      `--- part ${index + 1} of ${prepared.length} (${step.key}) ---`,
      `Instructions:\n${step.instructions}`,
      `Input:\n${step.input}`,
      `Keep the answer within about ${step.maxTokens} tokens.`,
    ].join('\n\n'),
  );
  const provenance = delegatedProvenance(era, done, reason);
  return {
    content: [{ type: 'text', text: [header.join(' '), ...parts].join('\n\n') }],
    structuredContent: { delegated: { reason, steps: prepared }, provenance },
  };
}
