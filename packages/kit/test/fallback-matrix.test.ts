/**
 * Every fallback outcome against every action, in each era where the server can observe the
 * outcome (on 2026-07-28 the host drives the rounds, so only "no capability" and "invalid output"
 * reach the server; a 2026 decline or error ends the call on the host's side).
 */
import { connectInMemory, type Era, type MockHost, type MockHostOptions, reply } from '@mcp-sampling/testing';
import { ANTHROPIC_API, fakeProviderApis } from '@mcp-sampling/testing/provider-apis';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { createSamplingServer, type FallbackAction, type FallbackOutcome, fallbackPolicyOf } from '../src/index.js';
import { HANG_TIMEOUT_MS, PATIENT_TIMEOUT_MS, pickColourTool } from './fixtures.js';

const apis = fakeProviderApis();
beforeAll(() => apis.listen());
afterAll(() => apis.close());

let host: MockHost | undefined;
afterEach(async () => {
  apis.reset();
  await host?.close();
  host = undefined;
});

/** How to make each outcome happen: the host's side of it. */
const OUTCOMES: Array<{ outcome: FallbackOutcome; label: string; eras: Era[]; host: MockHostOptions; message: RegExp }> = [
  {
    outcome: 'no-capability',
    label: 'no capability',
    eras: ['2025', '2026-07-28'],
    host: { sampling: false },
    message: /does not offer MCP sampling/,
  },
  { outcome: 'declined', label: 'declined', eras: ['2025'], host: { script: reply.decline() }, message: /declined step 'pick'/ },
  {
    outcome: 'failed',
    label: 'host error',
    eras: ['2025'],
    host: { script: reply.error('model offline') },
    message: /failed step 'pick'/,
  },
  {
    outcome: 'failed',
    label: 'timeout',
    eras: ['2025'],
    host: { script: reply.hang() },
    message: /did not answer step 'pick' within 300 ms/,
  },
  {
    outcome: 'invalid-output',
    label: 'invalid output',
    eras: ['2025', '2026-07-28'],
    host: { script: reply.json({ colour: 'purple', confidence: 0.5 }) },
    message: /still not valid JSON for its schema after 2 repairs/,
  },
];
const ACTIONS: FallbackAction[] = ['provider', 'heuristic', 'delegate', 'error'];

const cases = OUTCOMES.flatMap((o) => o.eras.flatMap((era) => ACTIONS.map((action) => ({ ...o, era, action }))));

describe('fallback: outcome x action', () => {
  it.each(cases)('$label on $era, action $action', async ({ outcome, label, era, action, host: hostOptions, message }) => {
    const sent = apis.answerText(ANTHROPIC_API, '{"colour":"green","confidence":0.8}');
    const policy = fallbackPolicyOf(['error'], { [outcome]: [action] });
    host = await connectInMemory(
      () =>
        createSamplingServer(
          { name: 'matrix', version: '0.0.0', tools: [pickColourTool] },
          {
            fallback: policy,
            provider: { ...ANTHROPIC_API.config, retryBaseDelayMs: 1 },
            sampleTimeoutMs: label === 'timeout' ? HANG_TIMEOUT_MS : PATIENT_TIMEOUT_MS,
          },
        ),
      { era, ...hostOptions },
    );
    const result = await host.callTool('pick_colour', { thing: 'grass' });
    const structured = result.structuredContent as
      | { colour?: string; delegated?: { steps: Array<{ key: string }> }; provenance: { path: string; reason?: string } }
      | undefined;
    if (action === 'error') {
      expect(result.isError).toBe(true);
      expect(JSON.stringify(result.content)).toMatch(message);
      expect(sent).toHaveLength(0);
      return;
    }
    expect(result.isError).toBeFalsy();
    expect(structured?.provenance.reason?.startsWith(`${outcome}: `)).toBe(true);
    if (action === 'provider') {
      expect(structured).toMatchObject({ colour: 'green', provenance: { path: 'provider' } });
      expect(sent).toHaveLength(1);
    } else if (action === 'heuristic') {
      expect(structured).toMatchObject({ colour: 'red', provenance: { path: 'heuristic' } });
    } else {
      expect(structured?.provenance.path).toBe('delegated');
      expect(structured?.delegated?.steps.map((step) => step.key)).toEqual(['pick']);
    }
    if (action !== 'provider') expect(sent).toHaveLength(0);
  });
});
