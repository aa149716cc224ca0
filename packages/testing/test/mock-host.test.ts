import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { connectInMemory, connectStdio, type Era, extractiveSummary, type MockHost, OFFLINE_MODEL, reply } from '../src/index.js';
import { buildRawServer } from './fixtures/raw-server.js';

let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe.each<Era>(['2025', '2026-07-28'])('mock host on %s', (era) => {
  it('groups requests into rounds and records what the server sent', async () => {
    host = await connectInMemory(buildRawServer, { era, script: reply.text('fine') });
    const result = await host.callTool('ask', { count: 3 });
    expect(result.content).toEqual([{ type: 'text', text: 'fine' }]);
    expect(host.rounds).toBe(2);
    expect(host.keysInRound(1)).toEqual(['q:0', 'q:1', 'q:2']);
    expect(host.requestsInRound(2).map((r) => r.key)).toEqual(['final']);
    expect(host.requests[0]).toMatchObject({ systemPrompt: 'Be brief.', maxTokens: 40, userText: 'question q:0' });
  });

  it('answers by rule: key prefix, RegExp and function, then the default', async () => {
    host = await connectInMemory(buildRawServer, {
      era,
      script: {
        rules: [
          { match: (r) => r.userText === 'all answered', reply: reply.text('by function') },
          { match: /^q:1$/, reply: reply.text('by regexp') },
          { match: 'q', reply: reply.text('by prefix') },
        ],
        otherwise: reply.error('unreachable'),
      },
    });
    expect((await host.callTool('ask', { count: 2 })).content).toEqual([{ type: 'text', text: 'by function' }]);
  });

  it('declares no sampling capability when told not to, so the SDK refuses to sample', async () => {
    host = await connectInMemory(buildRawServer, { era, sampling: false, script: reply.text('unused') });
    const call = host.callTool('ask', { count: 1 });
    if (era === '2025') {
      const result = await call;
      expect(result.isError).toBe(true);
      expect(JSON.stringify(result.content)).toMatch(/did not declare the required capability/);
    } else {
      await expect(call).rejects.toThrow(/do not declare the required capability/);
    }
    expect(host.requests).toHaveLength(0);
  });
});

describe('offline stand-in model', () => {
  it('keeps decimals and headings out of its sentence splits', () => {
    const text = '1. Results\nVisits rose by 6.0 per cent to 148,320 this year. Staff numbers stayed at 14.4 posts overall.';
    expect(extractiveSummary(text, 50)).toEqual([
      'Visits rose by 6.0 per cent to 148,320 this year.',
      'Staff numbers stayed at 14.4 posts overall.',
    ]);
  });

  it('extracts different sentences from different inputs, within the budget', () => {
    const a = extractiveSummary('The harbour was busy. Ships came daily from the north. The harbour master retired in May.', 12);
    const b = extractiveSummary('The orchard flowered early. Apples were sold in the market. The orchard lost two trees.', 12);
    expect(a).not.toEqual(b);
    expect(a.join(' ')).toContain('harbour');
    expect(b.join(' ')).toContain('orchard');
    expect(a.join(' ').split(/\s+/).length).toBeLessThanOrEqual(12);
  });

  it('answers from the delimited data and names itself', async () => {
    host = await connectInMemory(buildRawServer, { era: '2025', script: reply.offline() });
    await host.callTool('ask', { count: 1 });
    const record = host.requests[0];
    expect(record).toBeDefined();
    const answer = await reply.offline()(record as NonNullable<typeof record>, new AbortController().signal);
    expect(answer.model).toBe(OFFLINE_MODEL);
  });
});

describe('stdio connection', () => {
  it('catches a server that writes anything but JSON-RPC to stdout', async () => {
    const noisy = fileURLToPath(new URL('./fixtures/noisy-server.mjs', import.meta.url));
    const stdioHost = await connectStdio({ command: process.execPath, args: [noisy] });
    host = stdioHost;
    await stdioHost.client.ping();
    expect(stdioHost.transport.strayStdoutLines).toEqual(['server starting (this line corrupts the JSON-RPC stream)']);
  });
});
