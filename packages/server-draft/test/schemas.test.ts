import { codePoints, ERAS, INVISIBLE_TEXTS, reply } from '@mcp-sampling/testing';
import { expectRefused, expectStrictTool, useMockHosts } from '@mcp-sampling/testing/hosts';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';

const connect = useMockHosts();

const brief = 'A note.';

describe.each(ERAS)('draft arguments on %s', (era) => {
  it.each<[string, Record<string, unknown>, RegExp]>([
    ['an empty brief', { brief: '' }, /brief: brief is empty: say what the draft is for/],
    ['a blank brief', { brief: ' \n ' }, /brief: brief is blank/],
    ['a missing brief', {}, /brief: brief must be a string/],
    ['a brief over 20,000 characters', { brief: 'a'.repeat(20_001) }, /brief: brief is longer than 20,000 characters/],
    ['maxWords 10', { brief, maxWords: 10 }, /maxWords: maxWords must be a whole number from 20 to 2,000/],
    ['maxWords 3000', { brief, maxWords: 3000 }, /maxWords: maxWords must be a whole number from 20 to 2,000/],
    ['maxWords 50.5', { brief, maxWords: 50.5 }, /maxWords: maxWords must be a whole number/],
    [
      '21 mustInclude points',
      { brief, mustInclude: Array.from({ length: 21 }, (_, i) => `Point ${i}`) },
      /mustInclude: mustInclude has more than 20 points/,
    ],
    [
      'an empty mustInclude point',
      { brief, mustInclude: ['Parking is free', ''] },
      /mustInclude\.1: each mustInclude point is empty/,
    ],
    [
      'a mustInclude point over 300 characters',
      { brief, mustInclude: ['x'.repeat(301)] },
      /mustInclude\.0: each mustInclude point is longer than 300/,
    ],
    ['mustInclude as a string', { brief, mustInclude: 'Parking is free' }, /mustInclude: mustInclude must be a list of strings/],
    [
      'a context over 200,000 characters',
      { brief, context: 'a'.repeat(200_001) },
      /context: context is longer than 200,000 characters/,
    ],
    ['an unknown kind', { brief, kind: 'memo' }, /kind: kind must be one of 'email', 'reply', 'announcement', 'post', 'note'/],
    ['an empty audience', { brief, audience: '' }, /audience: audience is empty: leave it out or say who will read the draft/],
    ['an audience over 300 characters', { brief, audience: 'a'.repeat(301) }, /audience: audience is longer than 300 characters/],
    ['a tone over 200 characters', { brief, tone: 'a'.repeat(201) }, /tone: tone is longer than 200 characters/],
    ...INVISIBLE_TEXTS.map((blank): [string, Record<string, unknown>, RegExp] => [
      `a brief of ${codePoints(blank)}`,
      { brief: blank },
      /brief: brief is blank: say what the draft is for/,
    ]),
    ['a zero-width audience', { brief, audience: '\u200B' }, /audience: audience is blank: leave it out or say who will read/],
    ['a zero-width tone', { brief, tone: '\uFEFF\u2060' }, /tone: tone is blank: leave it out or name the tone/],
    [
      'a zero-width mustInclude point',
      { brief, mustInclude: ['Parking is free', '\u200B\u200C'] },
      /mustInclude\.1: each mustInclude point is blank: remove it or write the point/,
    ],
    [
      'a zero-width context',
      { brief, context: '\u200D\uFE0F \n' },
      /context: context is blank: leave it out or pass the text the draft responds to/,
    ],
    [
      'an unknown argument',
      { brief, bogus: 1 },
      /Unknown argument 'bogus' for draft\. Accepted arguments: brief, kind, audience, tone, maxWords, mustInclude, context\./,
    ],
    ['a misspelt argument', { brief, must_include: ['x'] }, /Unknown argument 'must_include' for draft/],
  ])('rejects %s with an isError naming the field', async (_name, args, message) => {
    const host = await connect(buildServer, { era, script: reply.text('unused') });
    await expectRefused(host, 'draft', args, message);
  });

  it('advertises additionalProperties: false on its arguments', async () => {
    await expectStrictTool(await connect(buildServer, { era }), 'draft');
  });

  it('accepts the limits themselves', async () => {
    const host = await connect(buildServer, {
      era,
      script: {
        rules: [{ match: 'outline', reply: reply.json({ points: ['One point.'] }) }],
        otherwise: reply.text('A short note.'),
      },
    });
    const result = await host.callTool('draft', {
      brief: 'b'.repeat(20_000),
      maxWords: 2000,
      mustInclude: Array.from({ length: 20 }, (_, i) => `Point ${i}`),
      audience: 'a'.repeat(300),
      tone: 't'.repeat(200),
    });
    expect(result.isError).toBeFalsy();
    expect(host.requests[0]?.maxTokens).toBe(2_000); // 400 + 80 × 20 points
  });
});
