/**
 * Splitting a long context into parts the context step can condense side by side, with
 * `chunkText` from @mcp-sampling/text (paragraphs, then sentences, then whitespace).
 */
import { chunkText as chunkAt } from '@mcp-sampling/text';

/** Context at least this long is condensed part by part before the outline; shorter context is passed whole. */
export const LONG_CONTEXT_CHARS = 24_000;

/** Characters per part: about 4,000 tokens. */
export const CONTEXT_CHUNK_CHARS = 16_000;

/** Split `text` into parts of at most `maxChars` characters, in order, none empty. */
export function chunkText(text: string, maxChars = CONTEXT_CHUNK_CHARS): string[] {
  return chunkAt(text, maxChars);
}
