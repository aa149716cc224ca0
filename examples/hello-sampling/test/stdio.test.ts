/** The built bin, `dist/hello-sampling.js`, spawned and driven over stdio in both eras. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { connectStdio, type Era, reply, type StdioMockHost } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/hello-sampling.js', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

let host: StdioMockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe.each<Era>(['2025', '2026-07-28'])('the built bin over stdio, %s', (era) => {
  it('lists its one tool, answers through the host, and writes only JSON-RPC to stdout', async () => {
    host = await connectStdio(
      { command: process.execPath, args: [BIN] },
      {
        era,
        script: {
          rules: [
            { match: 'mood', reply: reply.json({ mood: 'glad' }) },
            { match: 'reply', reply: reply.text('Glad to hear it!') },
          ],
        },
      },
    );
    const { tools } = await host.client.listTools();
    expect(tools.map((tool) => tool.name)).toEqual(['reply_to_note']);

    const result = await host.callTool('reply_to_note', { note: 'The new bench in the park is lovely.' });
    expect(result.structuredContent).toEqual({
      mood: 'glad',
      reply: 'Glad to hear it!',
      provenance: { path: 'host', models: ['mock-model'], era, rounds: 2, samples: 2 },
    });
    expect(host.client.getProtocolEra()).toBe(era === '2025' ? 'legacy' : 'modern');
    expect(host.transport.strayStdoutLines).toEqual([]);
  });
});

describe('the built bin on the command line', () => {
  it('prints the version of its package.json', () => {
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toBe(version);
  });
});
