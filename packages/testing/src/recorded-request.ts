/** What the mock host keeps of each sampling request it receives, for tests to assert on. */
import type { CreateMessageRequest } from '@modelcontextprotocol/client';

/** Request metadata key the kit uses to name each step (mirrors the kit's STEP_METADATA_KEY). */
export const STEP_METADATA_KEY = 'io.github.mcp-sampling/step';

/** One `sampling/createMessage` request as the mock host received it. */
export interface RecordedRequest {
  /** 1-based round: a new round starts when a request arrives after the host has answered one. */
  round: number;
  /** The step key from request metadata, when the server sent one. */
  key: string | undefined;
  // Deprecated API, used on purpose: sampling params, deprecated with sampling itself.
  params: CreateMessageRequest['params'];
  /** `params.systemPrompt`, or '' when absent. */
  systemPrompt: string;
  /** Every text block of every user message, joined by newlines. */
  userText: string;
  maxTokens: number;
}

/** Builds the record for one incoming request. */
// Deprecated API, used on purpose: see above.
export function recordOf(params: CreateMessageRequest['params'], round: number): RecordedRequest {
  const userText = params.messages
    .filter((message) => message.role === 'user')
    .flatMap((message) => (Array.isArray(message.content) ? message.content : [message.content]))
    .flatMap((block) => (block.type === 'text' ? [block.text] : []))
    .join('\n');
  const key = params.metadata?.[STEP_METADATA_KEY];
  return {
    round,
    key: typeof key === 'string' ? key : undefined,
    params,
    systemPrompt: params.systemPrompt ?? '',
    userText,
    maxTokens: params.maxTokens,
  };
}
