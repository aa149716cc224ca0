import { connectInMemory, type Era, type MockHost, OFFLINE_MODEL, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';
import { REFUND_TICKET, SUPPORT_LABELS } from './fixtures.js';

let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe.each<Era>(['2025', '2026-07-28'])('classify answered by the offline stand-in model on %s', (era) => {
  it.each([false, true])('gives JSON that validates at once (multiLabel: %s)', async (multiLabel) => {
    host = await connectInMemory(buildServer, { era, script: reply.offline() });
    const result = await host.callTool('classify', { text: REFUND_TICKET, labels: SUPPORT_LABELS, multiLabel });
    expect(result.isError).toBeFalsy();
    expect(host.requests.map((r) => r.key)).toEqual(['classify']);
    expect(result.structuredContent).toMatchObject({ provenance: { path: 'host', models: [OFFLINE_MODEL] } });
  });
});
