/**
 * Reading what came back for a step, on every path (host, either era, or provider): the reply is
 * untrusted, so its shape is checked, its text blocks joined, and a runaway reply cut.
 */
import type { CreateMessageResult, CreateMessageResultWithTools } from '@modelcontextprotocol/server';
import type { SampleResult } from '../tool/contract.js';
import { SamplingFailure } from '../tool/failures.js';

/** Characters per requested token beyond which a reply is treated as runaway and cut. */
const RUNAWAY_CHARS_PER_TOKEN = 8;

/**
 * Turn whatever the host sent back into a `SampleResult`, or fail clearly. Replies are untrusted:
 * the shape is checked here, not assumed, and a reply far past `maxTokens` is cut.
 */
export function readReply(key: string, reply: unknown, maxTokens: number): SampleResult {
  const result = reply as Partial<CreateMessageResult | CreateMessageResultWithTools> | null;
  if (result === null || typeof result !== 'object') {
    throw new SamplingFailure('invalid-output', `The host sent no usable reply for step '${key}'.`, key);
  }
  const blocks = Array.isArray(result.content) ? result.content : [result.content];
  const texts = textsOf(result.content);
  const text = texts.join('\n').trim();
  if (text === '') {
    const kinds = blocks.map((block) => (block && typeof block === 'object' ? block.type : typeof block)).join(', ');
    const what = texts.length === 0 ? `no text (content: ${kinds || 'none'})` : 'an empty text';
    throw new SamplingFailure('invalid-output', `The host's model returned ${what} for step '${key}'.`, key);
  }
  const limit = maxTokens * RUNAWAY_CHARS_PER_TOKEN;
  const model = typeof result.model === 'string' && result.model !== '' ? result.model : 'unknown';
  return {
    text: text.length > limit ? text.slice(0, limit) : text,
    model,
    ...(typeof result.stopReason === 'string' && { stopReason: result.stopReason }),
    ...(text.length > limit && { truncated: true }),
  };
}

/** The texts of a message's content (one block or a list), text blocks only, in order. */
export function textsOf(content: unknown): string[] {
  const blocks: unknown[] = Array.isArray(content) ? content : [content];
  return blocks.flatMap((block) => {
    const { type, text } = (block ?? {}) as { type?: unknown; text?: unknown };
    return typeof block === 'object' && type === 'text' && typeof text === 'string' ? [text] : [];
  });
}
