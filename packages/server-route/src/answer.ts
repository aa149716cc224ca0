/**
 * The model's answer to the `route` step: its schema, whose `route` enum lists the destinations
 * (so the JSON Schema sent to the host names them), and the normalisation that maps a spelling such
 * as `"BILLING "` to the route's own name and cuts a long reason before validation.
 */
import { isRecord, recentlyUsed } from '@mcp-sampling/text';
import * as z from 'zod/v4';
import type { RouteBook } from './route-book.js';

/** Longest `reason` kept from the model; a longer one is cut, not sent back for repair. */
export const MAX_REASON_CHARS = 300;

const confidenceField = z.number().min(0).max(1).describe('How sure you are, from 0 to 1.');
const reasonField = z.string().min(1).max(MAX_REASON_CHARS).describe('One short sentence: why this destination.');

function buildAnswerSchema(names: readonly string[]) {
  return z.object({
    route: z.enum(names as [string, ...string[]]).describe('The exact name of the chosen destination.'),
    confidence: confidenceField,
    reason: reasonField,
  });
}

/** Answer schemas of the route sets seen last: callers tend to route many requests over one set. */
const RECENT_SCHEMAS = 16;
const recentSchemas = recentlyUsed<ReturnType<typeof buildAnswerSchema>>(RECENT_SCHEMAS);

/**
 * What the model must answer; `route` is an enum of the route names, so the JSON Schema lists
 * them. The same route names give the same schema object, so its JSON Schema is built once.
 */
export function answerSchema(book: RouteBook) {
  return recentSchemas(JSON.stringify(book.names), () => buildAnswerSchema(book.names));
}

/** The model's validated answer. */
export type ModelAnswer = z.output<ReturnType<typeof buildAnswerSchema>>;

/**
 * Maps a parsed answer to canonical form before validation: a route spelled with other case,
 * spacing or punctuation becomes the route's own name; `reason` is trimmed and cut to
 * `MAX_REASON_CHARS`. Anything else is left for the schema to judge (and the repair to fix).
 */
export function normaliseAnswer(book: RouteBook): (value: unknown) => unknown {
  return (value) => {
    if (!isRecord(value)) return value;
    const answer: Record<string, unknown> = { ...value };
    if (typeof answer.route === 'string') answer.route = book.canonical(answer.route) ?? answer.route;
    if (typeof answer.reason === 'string') answer.reason = cutReason(answer.reason);
    return answer;
  };
}

function cutReason(reason: string): string {
  const trimmed = reason.trim().replace(/\s+/g, ' ');
  if (trimmed.length <= MAX_REASON_CHARS) return trimmed;
  const cut = trimmed.slice(0, MAX_REASON_CHARS - 1);
  const lastSpace = cut.lastIndexOf(' ');
  return `${(lastSpace > MAX_REASON_CHARS / 2 ? cut.slice(0, lastSpace) : cut).trimEnd()}…`;
}
