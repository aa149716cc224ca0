import { connectInMemory, type Era, type MockHost, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createSamplingServer, fallbackPolicyOf, REASON_MAX_CHARS } from '../src/index.js';
import { fanOutTool, pickColourTool } from './fixtures.js';

let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

interface WithProvenance {
  provenance: { path: string; models: string[]; reason?: string };
}
const provenanceOf = (result: { structuredContent?: unknown }) => (result.structuredContent as WithProvenance).provenance;

/** The kit's test tools with the heuristic as the only fallback. */
const heuristicOnly = () =>
  createSamplingServer(
    { name: 'kit-provenance', version: '0.0.0', tools: [fanOutTool, pickColourTool] },
    { fallback: fallbackPolicyOf(['heuristic', 'error']), provider: null },
  );

/** A reply no schema accepts: wrong role, a number for text and for model; the SDK's report spans many lines. */
const MALFORMED = { role: 'robot', content: { type: 'text', text: 42 }, model: 7 };

/** A reason is one line of at most `REASON_MAX_CHARS` characters. */
function expectOneShortLine(reason: string | undefined) {
  expect(reason).toBeDefined();
  expect(reason).not.toMatch(/[\r\n]/);
  expect(reason?.length).toBeLessThanOrEqual(REASON_MAX_CHARS);
  expect(REASON_MAX_CHARS).toBe(300);
}

describe('a host’s malformed result', () => {
  it('2025: the pushed result fails the SDK schema; the reason keeps the failure on one short line', async () => {
    host = await connectInMemory(heuristicOnly, { era: '2025', script: () => MALFORMED as never });
    const result = await host.callTool('fan_out', { parts: ['a', 'b'] });

    expect(result.isError).toBeFalsy();
    const provenance = provenanceOf(result);
    expect(provenance.path).toBe('heuristic');
    expect(provenance.reason).toMatch(
      /^failed: The host failed step 'part:\d' \(Invalid sampling result: \[ \{ "expected": "string"/,
    );
    expectOneShortLine(provenance.reason);
    expect(provenance.reason?.endsWith('…')).toBe(true);
  });

  it('2026-07-28: a malformed answer sent by hand is an invalid output, and the reason is one short line', async () => {
    host = await connectInMemory(heuristicOnly, { era: '2026-07-28', manualRounds: true });
    const first = await host.callToolRaw('fan_out', { parts: ['a'] });
    const result = await host.callToolRaw(
      'fan_out',
      { parts: ['a'] },
      { inputResponses: { 'part:0': MALFORMED }, requestState: first.requestState as string },
    );

    const provenance = provenanceOf(result);
    expect(provenance.path).toBe('heuristic');
    expect(provenance.reason).toMatch(/^invalid-output: The host's model returned no text/);
    expectOneShortLine(provenance.reason);
  });
});

describe.each<Era>(['2025', '2026-07-28'])('reasons on %s', (era) => {
  it('an answer that stays invalid: the reason names the outcome on one short line', async () => {
    const invalid = JSON.stringify({ colour: `purple ${'and mauve '.repeat(40)}`, confidence: 7 });
    host = await connectInMemory(heuristicOnly, { era, script: reply.text(invalid) });
    const result = await host.callTool('pick_colour', { thing: 'a tomato' });

    expect(host.requests.map((request) => request.key)).toEqual(['pick', 'pick:repair-1', 'pick:repair-2']);
    const provenance = provenanceOf(result);
    expect(provenance.path).toBe('heuristic');
    expect(provenance.reason).toMatch(/^invalid-output: The model's answer for step 'pick' was still not valid JSON/);
    expectOneShortLine(provenance.reason);
  });
});
