import {
  INPUT_RESPONSES_ALLOWANCE_BYTES,
  LARGEST_TEXT_ARGUMENT_CHARS,
  MAX_STDIO_LINE_BYTES,
  STATE_BUDGET_BYTES,
} from '@mcp-sampling/kit';
import { ERAS } from '@mcp-sampling/testing';
import { MODERN_ENVELOPE, useBuiltBin } from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';
import { MAX_TEXT_CHARS } from '../src/schemas.js';

const connectBin = useBuiltBin(import.meta.url);

/** Valid input within the documented limit whose JSON is 11.4 MB: past the SDK's 10 MiB default. */
const CONTROL_TEXT = `ok ${'\u0001'.repeat(1_900_000)}`;

describe('the stdio line limit and summarise', () => {
  it('documents no more text than the transport limit was computed for', () => {
    expect(MAX_TEXT_CHARS).toBeLessThanOrEqual(LARGEST_TEXT_ARGUMENT_CHARS);
  });

  it('fits the worst 2026-07-28 retry of the longest text in one line', () => {
    const worstText = '\u0001'.repeat(MAX_TEXT_CHARS);
    const retry = {
      jsonrpc: '2.0',
      id: 2_147_483_647,
      method: 'tools/call',
      params: {
        name: 'summarise',
        arguments: { text: worstText, style: 'paragraph', maxWords: 1000, focus: '\u0001'.repeat(500) },
        inputResponses: {},
        requestState: 'S'.repeat(STATE_BUDGET_BYTES),
        _meta: MODERN_ENVELOPE,
      },
    };
    // inputResponses are the host's answers; the allowance stands in for the widest round's.
    const bytes = Buffer.byteLength(JSON.stringify(retry)) + INPUT_RESPONSES_ALLOWANCE_BYTES;
    expect(bytes).toBeGreaterThan(MAX_TEXT_CHARS * 6 + STATE_BUDGET_BYTES);
    expect(bytes).toBeLessThanOrEqual(MAX_STDIO_LINE_BYTES);
  });

  describe.each(ERAS)('over stdio, %s', (era) => {
    it('answers an 11.4 MB call of valid text, from the heuristic when the host cannot sample', {
      timeout: 180_000,
    }, async () => {
      expect(Buffer.byteLength(JSON.stringify({ text: CONTROL_TEXT }))).toBeGreaterThan(11_000_000);
      const host = await connectBin({ era, sampling: false });
      const result = await host.callTool('summarise', { text: CONTROL_TEXT, maxWords: 20 }, { timeout: 170_000 });
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ provenance: { path: 'heuristic', era } });
      expect(host.transport.stderr).not.toMatch(/ReadBuffer exceeded/);

      const after = await host.callTool('summarise', { text: 'A short text. It has two sentences.' });
      expect(after.isError).toBeFalsy();
    });
  });
});
