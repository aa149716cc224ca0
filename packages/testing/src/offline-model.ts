/**
 * A deterministic stand-in model for demos, benchmarks and tests that want plausible text rather
 * than a fixed string. It answers from the request's own content: the sentences of the delimited
 * data in the user message that carry the most frequent content words, in their original order,
 * within the word budget the request's `maxTokens` allows, as bullets when the system prompt asks
 * for a bulleted list. Different inputs give different outputs.
 */

import { extractiveSummary } from '@mcp-sampling/text';
import type { CreateMessageResult } from '@modelcontextprotocol/client';
import type { RecordedRequest } from './recorded-request.js';

/** Model name the stand-in reports. */
export const OFFLINE_MODEL = 'offline-extractive-1';

/** The text inside `<untrusted-input …>` blocks, or the whole message when it has none. */
function dataOf(userText: string): string {
  const blocks = [...userText.matchAll(/<untrusted-input[^>]*>\n?([\s\S]*?)\n?<\/untrusted-input>/g)].map((m) => m[1] ?? '');
  return blocks.length > 0 ? blocks.join('\n\n') : userText;
}

/** Reply with an extractive summary sized from the request (`maxTokens` ≈ 2 tokens a word). */
export function offlineModelReply(request: RecordedRequest): CreateMessageResult {
  const budget = Math.max(8, Math.floor((request.maxTokens - 20) / 2));
  const sentences = extractiveSummary(dataOf(request.userText), budget);
  const bulleted = /bulleted list/i.test(request.systemPrompt);
  const text = bulleted ? sentences.map((sentence) => `- ${sentence}`).join('\n') : sentences.join(' ');
  return { role: 'assistant', content: { type: 'text', text }, model: OFFLINE_MODEL, stopReason: 'endTurn' };
}
