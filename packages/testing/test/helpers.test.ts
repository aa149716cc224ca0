/** The helpers that keep a server's test file to what it tests: result readers and self-closing hosts. */
import { describe, expect, it } from 'vitest';
import { useMockHosts } from '../src/hosts.js';
import { ERAS, type MockHost, provenanceOf, reply, structuredOf, textOf } from '../src/index.js';
import { buildRawServer } from './fixtures/raw-server.js';

describe('result readers', () => {
  const result = {
    content: [
      { type: 'text', text: 'Billing (0.90).' },
      { type: 'image', data: '', mimeType: 'image/png' },
      { type: 'text', text: 'Say "refund".' },
    ],
    structuredContent: { label: 'Billing', provenance: { path: 'host', models: ['m'], era: '2025', rounds: 1, samples: 1 } },
  };

  it('joins the text blocks, unescaped, and skips other content', () => {
    expect(textOf(result)).toBe('Billing (0.90).\n\nSay "refund".');
    expect(textOf({})).toBe('');
  });

  it('reads the structured content and its provenance', () => {
    expect(structuredOf<{ label: string }>(result).label).toBe('Billing');
    expect(provenanceOf(result)).toEqual({ path: 'host', models: ['m'], era: '2025', rounds: 1, samples: 1 });
  });

  it('names both eras', () => {
    expect(ERAS).toEqual(['2025', '2026-07-28']);
  });
});

describe('useMockHosts', () => {
  const connect = useMockHosts();
  const opened: MockHost[] = [];

  it.each(ERAS)('connects in %s', async (era) => {
    const host = await connect(buildRawServer, { era, script: reply.text('fine') });
    opened.push(host);
    expect(textOf(await host.callTool('ask', { count: 1 }))).toBe('fine');
    expect(host.client.getProtocolEra()).toBe(era === '2025' ? 'legacy' : 'modern');
  });

  it('closed the hosts of the tests before', async () => {
    expect(opened).toHaveLength(2);
    for (const host of opened) await expect(host.callTool('ask', { count: 1 })).rejects.toThrow();
  });
});
