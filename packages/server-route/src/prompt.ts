/**
 * What the `route` step sends: the system prompt (trusted, no route names), the user message (the
 * request and the destinations, each in its own delimited block), and the answer schema whose
 * `route` enum lists the destinations. `sampleJson` appends its JSON rule line to the system
 * prompt and the JSON Schema to the user message.
 */
import { DATA_NOT_INSTRUCTIONS, delimit } from '@mcp-sampling/kit';
import { isRecord, recentlyUsed } from '@mcp-sampling/text';
import * as z from 'zod/v4';
import type { Route, RouteBook } from './input.js';

/** Step key of the routing decision (its repairs are `route:repair-1`, `route:repair-2`). */
export const ROUTE_STEP_KEY = 'route';

/** Reply budget: a name of up to 100 characters, a number and one short sentence, as JSON. */
export const ROUTE_MAX_TOKENS = 160;

/** Longest `reason` kept from the model; a longer one is cut, not sent back for repair. */
export const MAX_REASON_CHARS = 300;

/** The task, as the system prompt states it before `DATA_NOT_INSTRUCTIONS`. */
export const ROUTE_INSTRUCTIONS =
  'You route a request to exactly one destination from a fixed list. ' +
  'Choose the destination whose description best fits what the request asks for. ' +
  'Answer with route: the exact name of the chosen destination; ' +
  'confidence: a number from 0 to 1 for how sure you are, below 0.5 when no destination clearly fits; ' +
  'reason: one short sentence saying why.';

/** The system prompt of the `route` step (the kit adds its JSON reply rules after it). */
export const ROUTE_SYSTEM_PROMPT = `${ROUTE_INSTRUCTIONS} ${DATA_NOT_INSTRUCTIONS}`;

/** One destination as the model sees it: a JSON object on one line, so no text can fake another entry. */
function destinationLine({ name, description, keywords }: Route): string {
  return JSON.stringify(
    keywords === undefined || keywords.length === 0 ? { name, description } : { name, description, keywords },
  );
}

/** The user message: the request, then the destinations, each in its own delimited block. */
export function routeUserMessage(request: string, routes: readonly Route[]): string {
  return [
    'Route the request to one of the destinations.',
    '',
    'The request:',
    delimit('request', request),
    '',
    'The destinations, one JSON object per line:',
    delimit('routes', routes.map(destinationLine).join('\n')),
  ].join('\n');
}

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
