import { ERAS } from '@mcp-sampling/testing';
import { describeStdioRefusals, expectServedOverStdio, useBuiltBin } from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';
import { REFUND_TICKET, repairedBillingResult, repairedBillingScript, SUPPORT_LABELS } from './fixtures.js';

const connectBin = useBuiltBin(import.meta.url);
const args = { text: REFUND_TICKET, labels: SUPPORT_LABELS };

describe.each(ERAS)('the built bin over stdio, %s', (era) => {
  it('lists the tool, classifies after one repair, and writes only JSON-RPC to stdout', async () => {
    const host = await connectBin({ era, script: repairedBillingScript() });
    const { tools } = await host.client.listTools();
    expect(tools[0]?.inputSchema.required).toEqual(['text', 'labels']);

    const result = await host.callTool('classify', args);
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toEqual(repairedBillingResult(era));
    expect(host.requests.map((r) => r.key)).toEqual(['classify', 'classify:repair-1']);
    await expectServedOverStdio(host, { era, tool: 'classify', bin: 'mcp-server-classify' });
  });
});

describeStdioRefusals(import.meta.url, { tool: 'classify', args, textField: 'text' });
