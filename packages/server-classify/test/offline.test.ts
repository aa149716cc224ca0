import { ERAS, OFFLINE_MODEL, reply } from '@mcp-sampling/testing';
import { useMockHosts } from '@mcp-sampling/testing/hosts';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';
import { REFUND_TICKET, SUPPORT_LABELS } from './fixtures.js';

const connect = useMockHosts();

describe.each(ERAS)('classify answered by the offline stand-in model on %s', (era) => {
  it.each([false, true])('gives JSON that validates at once (multiLabel: %s)', async (multiLabel) => {
    const host = await connect(buildServer, { era, script: reply.offline() });
    const result = await host.callTool('classify', { text: REFUND_TICKET, labels: SUPPORT_LABELS, multiLabel });
    expect(result.isError).toBeFalsy();
    expect(host.requests.map((r) => r.key)).toEqual(['classify']);
    expect(result.structuredContent).toMatchObject({ provenance: { path: 'host', models: [OFFLINE_MODEL] } });
  });
});
