import { ERAS, reply } from '@mcp-sampling/testing';
import { expectOnlyJsonRpcOnStdout, expectRefusedBeforeSampling, useBuiltBin } from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';
import { ONE_REVISION_SCRIPT, structured } from './fixtures.js';

const connectBin = useBuiltBin(import.meta.url);

describe.each(ERAS)('the built bin over stdio, %s', (era) => {
  it('lists the tool, drafts with one revision, and writes only JSON-RPC to stdout', async () => {
    const host = await connectBin({
      era,
      script: ONE_REVISION_SCRIPT,
    });
    const tools = await host.client.listTools();
    expect(tools.tools.map((tool) => tool.name)).toEqual(['draft']);

    const result = await host.callTool('draft', {
      brief: 'Invite people to the clean-up.',
      kind: 'email',
      mustInclude: ['Parking is free'],
    });
    expect(result.isError).toBeFalsy();
    expect(structured(result)).toMatchObject({
      subject: 'Clean-up on Saturday',
      draft: 'Join us at the harbour. Parking is free.',
      revisions: 1,
      coverage: [{ point: 'Parking is free', included: true }],
      provenance: { path: 'host', era, rounds: 3, samples: 3 },
    });
    expect(host.requests.map((request) => request.key)).toEqual(['outline', 'draft', 'revise:1']);
    expect(host.client.getProtocolEra()).toBe(era === '2025' ? 'legacy' : 'modern');

    expectOnlyJsonRpcOnStdout(host, 'mcp-server-draft');
  });

  it('refuses an unknown argument and zero-width text before any sample', async () => {
    const host = await connectBin({ era });
    await expectRefusedBeforeSampling(host, {
      bin: 'mcp-server-draft',
      tool: 'draft',
      args: { brief: 'A note.' },
      textField: 'brief',
    });
  });
});
