import { ERAS } from '@mcp-sampling/testing';
import { expectOnlyJsonRpcOnStdout, expectRefusedBeforeSampling, useBuiltBin } from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';
import { REFUND_TICKET, repairedBillingScript, SUPPORT_LABELS } from './fixtures.js';

const connectBin = useBuiltBin(import.meta.url);
const args = { text: REFUND_TICKET, labels: SUPPORT_LABELS };

describe.each(ERAS)('the built bin over stdio, %s', (era) => {
  it('lists the tool, classifies after one repair, and writes only JSON-RPC to stdout', async () => {
    const host = await connectBin({ era, script: repairedBillingScript() });
    const { tools } = await host.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['classify']);
    expect(tools[0]?.inputSchema.required).toEqual(['text', 'labels']);

    const result = await host.callTool('classify', args);
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
    const host = await connectBin({ era });
    await expectRefusedBeforeSampling(host, { bin: 'mcp-server-classify', tool: 'classify', args, textField: 'text' });
  });
});
