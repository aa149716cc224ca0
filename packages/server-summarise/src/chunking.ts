/**
 * Chunk size and the reduce plan for map-reduce summaries. The splitting itself is
 * `chunkText` from @mcp-sampling/text (paragraphs, then sentences, then whitespace).
 */
import { chunkText as chunkAt } from '@mcp-sampling/text';

/** Characters per chunk: about 6,000 tokens, comfortable for any host model's context. */
export const CHUNK_CHARS = 24_000;

/** Split `text` into chunks of at most `maxChars` characters. */
export function chunkText(text: string, maxChars = CHUNK_CHARS): string[] {
  return chunkAt(text, maxChars);
}

/**
 * Groups for the reduce tree. Up to `maxGroup` partial summaries are merged in one step; more are
 * first merged in groups of about √n, so any input needs at most two reduce levels.
 */
export function planReduce(count: number, maxGroup = 12): number[][] {
  const all = Array.from({ length: count }, (_, index) => index);
  if (count <= maxGroup) return [all];
  const size = Math.ceil(Math.sqrt(count));
  const groups: number[][] = [];
  for (let start = 0; start < count; start += size) groups.push(all.slice(start, start + size));
  return groups;
}
