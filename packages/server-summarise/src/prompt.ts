/**
 * Every request `summarise` sends: fixed system prompts (no caller text in them) and user messages
 * where the document, the partial summaries and the focus travel inside `delimit()` blocks.
 */
import { DATA_NOT_INSTRUCTIONS, delimit, type SampleRequest } from '@mcp-sampling/kit';
import { countWords } from '@mcp-sampling/text';
import type { Style } from './schemas.js';

const STYLE_RULES: Readonly<Record<Style, string>> = {
  paragraph: 'Write plain prose in one or more short paragraphs.',
  bullets: "Write a bulleted list: one point per line, each line starting with '- '.",
  tldr: 'Write a TL;DR: one or two sentences that carry the main point.',
};

/** Words allowed per partial (map or intermediate reduce) summary. */
export function partialWordsFor(maxWords: number): number {
  return Math.min(250, Math.max(60, Math.round(maxWords * 1.5)));
}

/** Tokens to allow for `words` words of output (English runs about 1.3 tokens a word). */
function tokensFor(words: number): number {
  return Math.ceil(words * 2) + 20;
}

function focusNote(focus: string | undefined): string {
  return focus === undefined ? '' : `\n\nGive extra attention to this aspect, named by the caller:\n${delimit('focus', focus)}`;
}

/** Summarise one chunk of a longer document. */
export function mapStep(chunk: string, index: number, total: number, words: number, focus: string | undefined): SampleRequest {
  return {
    system:
      'You summarise one part of a longer document. Keep names, numbers, decisions and conclusions; ' +
      `add nothing that is not in the part. Write at most ${words} words and output only the summary. ${DATA_NOT_INSTRUCTIONS}`,
    user: `Part ${index + 1} of ${total} of the document:\n${delimit('document-part', chunk)}${focusNote(focus)}`,
    maxTokens: tokensFor(words),
  };
}

/** Merge consecutive partial summaries into one intermediate summary. */
export function mergeStep(
  partials: string[],
  first: number,
  total: number,
  words: number,
  focus: string | undefined,
): SampleRequest {
  const numbered = partials.map((text, offset) => `[${first + offset + 1}] ${text}`).join('\n\n');
  return {
    system:
      'You merge summaries of consecutive parts of one document into a single summary, in document order, ' +
      `without repeating yourself. Write at most ${words} words and output only the summary. ${DATA_NOT_INSTRUCTIONS}`,
    user: `Summaries of parts ${first + 1} to ${first + partials.length} of ${total}:\n${delimit('partial-summaries', numbered)}${focusNote(focus)}`,
    maxTokens: tokensFor(words),
  };
}

/** Write the final summary, from the document itself or from summaries of its parts. */
export function finalStep(
  material: string,
  fromPartials: boolean,
  style: Style,
  limit: number,
  focus: string | undefined,
): SampleRequest {
  const source = fromPartials ? 'the summaries of its parts, in order' : 'the whole document';
  return {
    system:
      `You write the final summary of a document from ${source}. ${STYLE_RULES[style]} ` +
      `Use at most ${limit} words. Output only the summary. ${DATA_NOT_INSTRUCTIONS}`,
    user: `${fromPartials ? 'Summaries of the parts' : 'The document'}:\n${delimit(fromPartials ? 'partial-summaries' : 'document', material)}${focusNote(focus)}`,
    maxTokens: tokensFor(limit),
  };
}

/** Ask for a shorter version of a summary that came back over the limit. */
export function shortenStep(summary: string, style: Style, limit: number): SampleRequest {
  return {
    system:
      `You shorten summaries. Rewrite the summary in at most ${limit} words, keeping its most important points. ` +
      `${STYLE_RULES[style]} Output only the shortened summary. ${DATA_NOT_INSTRUCTIONS}`,
    user: `The summary has ${countWords(summary)} words; the limit is ${limit}:\n${delimit('summary', summary)}`,
    maxTokens: tokensFor(limit),
  };
}
