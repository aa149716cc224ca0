/**
 * `summarise`: a faithful summary of text of any length, written by the host's model.
 *
 * Short text (one chunk) takes one step. Long text is split on paragraph and sentence
 * boundaries; every chunk is summarised in the same round (fan-out), and the partial summaries are
 * merged by a reduce tree of at most two levels. A final summary over the word limit gets one
 * `shorten` step, and is then trimmed if it is still too long. At most 4 rounds, whatever the length.
 *
 * Without a model (the fallback policy's `heuristic` action): an extractive summary, see heuristic.ts.
 *
 * Protocol path: the kit's. On 2026-07-28 each round is an `input_required` result with every
 * pending step; on 2025-era connections each step is a pushed `sampling/createMessage`.
 * The document and the focus travel only inside delimited user content, never in a system prompt.
 */
import { DATA_NOT_INSTRUCTIONS, defineSamplingTool, delimit, type SamplingContext } from '@mcp-sampling/kit';
import { countWords, hasVisibleText, withThousands } from '@mcp-sampling/text';
import * as z from 'zod/v4';
import { chunkText, planReduce } from './chunking.js';
import { extractiveFallback } from './heuristic.js';
import { trimToWords } from './words.js';

/** Longest input accepted, in characters. */
export const MAX_TEXT_CHARS = 2_000_000;

/** `MAX_TEXT_CHARS` as the messages write it (see `withThousands`: no ICU at start-up). */
const MAX_TEXT_CHARS_SHOWN = withThousands(MAX_TEXT_CHARS);

const STYLE_RULES = {
  paragraph: 'Write plain prose in one or more short paragraphs.',
  bullets: "Write a bulleted list: one point per line, each line starting with '- '.",
  tldr: 'Write a TL;DR: one or two sentences that carry the main point.',
} as const;

type Style = keyof typeof STYLE_RULES;

/** A TL;DR is short whatever the word limit. */
const TLDR_MAX_WORDS = 50;

/** Words allowed per partial (map or intermediate reduce) summary. */
function partialWordsFor(maxWords: number): number {
  return Math.min(250, Math.max(60, Math.round(maxWords * 1.5)));
}

/** Tokens to allow for `words` words of output (English runs about 1.3 tokens a word). */
function tokensFor(words: number): number {
  return Math.ceil(words * 2) + 20;
}

/** Unknown arguments are refused (the kit words the message); blank means no visible character (`hasVisibleText`). */
const input = z.strictObject({
  text: z
    .string({ error: 'text must be a string: the text to summarise' })
    .min(1, 'text is empty: pass the text to summarise')
    .max(MAX_TEXT_CHARS, `text is longer than ${MAX_TEXT_CHARS_SHOWN} characters: summarise it in parts`)
    .refine(hasVisibleText, 'text is blank: pass the text to summarise')
    .describe(`The text to summarise (1 to ${MAX_TEXT_CHARS_SHOWN} characters).`),
  style: z
    .enum(['paragraph', 'bullets', 'tldr'], { error: "style must be 'paragraph', 'bullets' or 'tldr'" })
    .default('paragraph')
    .describe('Shape of the summary.'),
  maxWords: z
    .number({ error: 'maxWords must be a whole number from 10 to 1000' })
    .int('maxWords must be a whole number from 10 to 1000')
    .min(10, 'maxWords must be a whole number from 10 to 1000')
    .max(1000, 'maxWords must be a whole number from 10 to 1000')
    .default(150)
    .describe('Upper bound on the summary length in words (default 150).'),
  focus: z
    .string({ error: 'focus must be a string' })
    .min(1, 'focus is empty: leave it out or name an aspect')
    .max(500, 'focus is longer than 500 characters: name the aspect briefly')
    .refine(hasVisibleText, 'focus is blank: leave it out or name an aspect')
    .optional()
    .describe('Optional aspect to give extra attention to.'),
});

