import { byStep, ERAS, reply } from '@mcp-sampling/testing';
import {
  describeStdioRefusals,
  expectOnlyJsonRpcOnStdout,
  expectServedOverStdio,
  useBuiltBin,
} from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';
import { documentOf } from './texts.js';

const connectBin = useBuiltBin(import.meta.url);

describe.each(ERAS)('the built bin over stdio, %s', (era) => {
  it('lists the tool, summarises long text, and writes only JSON-RPC to stdout', async () => {
    const host = await connectBin({ era, script: byStep({ map: reply.text('Part.') }, reply.text('The whole story, briefly.')) });
    const result = await host.callTool('summarise', { text: documentOf(60_000), maxWords: 30 });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      summary: 'The whole story, briefly.',
      chunks: 3,
      provenance: { path: 'host', era, rounds: 2, samples: 4 },
    });
    await expectServedOverStdio(host, { era, tool: 'summarise', bin: 'mcp-server-summarise' });
  });
});

describeStdioRefusals(import.meta.url, { tool: 'summarise', args: { text: 'A short text.' }, textField: 'text' });

describe('the built bin over stdio, 2026-07-28 round state', () => {
  it('refuses tampered requestState with a JSON-RPC -32602 error and keeps serving', async () => {
    const host = await connectBin({ era: '2026-07-28', manualRounds: true });
    const args = { text: documentOf(60_000) };
    const first = await host.callToolRaw('summarise', args);
    const state = first.requestState as string;
    expect(state).toMatch(/^v2\./);
    const forged = `${state.slice(0, -4)}${state.endsWith('AAAA') ? 'BBBB' : 'AAAA'}`;

    await expect(host.callToolRaw('summarise', args, { requestState: forged })).rejects.toMatchObject({
      code: -32602,
      message: expect.stringMatching(
        /refused \(signature mismatch[^)]*\).*Retry the tool call from the start.*MCP_SAMPLING_STATE_KEY/,
      ),
    });
    const again = await host.callToolRaw('summarise', args);
    expect(Object.keys(again.inputRequests as object)).toEqual(['map:0', 'map:1', 'map:2']);
    expectOnlyJsonRpcOnStdout(host, 'mcp-server-summarise');
  });
});
