/**
 * Arguments and result of `summarise`: the limits, and the messages that name the field and the
 * fix (the SDK turns a schema failure into an `isError` result that quotes them).
 */
import { hasVisibleText, withThousands } from '@mcp-sampling/text';
import * as z from 'zod/v4';

/** Longest input accepted, in characters. */
export const MAX_TEXT_CHARS = 2_000_000;

/** `MAX_TEXT_CHARS` as the messages write it (see `withThousands`: no ICU at start-up). */
const MAX_TEXT_CHARS_SHOWN = withThousands(MAX_TEXT_CHARS);

/** The shapes a summary can take. */
export const STYLES = ['paragraph', 'bullets', 'tldr'] as const;

/** One shape of summary. */
export type Style = (typeof STYLES)[number];

/** Unknown arguments are refused (the kit words the message); blank means no visible character (`hasVisibleText`). */
export const SummariseInputSchema = z.strictObject({
  text: z
    .string({ error: 'text must be a string: the text to summarise' })
    .min(1, 'text is empty: pass the text to summarise')
    .max(MAX_TEXT_CHARS, `text is longer than ${MAX_TEXT_CHARS_SHOWN} characters: summarise it in parts`)
    .refine(hasVisibleText, 'text is blank: pass the text to summarise')
    .describe(`The text to summarise (1 to ${MAX_TEXT_CHARS_SHOWN} characters).`),
  style: z
    .enum(STYLES, { error: "style must be 'paragraph', 'bullets' or 'tldr'" })
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

/** `summarise`'s arguments after defaults. */
export type SummariseInput = z.output<typeof SummariseInputSchema>;

export const SummariseOutputSchema = z.object({
  summary: z.string(),
  style: z.enum(STYLES),
  words: z.number().int(),
  chunks: z.number().int().describe('How many chunks the text was split into (1 for short text).'),
});

/** `summarise`'s result (without the provenance the kit adds). */
export type SummariseOutput = z.output<typeof SummariseOutputSchema>;
