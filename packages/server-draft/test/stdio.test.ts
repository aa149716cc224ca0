import { ERAS } from '@mcp-sampling/testing';
import { describeStdioRefusals, expectServedOverStdio, useBuiltBin } from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';
import { ONE_REVISION_ARGS, ONE_REVISION_SCRIPT, oneRevisionResult, structured } from './fixtures.js';

const connectBin = useBuiltBin(import.meta.url);

describe.each(ERAS)('the built bin over stdio, %s', (era) => {
  it('lists the tool, drafts with one revision, and writes only JSON-RPC to stdout', async () => {
    const host = await connectBin({ era, script: ONE_REVISION_SCRIPT });
    const result = await host.callTool('draft', ONE_REVISION_ARGS);
    expect(result.isError).toBeFalsy();
    expect(structured(result)).toMatchObject(oneRevisionResult(era));
    expect(host.requests.map((request) => request.key)).toEqual(['outline', 'draft', 'revise:1']);
    await expectServedOverStdio(host, { era, tool: 'draft', bin: 'mcp-server-draft' });
  });
});

describeStdioRefusals(import.meta.url, { tool: 'draft', args: { brief: 'A note.' }, textField: 'brief' });
