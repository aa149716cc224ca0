import { connectInMemory, type Era, type MockHost, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { JSON_REPLY_RULES, JSON_SCHEMA_METADATA_KEY, readJson } from '../src/index.js';
import { buildJsonTestServer } from './fixtures.js';

const eras: Era[] = ['2025', '2026-07-28'];
let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

const textOf = (result: { content?: unknown }) => JSON.stringify(result.content);

describe.each(eras)('s.sampleJson on %s', (era) => {
  it('states the schema in the prompt and in metadata, at temperature 0', async () => {
    host = await connectInMemory(buildJsonTestServer, { era, script: reply.json({ colour: 'green', confidence: 0.8 }) });
    const result = await host.callTool('pick_colour', { thing: 'grass' });
    expect(result.structuredContent).toMatchObject({ colour: 'green', confidence: 0.8, repairs: 0 });
    const [request] = host.requests;
    expect(request?.systemPrompt).toContain(JSON_REPLY_RULES);
    expect(request?.userText).toContain('"enum":["red","green","blue"]');
    expect(request?.params.temperature).toBe(0);
    expect(request?.params.metadata?.[JSON_SCHEMA_METADATA_KEY]).toMatchObject({
      type: 'object',
      properties: { colour: { enum: ['red', 'green', 'blue'] } },
      required: ['colour', 'confidence'],
    });
  });

  it('reads JSON wrapped in prose and code fences, and normalises before validating', async () => {
    host = await connectInMemory(buildJsonTestServer, {
      era,
      script: reply.text('Sure! Here it is:\n```json\n{"colour": " Blue ", "confidence": 0.5}\n```\nAnything else?'),
    });
    const result = await host.callTool('pick_colour', { thing: 'sky' });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ colour: 'blue', repairs: 0 });
    expect(host.requests).toHaveLength(1);
  });

  it('repairs an answer that is not JSON, showing the model its answer and the problem', async () => {
    host = await connectInMemory(buildJsonTestServer, {
      era,
      script: reply.sequence(reply.text('I think it is red.'), reply.json({ colour: 'red', confidence: 0.9 })),
    });
    const result = await host.callTool('pick_colour', { thing: 'a tomato' });
    expect(result.structuredContent).toMatchObject({ colour: 'red', repairs: 1 });
    expect(host.requests.map((r) => [r.key, r.round])).toEqual([
      ['pick', 1],
      ['pick:repair-1', 2],
    ]);
    const repair = host.requests[1];
    expect(repair?.params.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(repair?.params.messages[1]?.content).toMatchObject({ type: 'text', text: 'I think it is red.' });
    expect(repair?.userText).toMatch(/rejected because:\n- not JSON \(the answer contains no JSON object or array\)/);
    expect(repair?.systemPrompt).toBe(host.requests[0]?.systemPrompt);
  });

  it('repairs an answer outside the allowed set, naming the field', async () => {
    host = await connectInMemory(buildJsonTestServer, {
      era,
      script: reply.sequence(reply.json({ colour: 'purple', confidence: 2 }), reply.json({ colour: 'RED', confidence: 1 })),
    });
    const result = await host.callTool('pick_colour', { thing: 'a plum' });
    expect(result.structuredContent).toMatchObject({ colour: 'red', repairs: 1 });
    expect(host.requests[1]?.userText).toMatch(/- colour: Invalid option: expected one of "red"\|"green"\|"blue"/);
    expect(host.requests[1]?.userText).toMatch(/- confidence: Too big/);
  });

  it('fails with a clear isError after two repairs that stay invalid', async () => {
    host = await connectInMemory(buildJsonTestServer, { era, script: reply.json({ colour: 'purple', confidence: 0.5 }) });
    const result = await host.callTool('pick_colour', { thing: 'a plum' });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(
      /answer for step 'pick' was still not valid JSON for its schema after 2 repairs: colour: Invalid option/,
    );
    expect(host.requests.map((r) => r.key)).toEqual(['pick', 'pick:repair-1', 'pick:repair-2']);
    expect(host.rounds).toBe(3);
  });

  it('honours a smaller repair allowance', async () => {
    host = await connectInMemory(buildJsonTestServer, { era, script: reply.text('nope') });
    const result = await host.callTool('pick_colour', { thing: 'x', repairs: 0 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/step 'pick' was still not valid JSON for its schema: not JSON/);
    expect(host.requests).toHaveLength(1);
  });
});

describe('readJson', () => {
  it.each([
    ['{"a":1}', { a: 1 }],
    ['  [1, 2] ', [1, 2]],
    ['```\n{"a":"}"}\n```', { a: '}' }],
    ['Answer: {"a": {"b": [1, "]"]}} -- done', { a: { b: [1, ']'] } }],
    ['{broken {"a": "x\\"y"}', { a: 'x"y' }],
  ])('finds the JSON in %j', (text, value) => {
    expect(readJson(text)).toEqual({ ok: true, value });
  });

  it.each([
    ['no json here', 'the answer contains no JSON object or array'],
    ['{"a": 1', 'the answer contains no valid JSON'],
  ])('says why %j has none', (text, problem) => {
    expect(readJson(text)).toEqual({ ok: false, problem });
  });
});
