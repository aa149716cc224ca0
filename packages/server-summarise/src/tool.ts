/**
 * `summarise`: a faithful summary of text of any length, written by the host's model.
 *
 * Short text (one chunk) takes one step. Long text is split on paragraph and sentence
 * boundaries; every chunk is summarised in the same round (fan-out), and the partial summaries are
 * merged by a reduce tree of at most two levels. A final summary over the word limit gets one
 * `shorten` step, and is then trimmed if it is still too long. At most 4 rounds, whatever the length.
 *
 * Without a model (the fallback policy's `heuristic` action): an extractive summary, see heuristic.ts.
 * The arguments are in schemas.ts, the requests in prompt.ts, the trimming of a long answer in answer.ts.
 *
 * Protocol path: the kit's. On 2026-07-28 each round is an `input_required` result with every
 * pending step; on 2025-era connections each step is a pushed `sampling/createMessage`.
 * The document and the focus travel only inside delimited user content, never in a system prompt.
 */
import { defineSamplingTool, type SamplingContext } from '@mcp-sampling/kit';
import { countWords } from '@mcp-sampling/text';
import { trimToWords } from './answer.js';
import { chunkText, planReduce } from './chunking.js';
import { extractiveFallback } from './heuristic.js';
import { finalStep, mapStep, mergeStep, partialWordsFor, shortenStep } from './prompt.js';
import { type Style, type SummariseInput, SummariseInputSchema, SummariseOutputSchema } from './schemas.js';

/** A TL;DR is short whatever the word limit. */
const TLDR_MAX_WORDS = 50;

/** The word limit a style allows. */
function limitFor(style: Style, maxWords: number): number {
  return style === 'tldr' ? Math.min(maxWords, TLDR_MAX_WORDS) : maxWords;
}

async function summarise({ text, style, maxWords, focus }: SummariseInput, s: SamplingContext) {
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
  input: SummariseInputSchema,
  output: SummariseOutputSchema,
  preset: 'balanced',
  annotations: { readOnlyHint: true, openWorldHint: false },
  run: summarise,
  heuristic: ({ text, style, maxWords }) => extractiveFallback(text, style, limitFor(style, maxWords)),
  text: (result) => result.summary,
});
