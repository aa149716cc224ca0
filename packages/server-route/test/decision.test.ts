import { describe, expect, it } from 'vitest';
import { type Backstop, CONFIDENCE_THRESHOLD, decideRoute, singleRouteResult } from '../src/decision.js';
import { decideByKeywords, RequestWords } from '../src/keywords.js';
import { DESK_ROUTES, PHISHING_REQUEST } from './desk.js';

const keywords = decideByKeywords(new RequestWords(PHISHING_REQUEST), DESK_ROUTES);
const backstop =
  (overrides: Partial<Backstop> = {}) =>
  () => ({ keywords, fallback: 'technical', ...overrides });
const said = (route: string, confidence: number) => ({ kind: 'answer' as const, answer: { route, confidence, reason: 'Why.' } });

describe('the decision order', () => {
  it('takes a confident answer without consulting the backstop', () => {
    const never = () => {
      throw new Error('the backstop must not run');
    };
    expect(decideRoute(said('sales', CONFIDENCE_THRESHOLD), never)).toEqual({
      route: 'sales',
      confidence: 0.5,
      reason: 'Why.',
      matchedBy: 'model',
    });
  });

  it('goes model → keywords → fallback → the model’s low pick', () => {
    expect(decideRoute(said('sales', 0.49), backstop())).toMatchObject({ route: 'security', matchedBy: 'keywords' });
    expect(decideRoute(said('sales', 0.49), backstop({ keywords: undefined }))).toMatchObject({
      route: 'technical',
      matchedBy: 'fallback',
      confidence: 0,
    });
    expect(decideRoute(said('sales', 0.49), backstop({ keywords: undefined, fallback: undefined }))).toMatchObject({
      route: 'sales',
      matchedBy: 'model',
      confidence: 0.49,
    });
  });

  it('treats an invalid answer like a low one, except that nothing may be left to decide', () => {
    expect(decideRoute({ kind: 'invalid' }, backstop())).toMatchObject({ route: 'security', matchedBy: 'keywords' });
    expect(decideRoute({ kind: 'invalid' }, backstop({ keywords: undefined }))).toMatchObject({ route: 'technical' });
    expect(decideRoute({ kind: 'invalid' }, backstop({ keywords: undefined, fallback: undefined }))).toBeUndefined();
  });

  it('says when the keywords agree with the model’s low pick', () => {
    expect(decideRoute(said('security', 0.3), backstop())?.reason).toContain('Keywords agree:');
  });

  it('gives a single route with full confidence, as the fallback', () => {
    expect(singleRouteResult('only')).toEqual({
      route: 'only',
      confidence: 1,
      reason: 'Only one route was given, so no model was asked.',
      matchedBy: 'fallback',
    });
  });
});
