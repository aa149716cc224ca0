/**
 * Importing the package must not load the AI SDK. A child Node process runs with a module
 * resolution hook (`module.register`) that appends every URL it resolves to a log file; the child
 * writes markers between steps, so the log shows exactly which modules each step loaded. The hook
 * sees static and dynamic imports alike, which a check of `require.cache` would not (ESM).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { ANTHROPIC } from './fixtures.js';

const DIST = new URL('../dist/index.js', import.meta.url);
const SDK_MODULE = /\/node_modules\/(ai|@ai-sdk\/[^/]+)\//;

const HOOKS = `
import { appendFileSync } from 'node:fs';
export async function resolve(specifier, context, nextResolve) {
  const resolved = await nextResolve(specifier, context);
  appendFileSync(process.env.LOAD_LOG, resolved.url + '\\n');
  return resolved;
}
`;

const REGISTER = `
import { register } from 'node:module';
register('./hooks.mjs', import.meta.url);
`;

const CHILD = `
import { appendFileSync } from 'node:fs';
const mark = (step) => appendFileSync(process.env.LOAD_LOG, 'MARK ' + step + '\\n');
const { createProvider, providerConfigFromEnv } = await import(process.env.DIST_URL);
mark('imported');
const reply = JSON.parse(process.env.REPLY);
const provider = createProvider({
  provider: 'anthropic',
  apiKey: 'lazy-test-key',
  fetch: async () => new Response(JSON.stringify(reply), { headers: { 'content-type': 'application/json' } }),
});
providerConfigFromEnv({});
mark('created');
// temperature 1.7 is over Anthropic's maximum, so the SDK emits a warning: it must reach stderr only.
const result = await provider.generate({ messages: [{ role: 'user', text: 'hi' }], maxTokens: 5, tier: 'fast', temperature: 1.7 });
mark('generated ' + result.text);
`;

const dir = mkdtempSync(join(tmpdir(), 'providers-lazy-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('lazy loading (runs against the built dist)', () => {
  it('loads no ai / @ai-sdk module on import or createProvider, and only the needed ones on the first generate', () => {
    expect(existsSync(DIST), 'build the package first: pnpm --filter @mcp-sampling/providers build').toBe(true);
    writeFileSync(join(dir, 'hooks.mjs'), HOOKS);
    writeFileSync(join(dir, 'register.mjs'), REGISTER);
    writeFileSync(join(dir, 'child.mjs'), CHILD);
    const log = join(dir, 'loads.log');

    const child = spawnSync(
      process.execPath,
      ['--import', pathToFileURL(join(dir, 'register.mjs')).href, join(dir, 'child.mjs')],
      {
        encoding: 'utf8',
        env: {
          ...process.env,
          LOAD_LOG: log,
          DIST_URL: DIST.href,
          REPLY: JSON.stringify(ANTHROPIC.success('hello', 'claude-haiku-4-5')),
        },
      },
    );
    expect(child.status, child.stderr).toBe(0);

    const lines = readFileSync(log, 'utf8').trim().split('\n');
    const step = (name: string) => lines.findIndex((line) => line.startsWith(`MARK ${name}`));
    const [imported, created, generated] = [step('imported'), step('created'), step('generated hello')];
    expect([imported, created, generated].every((index) => index >= 0)).toBe(true);

    const beforeGenerate = lines.slice(0, created);
    const duringGenerate = lines.slice(created, generated);
    expect(beforeGenerate.some((url) => url.includes('/providers/dist/index.js'))).toBe(true);
    expect(beforeGenerate.filter((url) => SDK_MODULE.test(url))).toEqual([]);
    expect(duringGenerate.some((url) => /\/node_modules\/ai\/dist\//.test(url))).toBe(true);
    expect(duringGenerate.some((url) => url.includes('/node_modules/@ai-sdk/anthropic/'))).toBe(true);
    expect(lines.some((url) => url.includes('/node_modules/@ai-sdk/openai/'))).toBe(false);

    expect(child.stdout).toBe('');
    expect(child.stderr).toMatch(/\[providers\] anthropic\.messages \/ claude-haiku-4-5: unsupported temperature/);
  });
});
