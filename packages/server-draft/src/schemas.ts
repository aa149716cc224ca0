/**
 * Arguments and result of `draft`. Every limit has a message that names the field and the fix; the
 * SDK turns a schema failure into an `isError` result that quotes it.
 */
import { hasVisibleText, withThousands } from '@mcp-sampling/text';
import * as z from 'zod/v4';
import { KINDS } from './kinds.js';

/** Longest brief, in characters. */
export const MAX_BRIEF_CHARS = 20_000;
/** Longest context (for example the message being replied to), in characters. */
export const MAX_CONTEXT_CHARS = 200_000;
/** Longest audience description: a phrase, not a document. */
export const MAX_AUDIENCE_CHARS = 300;
/** Longest tone description. */
export const MAX_TONE_CHARS = 200;
/** Most required points. */
export const MAX_POINTS = 20;
/** Longest required point: one idea, in a sentence or two. */
export const MAX_POINT_CHARS = 300;
/** Word limit bounds and default. */
export const MIN_WORDS = 20;
export const MAX_WORDS = 2_000;
export const DEFAULT_MAX_WORDS = 250;

const chars = (n: number) => withThousands(n);

/**
 * A string that must have visible text (`hasVisibleText`: spaces and zero-width characters alone are
 * blank), with messages naming `field`.
 */
function text(field: string, max: number, purpose: string) {
  return z
    .string({ error: `${field} must be a string: ${purpose}` })
    .min(1, `${field} is empty: ${purpose}`)
    .max(max, `${field} is longer than ${chars(max)} characters: shorten it`)
    .refine(hasVisibleText, `${field} is blank: ${purpose}`);
}

const wordLimit = `maxWords must be a whole number from ${MIN_WORDS} to ${chars(MAX_WORDS)}`;

/** The arguments; unknown ones are refused (the kit words the message). */
export const DraftInputSchema = z.strictObject({
  brief: text('brief', MAX_BRIEF_CHARS, 'say what the draft is for and what it should say').describe(
    `What to write: purpose, key facts, anything the draft should say (1 to ${chars(MAX_BRIEF_CHARS)} characters).`,
  ),
  kind: z
    .enum(KINDS, { error: `kind must be one of ${KINDS.map((kind) => `'${kind}'`).join(', ')}` })
    .default('note')
    .describe("The kind of text (default 'note')."),
  audience: text('audience', MAX_AUDIENCE_CHARS, 'leave it out or say who will read the draft')
    .optional()
    .describe(`Who will read it, e.g. "the board" (up to ${MAX_AUDIENCE_CHARS} characters).`),
  tone: text('tone', MAX_TONE_CHARS, 'leave it out or name the tone')
    .optional()
    .describe(`The tone, e.g. "warm but brief" (up to ${MAX_TONE_CHARS} characters).`),
  maxWords: z
    .number({ error: wordLimit })
    .int(wordLimit)
    .min(MIN_WORDS, wordLimit)
    .max(MAX_WORDS, wordLimit)
    .default(DEFAULT_MAX_WORDS)
    .describe(`Upper bound on the draft's length in words, subject line excluded (default ${DEFAULT_MAX_WORDS}).`),
  mustInclude: z
    .array(text('each mustInclude point', MAX_POINT_CHARS, 'remove it or write the point'), {
      error: 'mustInclude must be a list of strings',
    })
    .max(MAX_POINTS, `mustInclude has more than ${MAX_POINTS} points: keep the ${MAX_POINTS} that matter most`)
    .optional()
    .describe(`Points the draft must make, each up to ${MAX_POINT_CHARS} characters (at most ${MAX_POINTS}).`),
  context: text('context', MAX_CONTEXT_CHARS, 'leave it out or pass the text the draft responds to')
    .optional()
    .describe(
      `Material the draft draws on, e.g. the message being replied to (up to ${chars(MAX_CONTEXT_CHARS)} characters). ` +
        'Long context is condensed part by part first.',
    ),
});

/** `draft`'s arguments after defaults. */
export type DraftInput = z.output<typeof DraftInputSchema>;

export const DraftOutputSchema = z.object({
  draft: z.string().describe('The draft; for an email, the body without the subject line.'),
  subject: z.string().optional().describe('The subject line (emails only).'),
  outline: z.array(z.string()).describe('The plan the draft was written from.'),
  words: z.number().int().describe('Words in the draft body.'),
  revisions: z.number().int().min(0).describe('Revision steps taken after the first draft (0 to 2).'),
  coverage: z
    .array(z.object({ point: z.string(), included: z.boolean() }))
    .describe('For each mustInclude point, whether the returned draft makes it.'),
});

/** `draft`'s result (without the provenance the kit adds). */
export type DraftOutput = z.output<typeof DraftOutputSchema>;
