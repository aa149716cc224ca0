/**
 * Arguments and result of `classify`: the limits, the label shapes a caller may give, and messages
 * that name the field and the fix (the SDK turns a schema failure into an `isError` result that
 * quotes them). Label names must be distinct once case, spaces and punctuation are ignored.
 */
import { hasVisibleText, withThousands } from '@mcp-sampling/text';
import * as z from 'zod/v4';
import { EXCERPT_LIMITS } from './excerpt.js';
import { findDuplicateLabel } from './labels.js';

/** Longest text accepted, in characters. */
export const MAX_TEXT_CHARS = 200_000;
/** Fewest and most labels per call. */
export const MIN_LABELS = 2;
export const MAX_LABELS = 100;
/** Longest label name, description and instructions, in characters. */
export const MAX_LABEL_NAME_CHARS = 100;
export const MAX_DESCRIPTION_CHARS = 500;
export const MAX_INSTRUCTIONS_CHARS = 2_000;

/** Runs a refinement only on a value that passed every earlier check, so each bad name gets one message. */
const onlyIfValidSoFar = { when: (payload: { issues: readonly unknown[] }) => payload.issues.length === 0 };

const labelName = z
  .string({ error: 'a label name must be a string' })
  .min(1, 'label name is empty: give every label a name')
  .max(
    MAX_LABEL_NAME_CHARS,
    `label name is longer than ${MAX_LABEL_NAME_CHARS} characters: shorten it, and put detail in a description`,
  )
  .refine((name) => /[\p{L}\p{N}]/u.test(name), { error: 'label name must contain a letter or a digit', ...onlyIfValidSoFar })
  .refine((name) => !/\p{Cc}/u.test(name), {
    error: 'label name must be one line: remove line breaks and control characters',
    ...onlyIfValidSoFar,
  });

const label = z.union(
  [
    labelName,
    z.strictObject({
      name: labelName,
      description: z
        .string({ error: 'a label description must be a string' })
        .max(
          MAX_DESCRIPTION_CHARS,
          `label description is longer than ${MAX_DESCRIPTION_CHARS} characters: describe the label in a sentence or two`,
        )
        .optional()
        .describe('What the label means; helps the model tell similar labels apart.'),
    }),
  ],
  { error: 'each label must be a name, or an object { name, description? }' },
);

const nameOf = (entry: z.output<typeof label>) => (typeof entry === 'string' ? entry : entry.name);

/**
 * Unknown arguments, and unknown fields of a label object, are refused (the kit words the message).
 * Blank means no visible character (`hasVisibleText`): zero-width characters count as nothing.
 */
export const ClassifyInputSchema = z.strictObject({
  text: z
    .string({ error: 'text must be a string: the text to classify' })
    .min(1, 'text is empty: pass the text to classify')
    .max(MAX_TEXT_CHARS, `text is longer than ${withThousands(MAX_TEXT_CHARS)} characters: pass the part to classify`)
    .refine(hasVisibleText, 'text is blank: pass the text to classify')
    .describe(
      `The text to classify (1 to ${withThousands(MAX_TEXT_CHARS)} characters; over ${withThousands(EXCERPT_LIMITS.threshold)}, the model reads an excerpt).`,
    ),
  labels: z
    .array(label, { error: 'labels must be an array of label names or { name, description? } objects' })
    .min(MIN_LABELS, `labels must list ${MIN_LABELS} to ${MAX_LABELS} labels: add at least two`)
    .max(MAX_LABELS, `labels must list ${MIN_LABELS} to ${MAX_LABELS} labels: split a larger set into groups`)
    .superRefine((labels, ctx) => {
      const names = labels.map(nameOf);
      const duplicate = findDuplicateLabel(names);
      if (duplicate === undefined) return;
      ctx.addIssue({
        code: 'custom',
        path: [duplicate.second],
        message:
          `${JSON.stringify(names[duplicate.second])} is the same label as ${JSON.stringify(names[duplicate.first])} ` +
          `(labels.${duplicate.first}) once case, spaces and punctuation are ignored: give every label a distinct name`,
      });
    })
    .describe(
      `The allowed labels (${MIN_LABELS} to ${MAX_LABELS}, distinct): names of at most ${MAX_LABEL_NAME_CHARS} characters, ` +
        `or { name, description? } with a description of at most ${MAX_DESCRIPTION_CHARS}.`,
    ),
  multiLabel: z
    .boolean({ error: 'multiLabel must be true or false' })
    .default(false)
    .describe('false (default): the one best label plus up to 2 runners-up. true: every label that applies (maybe none).'),
  instructions: z
    .string({ error: 'instructions must be a string' })
    .min(1, 'instructions is empty: leave it out or say how to apply the labels')
    .max(
      MAX_INSTRUCTIONS_CHARS,
      `instructions is longer than ${withThousands(MAX_INSTRUCTIONS_CHARS)} characters: keep the guidance short`,
    )
    .refine(hasVisibleText, 'instructions is blank: leave it out or say how to apply the labels')
    .optional()
    .describe('Optional guidance on how to apply the labels (for example, which to prefer when two fit).'),
});

const scoredLabel = z.object({
  label: z.string().describe('A label name exactly as given in labels.'),
  confidence: z.number().min(0).max(1),
});

export const ClassifyOutputSchema = z.object({
  label: z.string().nullable().describe('The top label; null only when multiLabel is true and no label applies.'),
  labels: z
    .array(scoredLabel)
    .describe(
      'Highest confidence first, one entry per label: the top label and up to 2 runners-up, or every label that applies.',
    ),
  rationale: z.string().describe('One sentence on why.'),
});

/** `classify`'s arguments after defaults. */
export type ClassifyInput = z.output<typeof ClassifyInputSchema>;
