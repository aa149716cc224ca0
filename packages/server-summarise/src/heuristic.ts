/**
 * The summarise heuristic: what the fallback policy answers with when no model is reachable. An
 * extractive summary (the sentences that carry the document's most frequent content words, in
 * their original order) within the word limit, shaped to the requested style.
 */
import { countWords, extractiveSummary } from '@mcp-sampling/text';
import { trimToWords } from './answer.js';
import type { Style, SummariseOutput } from './schemas.js';

/** Summarise without a model. `limit` is the effective word limit (already capped for TL;DR). */
export function extractiveFallback(text: string, style: Style, limit: number): SummariseOutput {
  const sentences = extractiveSummary(text, limit);
  const joined = style === 'bullets' ? sentences.map((sentence) => `- ${sentence}`).join('\n') : sentences.join(' ');
  const summary = trimToWords(joined, limit);
  return { summary, style, words: countWords(summary), chunks: 1 };
}
