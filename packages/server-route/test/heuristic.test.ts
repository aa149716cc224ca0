import { describe, expect, it } from 'vitest';
import { routeHeuristic } from '../src/heuristic.js';
import { routeTool } from '../src/tool.js';
import { BILLING_REQUEST, DESK_ROUTES, PHISHING_REQUEST, VAGUE_REQUEST } from './desk.js';

const bare = DESK_ROUTES.map(({ name, description }) => ({ name, description }));

describe('the heuristic (no model)', () => {
  it('is the tool’s declared heuristic', () => {
    expect(routeTool.heuristic).toBe(routeHeuristic);
  });

  it('decides by keywords first, with the same matcher and confidence as the backstop', () => {
    expect(routeHeuristic({ request: PHISHING_REQUEST, routes: DESK_ROUTES })).toEqual({
      route: 'security',
      confidence: 0.5,
      reason: "No model was used. Keywords decided: 'security' matched 2 keywords (phishing, hacked).",
      matchedBy: 'keywords',
    });
    expect(routeHeuristic({ request: BILLING_REQUEST, routes: DESK_ROUTES })).toMatchObject({
      route: 'billing',
      confidence: 0.8,
      matchedBy: 'keywords',
    });
  });

  it('then by words shared with names and descriptions, with a confidence below 0.5', () => {
    const result = routeHeuristic({ request: 'The dashboard shows error messages and the pages are slow.', routes: bare });
    expect(result).toMatchObject({ route: 'technical', matchedBy: 'keywords' });
    expect(result.confidence).toBeGreaterThan(0);
    expect(result.confidence).toBeLessThan(0.5);
    expect(result.reason).toBe(
      "No model was used and no keywords matched. The name and description of 'technical' share the most words with the " +
        'request (error, messages, slow, pages); a weak signal.',
    );
  });

  it('ignores stopwords when comparing with descriptions', () => {
    const result = routeHeuristic({ request: 'and the of for with', routes: bare, fallback: 'sales' });
    expect(result).toMatchObject({ route: 'sales', matchedBy: 'fallback', confidence: 0 });
  });

  it('then takes the fallback, by its canonical name', () => {
    expect(routeHeuristic({ request: VAGUE_REQUEST, routes: bare, fallback: 'SALES' })).toEqual({
      route: 'sales',
      confidence: 0,
      reason:
        "No model was used, and no route's keywords or description words occur in the request, so the fallback route was used.",
      matchedBy: 'fallback',
    });
  });

  it('else returns the first route with confidence 0, and says so', () => {
    const result = routeHeuristic({ request: VAGUE_REQUEST, routes: bare });
    expect(result).toMatchObject({ route: 'billing', confidence: 0, matchedBy: 'fallback' });
    expect(result.reason).toMatch(/no fallback was given, so the first route is returned as a default\.$/);
  });

  it('answers a single route at once', () => {
    expect(routeHeuristic({ request: VAGUE_REQUEST, routes: [bare[2] as (typeof bare)[number]] })).toMatchObject({
      route: 'sales',
      confidence: 1,
      matchedBy: 'fallback',
    });
  });

  it('produces results that satisfy the tool’s output schema', () => {
    for (const request of [PHISHING_REQUEST, VAGUE_REQUEST, 'slow pages']) {
      expect(routeTool.output.safeParse(routeHeuristic({ request, routes: bare })).success).toBe(true);
    }
  });
});
