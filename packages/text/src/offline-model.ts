/**
 * A deterministic stand-in model for demos, the reference host without a key, and tests that want
 * plausible output rather than a fixed string. It answers from the request's own content: the
 * data inside `<untrusted-input>` blocks of the user message (or the whole message when it has
 * none). Text requests get an extractive summary sized from `maxTokens` (bullets when the system
 * prompt asks for a bulleted list); requests that carry a JSON Schema get JSON that validates
 * against it, built from the same data. Different inputs give different outputs.
 */
import { extractiveSummary } from './extractive.js';
import { jsonFromSchema } from './json-from-schema.js';

/** The model name the stand-in reports. */
export const OFFLINE_MODEL = 'offline-extractive-1';

/** What the offline model reads from a sampling request. */
export interface OfflineRequest {
  systemPrompt: string;
  /** Every user turn's text. */
  userText: string;
  maxTokens: number;
  /** The JSON Schema the answer must match, when the request carries one. */
  jsonSchema?: Record<string, unknown>;
}

/** The data a request is about: its delimited blocks, or the whole user text. */
export function dataOf(userText: string): string {
  const blocks = [...userText.matchAll(/<untrusted-input[^>]*>\n?([\s\S]*?)\n?<\/untrusted-input>/g)].map((m) => m[1] ?? '');
  return blocks.length > 0 ? blocks.join('\n\n') : userText;
}

/** The offline model's answer text: JSON for a schema, else an extractive summary. */
export function offlineAnswer(request: OfflineRequest): string {
  const data = dataOf(request.userText);
  if (request.jsonSchema !== undefined) return JSON.stringify(jsonFromSchema(request.jsonSchema, data));
  const budget = Math.max(8, Math.floor((request.maxTokens - 20) / 2));
  const sentences = extractiveSummary(data, budget);
  return /bulleted list/i.test(request.systemPrompt)
    ? sentences.map((sentence) => `- ${sentence}`).join('\n')
    : sentences.join(' ');
}
