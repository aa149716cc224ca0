/**
 * The decision order, as a pure function of what the model said and what the backstop finds:
 *
 * 1. the model's answer, when it is valid and its confidence is at least `CONFIDENCE_THRESHOLD`;
 * 2. else the keywords (see keywords.ts);
 * 3. else the caller's `fallback`;
 * 4. else, after a low-confidence answer, the model's pick stands (`matchedBy: 'model'`); after an
 *    invalid answer nothing decides (`undefined`; the tool then fails the call).
 *
 * Every `reason` says which of these happened, including the model's pick when it was overridden.
 */
import { MAX_JSON_REPAIRS } from '@mcp-sampling/kit';
import type { ModelAnswer } from './answer.js';
import { describeKeywordWin, type KeywordDecision } from './keywords.js';
import type { RouteResult } from './schemas.js';

/** Below this confidence the model's pick is handed to the keywords, then to the fallback. */
export const CONFIDENCE_THRESHOLD = 0.5;

/** What the routing step came to: a valid answer, or none after its repairs. */
export type ModelOutcome = { kind: 'answer'; answer: ModelAnswer } | { kind: 'invalid' };

/** The deterministic backstop, computed only when the model's answer is not enough. */
export interface Backstop {
  keywords: KeywordDecision | undefined;
  /** The fallback route's canonical name, when the caller gave one. */
  fallback: string | undefined;
}

/** The result when there is only one route: nothing to choose, so no model is asked. */
export function singleRouteResult(name: string): RouteResult {
  return { route: name, confidence: 1, reason: 'Only one route was given, so no model was asked.', matchedBy: 'fallback' };
}

/** Applies the decision order; `undefined` when the answer was invalid and nothing else decides. */
export function decideRoute(model: ModelOutcome, backstop: () => Backstop): RouteResult | undefined {
  if (model.kind === 'answer' && model.answer.confidence >= CONFIDENCE_THRESHOLD) {
    const { route, confidence, reason } = model.answer;
    return { route, confidence, reason, matchedBy: 'model' };
  }
  const { keywords, fallback } = backstop();
  const modelSaid =
    model.kind === 'invalid'
      ? `The model gave no valid answer, even after ${MAX_JSON_REPAIRS} repairs.`
      : `The model chose '${model.answer.route}' with confidence ${model.answer.confidence}, below ${CONFIDENCE_THRESHOLD} ` +
        `("${model.answer.reason}").`;

  if (keywords !== undefined) {
    const agree = model.kind === 'answer' && model.answer.route === keywords.route;
    return {
      route: keywords.route,
      confidence: keywords.confidence,
      reason: `${modelSaid} Keywords ${agree ? 'agree' : 'decided'}: ${describeKeywordWin(keywords)}.`,
      matchedBy: 'keywords',
    };
  }
  if (fallback !== undefined) {
    return {
      route: fallback,
      confidence: 0,
      reason: `${modelSaid} No route's keywords occur in the request, so the fallback route was used.`,
      matchedBy: 'fallback',
    };
  }
  if (model.kind === 'answer') {
    const { route, confidence } = model.answer;
    return {
      route,
      confidence,
      reason: `${modelSaid} No route's keywords occur in the request and no fallback was given, so the model's choice stands.`,
      matchedBy: 'model',
    };
  }
  return undefined;
}

/** The closing sentence of the failure when an invalid answer leaves nothing to decide. */
export const UNDECIDED_HINT =
  "No route's keywords occur in the request and no fallback was given, so nothing else could decide: " +
  'give the routes keywords, or pass a fallback route.';
