import { type Era, looseObjectPaths, reply } from '@mcp-sampling/testing';
import { expectOnlyJsonRpcOnStdout, useBuiltBin } from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';
import { REFUND_TICKET, repairedBillingScript, SUPPORT_LABELS } from './fixtures.js';

const connectBin = useBuiltBin(import.meta.url);

describe.each<Era>(['2025', '2026-07-28'])('the built bin over stdio, %s', (era) => {
  it('lists the tool, classifies after one repair, and writes only JSON-RPC to stdout', async () => {
    const host = await connectBin({
      era,
      script: repairedBillingScript(),
    });
    const { tools } = await host.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['classify']);
    expect(tools[0]?.inputSchema.required).toEqual(['text', 'labels']);

    const result = await host.callTool('classify', { text: REFUND_TICKET, labels: SUPPORT_LABELS });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual({
      label: 'Billing',
      labels: [{ label: 'Billing', confidence: 0.9 }],
      rationale: 'A refund request.',
      provenance: { path: 'host', models: ['mock-model'], era, rounds: 2, samples: 2 },
    });
    expect(host.requests.map((r) => r.key)).toEqual(['classify', 'classify:repair-1']);
    expect(host.client.getProtocolEra()).toBe(era === '2025' ? 'legacy' : 'modern');

    expectOnlyJsonRpcOnStdout(host, 'mcp-server-classify');
  });

  it('refuses an unknown argument and zero-width text before any sample', async () => {
    const host = await connectBin({ era, script: reply.text('unused') });
    const { tools } = await host.client.listTools();
    expect(looseObjectPaths(tools[0]?.inputSchema)).toEqual([]);
    const unknown = await host.callTool('classify', { text: REFUND_TICKET, labels: SUPPORT_LABELS, bogus: 1 });
    expect(unknown.isError).toBe(true);
    expect(JSON.stringify(unknown.content)).toContain("Unknown argument 'bogus' for classify. Accepted arguments:");
    const blank = await host.callTool('classify', { text: '\u200B\u200C\uFEFF', labels: SUPPORT_LABELS });
    expect(blank.isError).toBe(true);
    expect(JSON.stringify(blank.content)).toContain('text: text is blank');
    expect(host.requests).toHaveLength(0);
    expectOnlyJsonRpcOnStdout(host, 'mcp-server-classify');
  });
});
