import { ERAS, OFFLINE_MODEL, reply } from '@mcp-sampling/testing';
import { useMockHosts } from '@mcp-sampling/testing/hosts';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';

const connect = useMockHosts();

describe.each(ERAS)('draft answered by the offline stand-in model on %s', (era) => {
  it.each(['note', 'email'] as const)('gets a valid outline at once and a draft (%s)', async (kind) => {
    const host = await connect(buildServer, { era, script: reply.offline() });
    const result = await host.callTool('draft', {
      brief: 'Tell the volunteers that the harbour museum reopens on Saturday. The new exhibition covers the old ferry.',
      kind,
      maxWords: 80,
    });
    expect(result.isError).toBeFalsy();
    expect(host.requests[0]?.key).toBe('outline');
    expect(host.requests.some((r) => r.key?.startsWith('outline:repair'))).toBe(false);
    expect(result.structuredContent).toMatchObject({ provenance: { path: 'host', models: [OFFLINE_MODEL] } });
    expect((result.structuredContent as { outline: string[] }).outline.length).toBeGreaterThan(0);
  });
});
