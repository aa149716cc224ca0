/**
 * The offline stand-in model (`@mcp-sampling/text`) as a mock-host reply: it reads the request's
 * delimited data, and the JSON Schema the kit puts in request metadata, and answers with an
 * extractive summary or with JSON that validates against that schema.
 */
import { OFFLINE_MODEL, offlineAnswer } from '@mcp-sampling/text';
import type { CreateMessageResult } from '@modelcontextprotocol/client';
import type { RecordedRequest } from './recorded-request.js';

/** Request metadata key carrying a JSON Schema (mirrors the kit's JSON_SCHEMA_METADATA_KEY). */
export const JSON_SCHEMA_METADATA_KEY = 'io.github.mcp-sampling/json-schema';

/** Reply as the offline model would. */
export function offlineModelReply(request: RecordedRequest): CreateMessageResult {
  const schema = request.params.metadata?.[JSON_SCHEMA_METADATA_KEY];
  const text = offlineAnswer({
    systemPrompt: request.systemPrompt,
    userText: request.userText,
    maxTokens: request.maxTokens,
    ...(schema !== null &&
      typeof schema === 'object' &&
      !Array.isArray(schema) && { jsonSchema: schema as Record<string, unknown> }),
  });
  return { role: 'assistant', content: { type: 'text', text }, model: OFFLINE_MODEL, stopReason: 'endTurn' };
}
