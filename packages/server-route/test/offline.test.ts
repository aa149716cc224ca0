import { ERAS, OFFLINE_MODEL, reply } from '@mcp-sampling/testing';
import { useMockHosts } from '@mcp-sampling/testing/hosts';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';
import { BILLING_REQUEST, DESK_NAMES, deskCall, PHISHING_REQUEST } from './desk.js';

const connect = useMockHosts();

describe.each(ERAS)('route answered by the offline stand-in model on %s', (era) => {
  it.each([BILLING_REQUEST, PHISHING_REQUEST])('gives JSON that validates at once (%#)', async (request) => {
    const host = await connect(buildServer, { era, script: reply.offline() });
    const result = await host.callTool('route', deskCall(request));
    expect(result.isError).toBeFalsy();
    expect(host.requests.map((r) => r.key)).toEqual(['route']);
    expect(result.structuredContent).toMatchObject({ provenance: { path: 'host', models: [OFFLINE_MODEL] } });
    expect(DESK_NAMES).toContain((result.structuredContent as { route: string }).route);
  });
});
