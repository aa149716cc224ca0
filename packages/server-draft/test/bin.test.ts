import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describe('mcp-server-draft command line', () => {
  it('prints help', () => {
    const out = execFileSync(process.execPath, [BIN, '--help'], { encoding: 'utf8' });
    expect(out).toMatch(/^mcp-server-draft \d+\.\d+\.\d+/);
    expect(out).toContain('one tool, draft');
    expect(out).toContain('MCP_SAMPLING_TIMEOUT_MS');
  });

  it('prints its version', () => {
    expect(execFileSync(process.execPath, [BIN, '--version'], { encoding: 'utf8' }).trim()).toBe(version);
  });

  it('rejects an unknown flag on stderr with exit code 2', () => {
    const run = spawnSync(process.execPath, [BIN, '--bogus'], { encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(/Unknown option '--bogus'.*\n.*--help/);
  });

  it('is executable with a node shebang', () => {
    expect(readFileSync(BIN, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
  });
});
