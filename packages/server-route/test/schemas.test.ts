import { codePoints, ERAS, INVISIBLE_TEXTS, reply } from '@mcp-sampling/testing';
import { expectRefused, expectStrictTool, useMockHosts } from '@mcp-sampling/testing/hosts';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';
import { DESK_ROUTES, deskCall, manyRoutes } from './desk.js';

const connect = useMockHosts();

const route = (name: string, description = 'Something.') => ({ name, description });

describe.each(ERAS)('route arguments on %s', (era) => {
  it.each<[string, unknown, RegExp]>([
    [
      'duplicate names once normalised',
      { request: 'x', routes: [route('Tech Support'), route('billing'), route(' tech-SUPPORT! ')] },
      /routes\.2\.name: routes has a duplicate name: ' tech-SUPPORT! ' is the same as routes\[0\] 'Tech Support'/,
    ],
    ['an unknown fallback', deskCall('x', { fallback: 'marketing' }), /fallback: fallback 'marketing' does not name a route/],
    ['an empty fallback', deskCall('x', { fallback: '' }), /fallback: fallback is empty/],
    ['empty routes', { request: 'x', routes: [] }, /routes: routes is empty: give at least one route/],
    ['101 routes', { request: 'x', routes: manyRoutes(101) }, /routes: routes has more than 100 entries/],
    ['missing routes', { request: 'x' }, /routes: routes must be an array/],
    ['an empty request', deskCall(''), /request: request is empty: pass the text to route/],
    ['a blank request', deskCall(' \n\t '), /request: request is blank/],
    ['a request over 50,000 characters', deskCall('a'.repeat(50_001)), /request: request is longer than 50,000 characters/],
    ['a request of the wrong type', deskCall(42 as unknown as string), /request: request must be a string/],
    [
      'a name over 100 characters',
      { request: 'x', routes: [route('n'.repeat(101))] },
      /routes\.0\.name: route name is longer than 100/,
    ],
    ['a name without a word', { request: 'x', routes: [route('--!')] }, /routes\.0\.name: route name has no letter or digit/],
    ['an empty name', { request: 'x', routes: [route('')] }, /routes\.0\.name: route name is empty/],
    [
      'a description over 1,000 characters',
      { request: 'x', routes: [route('a', 'd'.repeat(1_001))] },
      /routes\.0\.description: route description is longer than 1,000 characters/,
    ],
    [
      'a missing description',
      { request: 'x', routes: [{ name: 'a' }] },
      /routes\.0\.description: route description must be a string/,
    ],
    [
      'more than 50 keywords',
      { request: 'x', routes: [{ ...route('a'), keywords: Array.from({ length: 51 }, (_, i) => `k${i}`) }] },
      /routes\.0\.keywords: a route has more than 50 keywords/,
    ],
    [
      'a keyword over 100 characters',
      { request: 'x', routes: [{ ...route('a'), keywords: ['k'.repeat(101)] }] },
      /routes\.0\.keywords\.0: keyword is longer than 100 characters/,
    ],
    [
      'a keyword without a word',
      { request: 'x', routes: [{ ...route('a'), keywords: ['ok', '...'] }] },
      /routes\.0\.keywords\.1: keyword has no letter or digit/,
    ],
    ...INVISIBLE_TEXTS.map((blank): [string, unknown, RegExp] => [
      `a request of ${codePoints(blank)}`,
      deskCall(blank),
      /request: request is blank: pass the text to route/,
    ]),
    [
      'a description of zero-width characters',
      { request: 'x', routes: [route('a', '\u200B\u200C\uFEFF')] },
      /routes\.0\.description: route description is blank: say what belongs to this route/,
    ],
    [
      'a name of invisible marks',
      { request: 'x', routes: [route('\uFE0F\u034F'), route('b')] },
      /routes\.0\.name: route name has no letter or digit/,
    ],
    [
      'a keyword of invisible marks',
      { request: 'x', routes: [{ ...route('a'), keywords: ['\uFE0F'] }] },
      /routes\.0\.keywords\.0: keyword has no letter or digit/,
    ],
    [
      'an unknown argument',
      { ...deskCall('x'), bogus: 1 },
      /Unknown argument 'bogus' for route\. Accepted arguments: request, routes, fallback\./,
    ],
    [
      'an unknown field in a route',
      { request: 'x', routes: [{ ...route('a'), keyword: ['refund'] }] },
      /routes\.0: Unknown field 'keyword'\. Accepted fields: name, description, keywords\./,
    ],
  ])('rejects %s with an isError naming the field', async (_name, args, message) => {
    const host = await connect(buildServer, { era, script: reply.json({ route: 'billing', confidence: 1, reason: 'r' }) });
    await expectRefused(host, 'route', args as Record<string, unknown>, message);
  });

  it('advertises additionalProperties: false on its arguments and on route objects', async () => {
    await expectStrictTool(await connect(buildServer, { era }), 'route');
  });

  it('accepts the limits themselves: 100 routes, 100-character names, 1,000-character descriptions, 50 keywords', async () => {
    const routes = manyRoutes(100).map((entry, i) => ({
      name: `${String(i).padStart(3, '0')}${'n'.repeat(97)}`,
      description: 'd'.repeat(1_000),
      keywords: Array.from({ length: 50 }, (_, k) => `${entry.keywords[0]}-${k}-`.padEnd(100, 'k')),
    }));
    const host = await connect(buildServer, {
      era,
      script: reply.json({ route: routes[42]?.name, confidence: 0.9, reason: 'r' }),
    });
    const result = await host.callTool('route', { request: 'q'.repeat(50_000), routes, fallback: routes[0]?.name });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ route: routes[42]?.name, matchedBy: 'model' });
    expect(host.requests).toHaveLength(1);
  });

  it('accepts a fallback spelled differently and returns its canonical name', async () => {
    const host = await connect(buildServer, { era, script: reply.text('not JSON') });
    const result = await host.callTool('route', { request: 'Hello there.', routes: DESK_ROUTES, fallback: ' Security ' });
    expect(result.structuredContent).toMatchObject({ route: 'security', matchedBy: 'fallback' });
  });
});
