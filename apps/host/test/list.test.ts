/** `list` through the real bin against servers that do unusual but legal things. */
import { MAX_STDIO_LINE_BYTES } from '@mcp-sampling/kit';
import { describe, expect, it } from 'vitest';
import { MAX_SERVER_LINE_BYTES } from '../src/connect.js';
import { LONG_LINE_SERVER, NO_TOOLS_SERVER, runHost } from './helpers.js';

describe('list', () => {
  it('--json against a server without the tools capability: stdout is one JSON document', async () => {
    const run = await runHost(['list', '--json', '--era', 'legacy', '--', 'node', NO_TOOLS_SERVER]);
    expect(run.code).toBe(0);
    expect(JSON.parse(run.stdout)).toEqual({
      server: { name: 'no-tools-server', version: '1.0.0' },
      era: '2025',
      tools: [],
    });
  });

  it('says in words that a server without the tools capability offers no tools', async () => {
    const run = await runHost(['list', '--era', 'legacy', '--', 'node', NO_TOOLS_SERVER]);
    expect(run.code).toBe(0);
    expect(run.stdout).toBe('no-tools-server 1.0.0 · protocol 2025 · 0 tools\n\nThe server offers no tools.\n');
  });

  it('reads a server line longer than the SDK default of 10 MiB (12 MiB here)', async () => {
    const run = await runHost(['list', '--era', 'legacy', '--', 'node', LONG_LINE_SERVER]);
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('long-line-server 1.0.0 · protocol 2025 · 1 tool\n');
    expect(run.stdout).toContain('Echoes its input.');
  });

  it("reads lines as long as the kit's servers read: the same limit both ways", () => {
    expect(MAX_SERVER_LINE_BYTES).toBe(MAX_STDIO_LINE_BYTES);
  });
});
