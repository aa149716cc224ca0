import { DATA_NOT_INSTRUCTIONS, jsonSchemaOf } from '@mcp-sampling/kit';
import { describe, expect, it } from 'vitest';
import { answerSchema } from '../src/answer.js';
import { ROUTE_SYSTEM_PROMPT, routeUserMessage } from '../src/prompt.js';
import { RouteBook } from '../src/route-book.js';

describe('the route prompt', () => {
  it('keeps the system prompt free of caller text and states the data rule', () => {
    expect(ROUTE_SYSTEM_PROMPT.endsWith(DATA_NOT_INSTRUCTIONS)).toBe(true);
  });

  it('writes one JSON line per destination and leaves out empty keyword lists', () => {
    const message = routeUserMessage('Hi', [
      { name: 'a', description: 'First.\nSecond line.', keywords: [] },
      { name: 'b', description: 'B.', keywords: ['x y'] },
    ]);
    expect(message).toBe(
      'Route the request to one of the destinations.\n\nThe request:\n<untrusted-input name="request">\nHi\n</untrusted-input>\n\n' +
        'The destinations, one JSON object per line:\n<untrusted-input name="routes">\n' +
        '{"name":"a","description":"First.\\nSecond line."}\n{"name":"b","description":"B.","keywords":["x y"]}\n</untrusted-input>',
    );
  });

  it('builds one answer schema per set of names, listing them in order', () => {
    const book = (...names: string[]) => new RouteBook(names.map((name) => ({ name, description: 'd' })));
    const first = answerSchema(book('b', 'a'));
    expect(answerSchema(book('b', 'a'))).toBe(first);
    expect(answerSchema(book('a', 'b'))).not.toBe(first);
    expect(jsonSchemaOf(first)).toMatchObject({ properties: { route: { enum: ['b', 'a'] } } });
    expect(first.safeParse({ route: 'a', confidence: 1, reason: 'r' }).success).toBe(true);
    expect(first.safeParse({ route: 'c', confidence: 1, reason: 'r' }).success).toBe(false);
    expect(first.safeParse({ route: 'a', confidence: 1.1, reason: 'r' }).success).toBe(false);
  });
});
