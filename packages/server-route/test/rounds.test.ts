import { useMockHosts } from '@mcp-sampling/testing/hosts';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';
import { deskCall, PHISHING_REQUEST } from './desk.js';

const connect = useMockHosts();

const answer = (text: string) => ({ role: 'assistant', content: { type: 'text', text }, model: 'm' });

describe('route rounds on 2026-07-28, driven by hand', () => {
  it('asks for the step, then for each repair in a round of its own', async () => {
    const host = await connect(buildServer, { era: '2026-07-28', manualRounds: true });
    const args = deskCall(PHISHING_REQUEST);

    const first = await host.callToolRaw('route', args);
    expect(first.resultType).toBe('input_required');
    expect(Object.keys(first.inputRequests as object)).toEqual(['route']);
    expect(first.requestState).toMatch(/^v2\./);

    const second = await host.callToolRaw('route', args, {
      inputResponses: { route: answer('billing, I suppose') },
      requestState: first.requestState as string,
    });
    expect(Object.keys(second.inputRequests as object)).toEqual(['route:repair-1']);
    expect(typeof second.requestState).toBe('string');

    const done = await host.callToolRaw('route', args, {
      inputResponses: { 'route:repair-1': answer('{"route":"security","confidence":0.9,"reason":"A phishing report."}') },
      requestState: second.requestState as string,
    });
    expect(done.structuredContent).toMatchObject({
      route: 'security',
      matchedBy: 'model',
      provenance: { era: '2026-07-28', rounds: 2, samples: 2 },
    });
  });

  it('asks for nothing when there is a single route', async () => {
    const host = await connect(buildServer, { era: '2026-07-28', manualRounds: true });
    const done = await host.callToolRaw('route', { request: 'Anything.', routes: [{ name: 'inbox', description: 'All mail.' }] });
    expect(done.resultType).not.toBe('input_required');
    expect(done.structuredContent).toMatchObject({ route: 'inbox', matchedBy: 'fallback', provenance: { rounds: 0 } });
  });
});
