/**
 * A deterministic stand-in model for demos, benchmarks and tests that want plausible text rather
 * than a fixed string. It answers from the request's own content: the sentences of the delimited
 * data in the user message that carry the most frequent content words, in their original order,
 * within the word budget the request's `maxTokens` allows, as bullets when the system prompt asks
 * for a bulleted list. Different inputs give different outputs.
 */
import type { CreateMessageResult } from '@modelcontextprotocol/client';
import type { RecordedRequest } from './recorded-request.js';

/** Model name the stand-in reports. */
export const OFFLINE_MODEL = 'offline-extractive-1';

const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have in is it its of on or that the their this to was were will with which who not can all more than into also our we they these those there been being its such'.split(
    ' ',
  ),
);

/** The text inside `<untrusted-input …>` blocks, or the whole message when it has none. */
function dataOf(userText: string): string {
  const blocks = [...userText.matchAll(/<untrusted-input[^>]*>\n?([\s\S]*?)\n?<\/untrusted-input>/g)].map((m) => m[1] ?? '');
  return blocks.length > 0 ? blocks.join('\n\n') : userText;
}

function wordsOf(text: string): string[] {
  return text.toLowerCase().match(/[\p{L}\p{N}']+/gu) ?? [];
}

/** Whole sentences of `text`: headings and fragments without end punctuation are dropped. */
function sentencesOf(text: string): string[] {
  return text
    .split(/\n+/)
    .flatMap((line) => line.replace(/^\s*(?:\[\d+\]|[-*•])\s*/, '').split(/(?<=[.!?]["')\]]?)\s+(?=["'([]?[\p{Lu}\p{N}])/u))
    .map((sentence) => sentence.trim())
    .filter((sentence) => /[.!?]["')\]]?$/.test(sentence) && wordsOf(sentence).length >= 3);
}

/** Extractive summary of `text` within `budget` words: the best-scoring sentences, in order. */
export function extractiveSummary(text: string, budget: number): string[] {
  const sentences = sentencesOf(text);
  if (sentences.length === 0) return [text.split(/\s+/).slice(0, budget).join(' ')];
  const frequency = new Map<string, number>();
  for (const word of wordsOf(text)) if (!STOP_WORDS.has(word)) frequency.set(word, (frequency.get(word) ?? 0) + 1);
  const scored = sentences.map((sentence, index) => {
    const words = wordsOf(sentence);
    const score = words.reduce((sum, word) => sum + (frequency.get(word) ?? 0), 0) / Math.sqrt(words.length);
    return { sentence, index, score, length: words.length };
  });
  const chosen: typeof scored = [];
  let used = 0;
  for (const candidate of [...scored].sort((a, b) => b.score - a.score || a.index - b.index)) {
    if (used + candidate.length > budget) continue;
    chosen.push(candidate);
    used += candidate.length;
  }
  if (chosen.length === 0)
    return [
      wordsOf(sentences[0] ?? '')
        .slice(0, budget)
        .join(' '),
    ];
  return chosen.sort((a, b) => a.index - b.index).map((c) => c.sentence);
}

/** Reply with an extractive summary sized from the request (`maxTokens` ≈ 2 tokens a word). */
export function offlineModelReply(request: RecordedRequest): CreateMessageResult {
  const budget = Math.max(8, Math.floor((request.maxTokens - 20) / 2));
  const sentences = extractiveSummary(dataOf(request.userText), budget);
  const bulleted = /bulleted list/i.test(request.systemPrompt);
  const text = bulleted ? sentences.map((sentence) => `- ${sentence}`).join('\n') : sentences.join(' ');
  return { role: 'assistant', content: { type: 'text', text }, model: OFFLINE_MODEL, stopReason: 'endTurn' };
}
