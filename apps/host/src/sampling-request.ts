/**
 * Reading one `sampling/createMessage` request: the parts a host shows, decides on and sends to a
 * model. The request comes from a server, so nothing in it is trusted: only text content is
 * accepted, and the two metadata keys the servers of this repository send are read defensively.
 */
import type { CreateMessageRequest, ModelPreferences } from '@modelcontextprotocol/client';

/** Request metadata key naming the server's step (e.g. `map:0`, `classify:repair-1`). */
export const STEP_METADATA_KEY = 'io.github.mcp-sampling/step';
/** Request metadata key carrying the JSON Schema the answer must match. */
export const JSON_SCHEMA_METADATA_KEY = 'io.github.mcp-sampling/json-schema';

// Deprecated API, used on purpose: sampling params are deprecated with sampling itself (SEP-2577).
/** The params of a sampling request as the SDK types them. */
export type SamplingParams = CreateMessageRequest['params'];

/** One turn of the conversation a server sends, reduced to its text. */
export interface SamplingTurn {
  role: 'user' | 'assistant';
  text: string;
}

/** What the host reads out of a sampling request. */
export interface SamplingRequestView {
  /** The server's step key, when it sent one in metadata. */
  key: string | undefined;
  /** `''` when the request has none. */
  systemPrompt: string;
  messages: SamplingTurn[];
  maxTokens: number;
  temperature: number | undefined;
  stopSequences: string[] | undefined;
  modelPreferences: ModelPreferences | undefined;
  /** The JSON Schema from metadata, when the server attached one. */
  jsonSchema: Record<string, unknown> | undefined;
  /** Why this host cannot answer the request (non-text content, tools), when it cannot. */
  unsupported: string | undefined;
}

/** Read the parts of a request the host uses; what it cannot answer is named in `unsupported`. */
export function readSamplingRequest(params: SamplingParams): SamplingRequestView {
  const problems: string[] = [];
  if ((params as SamplingParams & { tools?: unknown }).tools !== undefined) {
    problems.push('the request offers tools, and this host does not declare sampling.tools');
  }
  const messages = params.messages.map((message, index): SamplingTurn => {
    const blocks = Array.isArray(message.content) ? message.content : [message.content];
    const texts = blocks.map((block) => {
      if (block.type === 'text') return block.text;
      problems.push(`message ${index + 1} has ${block.type} content, and this host answers text only`);
      return `[${block.type} content]`;
    });
    return { role: message.role, text: texts.join('\n') };
  });
  const key = params.metadata?.[STEP_METADATA_KEY];
  const schema = params.metadata?.[JSON_SCHEMA_METADATA_KEY];
  return {
    key: typeof key === 'string' ? key : undefined,
    systemPrompt: params.systemPrompt ?? '',
    messages,
    maxTokens: params.maxTokens,
    temperature: params.temperature,
    stopSequences: params.stopSequences,
    modelPreferences: params.modelPreferences,
    jsonSchema: isPlainObject(schema) ? schema : undefined,
    unsupported: problems.length > 0 ? problems.join('; ') : undefined,
  };
}

/** Every user turn's text, joined by blank lines. */
export function userTextOf(request: SamplingRequestView): string {
  return request.messages
    .filter((message) => message.role === 'user')
    .map((message) => message.text)
    .join('\n\n');
}

/** The text of the last user turn, or `''` when there is none. */
export function lastUserText(request: SamplingRequestView): string {
  return request.messages.findLast((message) => message.role === 'user')?.text ?? '';
}

/** The same request with the last user turn's text replaced (what "edit" does). */
export function withLastUserText(request: SamplingRequestView, text: string): SamplingRequestView {
  const index = request.messages.findLastIndex((message) => message.role === 'user');
  if (index === -1) return { ...request, messages: [...request.messages, { role: 'user', text }] };
  return { ...request, messages: request.messages.map((message, i) => (i === index ? { ...message, text } : message)) };
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}
