import { byStep, ERAS, reply, structuredOf } from '@mcp-sampling/testing';
import { describeStdioRefusals, expectServedOverStdio, useBuiltBin } from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';
import { deskCall, PHISHING_REQUEST } from './desk.js';

const connectBin = useBuiltBin(import.meta.url);

describe.each(ERAS)('the built bin over stdio, %s', (era) => {
  it('lists the tool, routes through a repair and a low-confidence answer, and writes only JSON-RPC to stdout', async () => {
    const lowConfidence = reply.json({ route: 'Billing', confidence: 0.3, reason: 'An invoice is mentioned.' });
    const script = byStep({ 'route:repair-1': lowConfidence, route: reply.text('Let me think about it.') });
    const host = await connectBin({ era, script });
    const { tools } = await host.client.listTools();
    expect(tools[0]?.annotations).toMatchObject({ readOnlyHint: true });

    const result = await host.callTool('route', deskCall(PHISHING_REQUEST, { fallback: 'technical' }));
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      route: 'security',
      matchedBy: 'keywords',
      provenance: { path: 'host', era, rounds: 2, samples: 2 },
    });
    expect(structuredOf<{ reason: string }>(result).reason).toContain("The model chose 'billing' with confidence 0.3");
    expect(host.requests.map((r) => r.key)).toEqual(['route', 'route:repair-1']);
    await expectServedOverStdio(host, { era, tool: 'route', bin: 'mcp-server-route' });
  });
});

describeStdioRefusals(import.meta.url, { tool: 'route', args: deskCall(PHISHING_REQUEST), textField: 'request' });
