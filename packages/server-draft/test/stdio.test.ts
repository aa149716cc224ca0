import { type Era, looseObjectPaths, reply } from '@mcp-sampling/testing';
import { expectOnlyJsonRpcOnStdout, useBuiltBin } from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';
import { ONE_REVISION_SCRIPT, structured } from './fixtures.js';

const connectBin = useBuiltBin(import.meta.url);

describe.each<Era>(['2025', '2026-07-28'])('the built bin over stdio, %s', (era) => {
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
    const host = await connectBin({ era, script: reply.text('unused') });
    const { tools } = await host.client.listTools();
    expect(looseObjectPaths(tools[0]?.inputSchema)).toEqual([]);
    const unknown = await host.callTool('draft', { brief: 'A note.', bogus: 1 });
    expect(unknown.isError).toBe(true);
    expect(JSON.stringify(unknown.content)).toContain("Unknown argument 'bogus' for draft. Accepted arguments:");
    const blank = await host.callTool('draft', { brief: '\u200B\u200C\uFEFF' });
    expect(blank.isError).toBe(true);
    expect(JSON.stringify(blank.content)).toContain('brief: brief is blank');
    expect(host.requests).toHaveLength(0);
    expectOnlyJsonRpcOnStdout(host, 'mcp-server-draft');
  });
});
