/**
 * The outline: the structured answer of the first writing step, its schema, and how the server
 * makes sure it covers every required point.
 */
import * as z from 'zod/v4';
import { pointIncluded } from './checks.js';

/** Most points an outline may have. */
export const MAX_OUTLINE_POINTS = 40;

const points = z
  .array(z.string().trim().min(1, 'an outline point is empty').max(600, 'an outline point is longer than 600 characters'))
  .min(1, 'the outline needs at least one point')
  .max(MAX_OUTLINE_POINTS, `the outline has more than ${MAX_OUTLINE_POINTS} points`)
  .describe('The points the draft will make, in order, each a short sentence.');

/** Outline of a non-email draft. */
export const OUTLINE_SCHEMA = z.object({ points });

/** Outline of an email: a subject as well. */
export const EMAIL_OUTLINE_SCHEMA = z.object({
  subject: z
    .string()
    .trim()
    .min(1, 'the subject is empty')
    .max(200, 'the subject is longer than 200 characters')
    .regex(/^[^\r\n]*$/, 'the subject must be a single line')
    .describe('The subject line of the email.'),
  points,
});

/** A validated outline. */
export interface Outline {
  subject?: string;
  points: string[];
}

/**
 * The model's outline plus, at the end, every required point it does not already make (judged by
 * the same matcher as the draft checks), so the draft step always works from a complete plan
 * without spending a round on it.
 */
export function completeOutline(outline: Outline, mustInclude: readonly string[]): Outline {
  const planned = outline.points.join('\n');
  const missing = mustInclude.filter((point) => !pointIncluded(point, planned));
  return { ...outline, points: [...outline.points, ...missing] };
}

/** The outline as the draft and revision steps see it (inside a delimited block). */
export function outlineText(outline: Outline): string {
  const lines = outline.points.map((point, index) => `${index + 1}. ${point}`);
  return outline.subject === undefined ? lines.join('\n') : [`Subject: ${outline.subject}`, ...lines].join('\n');
}
