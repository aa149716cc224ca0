import { describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { OFFLINE_MODEL, offlineAnswer } from '../src/index.js';
import { jsonFromSchema } from '../src/json-from-schema.js';

const TICKET =
  'My invoice shows a double charge for the annual plan. Please refund the second payment. ' +
  'I contacted billing twice already and the refund has not arrived.';

const jsonSchemaOf = (schema: z.ZodType) => z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;

describe('jsonFromSchema', () => {
  it('builds a classify-shaped answer that validates, ranking labels by what the text contains', () => {
    const schema = z.object({
      labels: z
        .array(z.object({ label: z.enum(['Shipping', 'Billing', 'Security']), confidence: z.number().min(0).max(1) }))
        .min(1),
      rationale: z.string(),
    });
    const value = jsonFromSchema(jsonSchemaOf(schema), `${TICKET}\nShipping\nBilling\nSecurity`);
    const parsed = schema.parse(value);
    expect(parsed.labels[0]).toEqual({ label: 'Billing', confidence: 0.9 });
    expect(new Set(parsed.labels.map((entry) => entry.label)).size).toBe(parsed.labels.length);
    expect(TICKET).toContain(parsed.rationale);
  });

  it('builds a draft outline with distinct points from the text, within the bounds', () => {
    const schema = z.object({ subject: z.string().min(1).max(40), points: z.array(z.string().min(1)).min(2).max(8) });
    const parsed = schema.parse(jsonFromSchema(jsonSchemaOf(schema), TICKET));
    expect(parsed.subject.length).toBeLessThanOrEqual(40);
    expect(new Set(parsed.points).size).toBe(parsed.points.length);
  });

  it('follows unions, nullables, integers, booleans, consts and local refs', () => {
    const shared = z.object({ n: z.number().int().min(3).max(9) });
    const schema = z.object({
      a: z.union([z.null(), z.string()]),
      b: z.boolean(),
      c: z.literal('fixed'),
      d: shared,
      e: shared,
      f: z.string().nullable(),
    });
    const value = jsonFromSchema(z.toJSONSchema(schema, { io: 'input', reused: 'ref' }) as Record<string, unknown>, TICKET);
    expect(schema.safeParse(value).success).toBe(true);
  });

  it('answers differently for different texts', () => {
    const schema = jsonSchemaOf(z.object({ route: z.enum(['billing', 'security']), reason: z.string() }));
    expect(jsonFromSchema(schema, TICKET)).not.toEqual(jsonFromSchema(schema, 'Someone hacked my account; security please.'));
  });
});

describe('offlineAnswer', () => {
  it('answers a schema request with JSON and a text request with sentences from the delimited data', () => {
    const userText = `Classify this:\n<untrusted-input name="text">\n${TICKET}\n</untrusted-input>\n\nJSON Schema of the answer: {...}`;
    const schema = jsonSchemaOf(z.object({ route: z.enum(['sales', 'billing']) }));
    expect(JSON.parse(offlineAnswer({ systemPrompt: '', userText, maxTokens: 50, jsonSchema: schema }))).toEqual({
      route: 'billing',
    });
    const text = offlineAnswer({ systemPrompt: 'Write a bulleted list.', userText, maxTokens: 100 });
    expect(text.startsWith('- ')).toBe(true);
    expect(text).not.toContain('JSON Schema');
    expect(OFFLINE_MODEL).toBe('offline-extractive-1');
  });
});
