/**
 * What the `route` step sends: the system prompt (trusted, no route names) and the user message (the
 * request and the destinations, each in its own delimited block). `sampleJson` appends its JSON rule
 * line to the system prompt and the answer's JSON Schema (answer.ts) to the user message.
 */
import { DATA_NOT_INSTRUCTIONS, delimit } from '@mcp-sampling/kit';
import type { Route } from './schemas.js';

/** Step key of the routing decision (its repairs are `route:repair-1`, `route:repair-2`). */
export const ROUTE_STEP_KEY = 'route';

/** Reply budget: a name of up to 100 characters, a number and one short sentence, as JSON. */
export const ROUTE_MAX_TOKENS = 160;

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
