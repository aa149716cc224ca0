import { type Era, looseObjectPaths, reply } from '@mcp-sampling/testing';
import { expectOnlyJsonRpcOnStdout, useBuiltBin } from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';
import { documentOf } from './texts.js';

const connectBin = useBuiltBin(import.meta.url);

describe.each<Era>(['2025', '2026-07-28'])('the built bin over stdio, %s', (era) => {
  it('lists the tool, summarises long text, and writes only JSON-RPC to stdout', async () => {
    const host = await connectBin({
      era,
      script: { rules: [{ match: 'map', reply: reply.text('Part.') }], otherwise: reply.text('The whole story, briefly.') },
    });
    const tools = await host.client.listTools();
    expect(tools.tools.map((tool) => tool.name)).toEqual(['summarise']);

    const result = await host.callTool('summarise', { text: documentOf(60_000), maxWords: 30 });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      summary: 'The whole story, briefly.',
      chunks: 3,
      provenance: { path: 'host', era, rounds: 2, samples: 4 },
    });
    expect(host.client.getProtocolEra()).toBe(era === '2025' ? 'legacy' : 'modern');

    expectOnlyJsonRpcOnStdout(host, 'mcp-server-summarise');
  });

  it('refuses an unknown argument and zero-width text before any sample', async () => {
    const host = await connectBin({ era, script: reply.text('unused') });
    const { tools } = await host.client.listTools();
    expect(looseObjectPaths(tools[0]?.inputSchema)).toEqual([]);
    const unknown = await host.callTool('summarise', { text: 'A short text.', bogus: 1 });
    expect(unknown.isError).toBe(true);
    expect(JSON.stringify(unknown.content)).toContain("Unknown argument 'bogus' for summarise. Accepted arguments:");
    const blank = await host.callTool('summarise', { text: '\u200B\u200C\uFEFF' });
    expect(blank.isError).toBe(true);
    expect(JSON.stringify(blank.content)).toContain('text: text is blank');
    expect(host.requests).toHaveLength(0);
    expectOnlyJsonRpcOnStdout(host, 'mcp-server-summarise');
  });
});
