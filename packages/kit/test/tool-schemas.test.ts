import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { convertedOnce, toolSchemasOf } from '../src/registration/tool-schemas.js';
import { chainTool } from './fixtures.js';

describe('tool schemas, made once per tool', () => {
  it('gives every server of a process the same schema objects for one tool', () => {
    expect(toolSchemasOf(chainTool)).toBe(toolSchemasOf(chainTool));
  });

  it('converts to JSON Schema once per direction and target, and hands out a frozen document', () => {
    const base = z.object({ text: z.string() });
    let conversions = 0;
    const counting = {
      '~standard': {
        ...base['~standard'],
        jsonSchema: {
          input: (options: { target: string }) => {
            conversions += 1;
            return base['~standard'].jsonSchema.input(options as never);
          },
          output: base['~standard'].jsonSchema.output,
        },
      },
    };
    const once = convertedOnce(counting as never) as typeof counting;
    const first = once['~standard'].jsonSchema.input({ target: 'draft-2020-12' });
    const again = once['~standard'].jsonSchema.input({ target: 'draft-2020-12' });
    expect(again).toBe(first);
    expect(conversions).toBe(1);
    once['~standard'].jsonSchema.input({ target: 'draft-07' });
    expect(conversions).toBe(2);
    expect(Object.isFrozen(first)).toBe(true);
    expect(first).toMatchObject({ type: 'object', properties: { text: { type: 'string' } } });
  });

  it('keeps validation as it was: strict arguments, with the kit wording for an unknown one', () => {
    const { input } = toolSchemasOf(chainTool);
    expect(input['~standard'].validate({ steps: 2 })).toEqual({ value: { steps: 2 } });
    const refused = input['~standard'].validate({ steps: 2, bogus: 1 }) as { issues: { message: string }[] };
    expect(refused.issues[0]?.message).toMatch(/Unknown argument 'bogus' for chain\. Accepted arguments: steps\./);
  });
});
