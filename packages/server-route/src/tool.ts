/**
 * `route`: send a request (a message, a ticket, a question) to one of the caller's destinations.
 *
 * One structured step, `route` (`s.sampleJson`, preset `fast`, 160 tokens): the model answers
 * `{ route, confidence, reason }`, with `route` constrained to the route names by the answer
 * schema and spelling variants mapped to the canonical name. An invalid answer gets up to two
 * repairs (`route:repair-1`, `route:repair-2`), so a call takes at most 3 rounds. When the answer
 * stays invalid, or its confidence is below 0.5, the routes' keywords decide, then the `fallback`
 * (decision.ts). A single route takes no step at all.
 *
 * Protocol path: the kit's. On 2026-07-28 each step is an `input_required` round; on 2025-era
 * connections each step is a pushed `sampling/createMessage`. The request, the route names,
 * descriptions and keywords travel only in delimited user content, never in the system prompt.
 * Only an invalid answer is handled here, and the result's provenance then says `heuristic` with
 * an `invalid-output: …` reason (`s.decidedWithoutModel`); a decline, a timeout or a host without
 * sampling propagates to the kit, which owns the fallback policy (and may call `routeHeuristic`).
 */
import { defineSamplingTool, type SamplingContext, SamplingFailure } from '@mcp-sampling/kit';
import { withThousands } from '@mcp-sampling/text';
import { answerSchema, normaliseAnswer } from './answer.js';
import { decideRoute, type ModelOutcome, singleRouteResult, UNDECIDED_HINT } from './decision.js';
import { routeHeuristic } from './heuristic.js';
import { decideByKeywords, RequestWords } from './keywords.js';
import { ROUTE_MAX_TOKENS, ROUTE_STEP_KEY, ROUTE_SYSTEM_PROMPT, routeUserMessage } from './prompt.js';
import { RouteBook } from './route-book.js';
import { LIMITS, type RouteInput, RouteInputSchema, RouteOutputSchema, type RouteResult } from './schemas.js';

/**
 * True when the model's answer is unusable: still invalid after `sampleJson`'s repairs, or an
 * empty or non-text reply. Other failures (no sampling, a decline, a timeout) go to the kit's
 * fallback policy untouched.
 */
function isInvalidAnswer(error: unknown): error is SamplingFailure {
  return error instanceof SamplingFailure && error.reason === 'invalid-output';
}

/** Asks the model; an answer that stays invalid after its repairs comes back as `invalid`. */
async function askModel({ request, routes }: RouteInput, book: RouteBook, s: SamplingContext) {
  try {
    const { value } = await s.sampleJson(ROUTE_STEP_KEY, answerSchema(book), {
      system: ROUTE_SYSTEM_PROMPT,
      user: routeUserMessage(request, routes),
      maxTokens: ROUTE_MAX_TOKENS,
      normalise: normaliseAnswer(book),
    });
    return { outcome: { kind: 'answer', answer: value } satisfies ModelOutcome };
  } catch (error) {
    if (isInvalidAnswer(error)) {
      return { outcome: { kind: 'invalid' } satisfies ModelOutcome, failure: error };
    }
    throw error;
  }
}

/** What the provenance reason says decided after an unusable answer. */
const BACKSTOP_DECIDED: Record<RouteResult['matchedBy'], string> = {
  keywords: 'Keywords decided.',
  fallback: "The caller's fallback route decided.",
  model: 'The model decided.', // never after an unusable answer (decision.ts)
};

async function route(input: RouteInput, s: SamplingContext): Promise<RouteResult> {
  const { request, routes, fallback } = input;
  const only = routes.length === 1 ? routes[0] : undefined;
  if (only !== undefined) return singleRouteResult(only.name);

  const book = new RouteBook(routes);
  const { outcome, failure } = await askModel(input, book, s);
  const decision = decideRoute(outcome, () => ({
    keywords: decideByKeywords(new RequestWords(request), routes),
    fallback: fallback === undefined ? undefined : book.canonical(fallback),
  }));
  if (decision !== undefined) {
    // The model's answer was unusable, so the keywords or the caller's fallback decided: say so.
    if (failure !== undefined) s.decidedWithoutModel(failure, BACKSTOP_DECIDED[decision.matchedBy]);
    return decision;
  }
  // Only an invalid answer can leave nothing to decide; the failure keeps its reason for the kit.
  throw new SamplingFailure(
    'invalid-output',
    `${failure?.message ?? 'The model gave no valid answer.'} ${UNDECIDED_HINT}`,
    failure?.key,
  );
}

export const routeTool = defineSamplingTool({
  name: 'route',
  title: 'Route',
  description:
    `Route a request (a message, ticket or question, up to ${withThousands(LIMITS.requestChars)} characters) to one of ` +
    `up to ${LIMITS.routes} named destinations with the host model. The answer is always one of the given route names. ` +
    "When the model gives no valid answer or is unsure (confidence below 0.5), the routes' keywords decide, then the fallback route; " +
    '`matchedBy` says which.',
  input: RouteInputSchema,
  output: RouteOutputSchema,
  preset: 'fast',
  annotations: { readOnlyHint: true, openWorldHint: false },
  run: route,
  heuristic: routeHeuristic,
  text: (result) => `${result.route} (${result.matchedBy}, confidence ${result.confidence}): ${result.reason}`,
});
