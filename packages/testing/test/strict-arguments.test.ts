import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { codePoints, INVISIBLE_TEXTS, looseObjectPaths } from '../src/index.js';

describe('looseObjectPaths', () => {
  it('finds every object that lets unknown fields through, however deeply nested', () => {
    const schema = z.toJSONSchema(
      z.object({
        a: z.strictObject({ b: z.array(z.object({ c: z.string() })) }),
        d: z.union([z.string(), z.object({ e: z.number() })]).optional(),
      }),
      { io: 'input' },
    );
    expect(looseObjectPaths(schema)).toEqual(['$', '$.a.b.items', '$.d.anyOf.1']);
  });

  it('is empty for a schema strict throughout', () => {
    const schema = z.toJSONSchema(
      z.strictObject({ a: z.array(z.strictObject({ b: z.string() })), c: z.union([z.string(), z.strictObject({})]) }),
      { io: 'input' },
    );
    expect(looseObjectPaths(schema)).toEqual([]);
  });
});

describe('INVISIBLE_TEXTS', () => {
  it('holds no letter, digit, punctuation or symbol', () => {
    for (const text of INVISIBLE_TEXTS) expect(text).not.toMatch(/[\p{L}\p{N}\p{P}\p{S}]/u);
    expect(codePoints(INVISIBLE_TEXTS[0] as string)).toBe('U+200B U+200C U+FEFF');
  });
});
