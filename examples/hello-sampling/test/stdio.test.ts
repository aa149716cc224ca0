/** The built bin, `dist/hello-sampling.js`, spawned and driven over stdio in both eras. */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { byStep, ERAS, reply } from '@mcp-sampling/testing';
import { expectServedOverStdio, useBuiltBin } from '@mcp-sampling/testing/bin-contract';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/hello-sampling.js', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };
const connectBin = useBuiltBin(import.meta.url);

describe.each(ERAS)('the built bin over stdio, %s', (era) => {
  it('lists its one tool, answers through the host, and writes only JSON-RPC to stdout', async () => {
    const host = await connectBin({
      era,
      script: byStep({ mood: reply.json({ mood: 'glad' }), reply: reply.text('Glad to hear it!') }),
    });
    const result = await host.callTool('reply_to_note', { note: 'The new bench in the park is lovely.' });
    expect(result.structuredContent).toEqual({
      mood: 'glad',
      reply: 'Glad to hear it!',
      provenance: { path: 'host', models: ['mock-model'], era, rounds: 2, samples: 2 },
    });
    await expectServedOverStdio(host, { era, tool: 'reply_to_note', bin: 'hello-sampling' });
  });
});

describe('the built bin on the command line', () => {
  it('prints the version of its package.json', () => {
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toBe(version);
  });
});
