import { connectInMemory, type Era, type MockHost, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';
import * as z from 'zod/v4';
import { createSamplingServer, defineSamplingTool } from '../src/index.js';

let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** A tool whose author wrote plain `z.object`s: the kit still refuses unknown top-level arguments. */
const echoTool = defineSamplingTool({
  name: 'echo',
  title: 'Echo',
  description: 'Test tool: one step that echoes the text.',
  input: z.object({
    text: z.string(),
    style: z.string().optional(),
    options: z.strictObject({ loud: z.boolean().optional(), times: z.number().optional() }).optional(),
  }),
  output: z.object({ echoed: z.string() }),
  preset: 'fast',
  async run({ text }, s) {
    return { echoed: (await s.sample('echo', { system: 'Repeat the text.', user: text, maxTokens: 20 })).text };
  },
});

const buildEchoServer = () => createSamplingServer({ name: 'kit-args', version: '0.0.0', tools: [echoTool] }, { provider: null });

const textOf = (result: { content?: unknown }) => (result.content as Array<{ text: string }>)[0]?.text ?? '';

describe.each<Era>(['2025', '2026-07-28'])('unknown arguments on %s', (era) => {
  it('refuses an unknown argument with an isError naming it and the accepted ones, before any sample', async () => {
    host = await connectInMemory(buildEchoServer, { era, script: reply.text('hello') });
    const result = await host.callTool('echo', { text: 'hello', bogus: 1 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("Unknown argument 'bogus' for echo. Accepted arguments: text, style, options.");
    expect(host.requests).toHaveLength(0);
  });

  it('names every unknown argument at once', async () => {
    host = await connectInMemory(buildEchoServer, { era, script: reply.text('hello') });
    const result = await host.callTool('echo', { text: 'hello', Text: 'x', max_words: 3 });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("Unknown arguments 'Text', 'max_words' for echo. Accepted arguments: text, style, options.");
    expect(host.requests).toHaveLength(0);
  });

  it('names an unknown field of a nested object by its path, with the fields it accepts', async () => {
    host = await connectInMemory(buildEchoServer, { era, script: reply.text('hello') });
    const result = await host.callTool('echo', { text: 'hello', options: { loud: true, colour: 'red' } });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toContain("options: Unknown field 'colour'. Accepted fields: loud, times.");
    expect(host.requests).toHaveLength(0);
  });

  it('keeps a long or hostile key short in the message', async () => {
    host = await connectInMemory(buildEchoServer, { era, script: reply.text('hello') });
    const many = Object.fromEntries(Array.from({ length: 30 }, (_, i) => [`extra_${i}`, i]));
    const result = await host.callTool('echo', { text: 'hello', ['k'.repeat(5_000)]: 1, ...many });
    expect(result.isError).toBe(true);
    expect(textOf(result)).toMatch(/Unknown arguments 'k{40}…', 'extra_0', .* and 26 more for echo\. Accepted arguments/);
    expect(textOf(result).length).toBeLessThan(600);
  });

  it('still answers known arguments normally', async () => {
    host = await connectInMemory(buildEchoServer, { era, script: reply.text('hello') });
    const result = await host.callTool('echo', { text: 'hello', options: { loud: true } });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ echoed: 'hello' });
    expect(host.requests).toHaveLength(1);
  });

  it('advertises additionalProperties: false, even for a tool written with a plain z.object', async () => {
    host = await connectInMemory(buildEchoServer, { era });
    const { tools } = await host.client.listTools();
    const schema = tools.find((tool) => tool.name === 'echo')?.inputSchema as Record<string, unknown>;
    expect(schema.additionalProperties).toBe(false);
    expect((schema.properties as Record<string, Record<string, unknown>>).options?.additionalProperties).toBe(false);
  });
});