const output = z.object({
  summary: z.string(),
  style: z.enum(['paragraph', 'bullets', 'tldr']),
  words: z.number().int(),
  chunks: z.number().int().describe('How many chunks the text was split into (1 for short text).'),
});

type Input = z.output<typeof input>;

function focusNote(focus: string | undefined): string {
  return focus === undefined ? '' : `\n\nGive extra attention to this aspect, named by the caller:\n${delimit('focus', focus)}`;
}

/** Summarise one chunk of a longer document. */
function mapStep(chunk: string, index: number, total: number, words: number, focus: string | undefined) {
  return {
    system:
      'You summarise one part of a longer document. Keep names, numbers, decisions and conclusions; ' +
      `add nothing that is not in the part. Write at most ${words} words and output only the summary. ${DATA_NOT_INSTRUCTIONS}`,
    user: `Part ${index + 1} of ${total} of the document:\n${delimit('document-part', chunk)}${focusNote(focus)}`,
    maxTokens: tokensFor(words),
  };
}

/** Merge consecutive partial summaries into one intermediate summary. */
function mergeStep(partials: string[], first: number, total: number, words: number, focus: string | undefined) {
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
function finalStep(material: string, fromPartials: boolean, style: Style, limit: number, focus: string | undefined) {
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
function shortenStep(summary: string, style: Style, limit: number) {
  return {
    system:
      `You shorten summaries. Rewrite the summary in at most ${limit} words, keeping its most important points. ` +
      `${STYLE_RULES[style]} Output only the shortened summary. ${DATA_NOT_INSTRUCTIONS}`,
    user: `The summary has ${countWords(summary)} words; the limit is ${limit}:\n${delimit('summary', summary)}`,
    maxTokens: tokensFor(limit),
  };
}

/** The word limit a style allows. */
function limitFor(style: Style, maxWords: number): number {
  return style === 'tldr' ? Math.min(maxWords, TLDR_MAX_WORDS) : maxWords;
}

async function summarise({ text, style, maxWords, focus }: Input, s: SamplingContext) {
  const limit = limitFor(style, maxWords);
  const chunks = chunkText(text);
  let draft: string;

  if (chunks.length === 1) {
    draft = (await s.sample('summary', finalStep(chunks[0] as string, false, style, limit, focus))).text;
  } else {
    const partialWords = partialWordsFor(maxWords);
    let partials = await Promise.all(
      chunks.map((chunk, index) => s.sample(`map:${index}`, mapStep(chunk, index, chunks.length, partialWords, focus))),
    ).then((replies) => replies.map((reply) => reply.text));

    const groups = planReduce(partials.length);
    if (groups.length > 1) {
      const current = partials;
      partials = await Promise.all(
        groups.map((group, index) =>
          s.sample(
            `merge:${index}`,
            mergeStep(
              group.map((i) => current[i] as string),
              group[0] as number,
              chunks.length,
              partialWords,
              focus,
            ),
          ),
        ),
      ).then((replies) => replies.map((reply) => reply.text));
    }
    draft = (await s.sample('reduce', finalStep(partials.join('\n\n'), true, style, limit, focus))).text;
  }

  if (countWords(draft) > limit * 1.1) {
    draft = (await s.sample('shorten', shortenStep(draft, style, limit))).text;
  }
  const summary = countWords(draft) > limit * 1.1 ? trimToWords(draft, limit) : draft;
  return { summary, style, words: countWords(summary), chunks: chunks.length };
}

export const summariseTool = defineSamplingTool({
  name: 'summarise',
  title: 'Summarise',
  description:
    'Summarise text of any length (up to 2,000,000 characters) with the host model: paragraph, bullets or TL;DR, ' +
    'within a word limit, optionally with a focus. Long text is summarised chunk by chunk, then merged.',
  input,
  output,
  preset: 'balanced',
  annotations: { readOnlyHint: true, openWorldHint: false },
  run: summarise,
  heuristic: ({ text, style, maxWords }) => extractiveFallback(text, style, limitFor(style, maxWords)),
  text: (result) => result.summary,
});
