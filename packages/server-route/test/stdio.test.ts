import { ERAS, reply } from '@mcp-sampling/testing';
import { expectOnlyJsonRpcOnStdout, expectRefusedBeforeSampling, useBuiltBin } from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';
import { deskCall, PHISHING_REQUEST } from './desk.js';

const connectBin = useBuiltBin(import.meta.url);

describe.each(ERAS)('the built bin over stdio, %s', (era) => {
  it('lists the tool, routes through a repair and a low-confidence answer, and writes only JSON-RPC to stdout', async () => {
    const host = await connectBin({
      era,
      script: {
        rules: [
          { match: /^route$/, reply: reply.text('Let me think about it.') },
          {
            match: /^route:repair-1$/,
            reply: reply.json({ route: 'Billing', confidence: 0.3, reason: 'An invoice is mentioned.' }),
          },
        ],
      },
    });
    const tools = await host.client.listTools();
    expect(tools.tools.map((tool) => tool.name)).toEqual(['route']);
    expect(tools.tools[0]?.annotations).toMatchObject({ readOnlyHint: true });

    const result = await host.callTool('route', deskCall(PHISHING_REQUEST, { fallback: 'technical' }));
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      route: 'security',
      matchedBy: 'keywords',
      provenance: { path: 'host', era, rounds: 2, samples: 2 },
    });
    expect((result.structuredContent as { reason: string }).reason).toContain("The model chose 'billing' with confidence 0.3");
    expect(host.requests.map((r) => r.key)).toEqual(['route', 'route:repair-1']);
    expect(host.client.getProtocolEra()).toBe(era === '2025' ? 'legacy' : 'modern');

    expectOnlyJsonRpcOnStdout(host, 'mcp-server-route');
  });

  it('refuses an unknown argument and zero-width text before any sample', async () => {
    const host = await connectBin({ era });
    await expectRefusedBeforeSampling(host, {
      bin: 'mcp-server-route',
      tool: 'route',
      args: deskCall(PHISHING_REQUEST),
      textField: 'request',
    });
  });
});
