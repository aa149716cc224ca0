/**
 * `route` without any model, for the kit's fallback policy: keywords first (the same matcher as
 * the tool's backstop), then the words a route's name and description share with the request,
 * then the caller's `fallback`, then the first route. Confidence stays honest: keyword wins use
 * `marginConfidence`, description overlap reports half of it (always below 0.5), and a fallback or
 * a default reports 0.
 */

import { foldedWordsOf } from '@mcp-sampling/text';
import { singleRouteResult } from './decision.js';
import { decideByKeywords, describeKeywordWin, marginConfidence, pickWinner, RequestWords } from './keywords.js';
import { RouteBook } from './route-book.js';
import type { Route, RouteInput, RouteResult } from './schemas.js';

/**
 * Words too common to say anything about where a request belongs. The route's own list, not
 * @mcp-sampling/text's: it drops words such as `one`, `other` and `after` that carry no destination,
 * and changing it would change which route a description match picks.
 */
const STOPWORDS = new Set(
  (
    'a about after all also am an and any are as at be been before but by can could did do does for from had has have he her ' +
    'him his how i if in into is it its just me more most my no not of on one or other our out over she so some such than that ' +
    'the their them then there these they this those to too up us was we were what when where which while who why will with ' +
    'would you your'
  ).split(' '),
);

/** A route's content words: those of its name and description, minus stopwords. */
function contentWords(route: Route): Set<string> {
  return new Set(foldedWordsOf(`${route.name} ${route.description}`).filter((word) => !STOPWORDS.has(word)));
}

/** The overlap winner, with the shared words; undefined when no route shares a content word. */
export function decideByDescription(request: RequestWords, routes: readonly Route[]) {
  const shared = routes.map((route) => ({
    route: route.name,
    words: [...contentWords(route)].filter((word) => request.has(word)),
  }));
  const win = pickWinner(shared.map(({ route, words }) => ({ route, score: words.length })));
  if (win === undefined) return undefined;
  const words = shared.find((entry) => entry.route === win.route)?.words ?? [];
  return { ...win, words, confidence: Math.round((marginConfidence(win.score, win.runnerUp) / 2) * 100) / 100 };
}

/** The tool's answer without a model. Deterministic; never asks the host for anything. */
export function routeHeuristic({ request, routes, fallback }: RouteInput): RouteResult {
  const only = routes.length === 1 ? routes[0] : undefined;
  if (only !== undefined) return singleRouteResult(only.name);
  const words = new RequestWords(request);

  const byKeywords = decideByKeywords(words, routes);
  if (byKeywords !== undefined) {
    return {
      route: byKeywords.route,
      confidence: byKeywords.confidence,
      reason: `No model was used. Keywords decided: ${describeKeywordWin(byKeywords)}.`,
      matchedBy: 'keywords',
    };
  }
  const byDescription = decideByDescription(words, routes);
  if (byDescription !== undefined) {
    const tie = byDescription.tie ? ', tied with another route and chosen because it is listed first' : '';
    return {
      route: byDescription.route,
      confidence: byDescription.confidence,
      reason:
        `No model was used and no keywords matched. The name and description of '${byDescription.route}' share the most ` +
        `words with the request (${byDescription.words.join(', ')})${tie}; a weak signal.`,
      matchedBy: 'keywords',
    };
  }
  const book = new RouteBook(routes);
  const chosen = fallback === undefined ? undefined : book.canonical(fallback);
  if (chosen !== undefined) {
    return {
      route: chosen,
      confidence: 0,
      reason:
        "No model was used, and no route's keywords or description words occur in the request, so the fallback route was used.",
      matchedBy: 'fallback',
    };
  }
  const first = book.names[0] ?? '';
  return {
    route: first,
    confidence: 0,
    reason:
      "No model was used, no route's keywords or description words occur in the request, and no fallback was given, " +
      'so the first route is returned as a default.',
    matchedBy: 'fallback',
  };
}
