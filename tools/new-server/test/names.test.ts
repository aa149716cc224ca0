/**
 * The generator's refusals and names, without writing anything: each bad or taken name is refused
 * with a message that says what to do, by the function and by the command (exit code 2).
 */
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { nameProblem, namesFor } from '../src/names.mjs';
import { fill, placeholders, TEMPLATE_DIR, templateFiles } from '../src/scaffold.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const CLI = fileURLToPath(new URL('../src/new-server.mjs', import.meta.url));

describe('nameProblem', () => {
  it.each([
    [undefined, 'give the new server a name: pnpm new-server <name>'],
    ['', 'give the new server a name'],
    ['Translate', '"Translate" is not a valid name: use one lower-case word'],
    ['word-count', '"word-count" is not a valid name'],
    ['word_count', '"word_count" is not a valid name'],
    ['2fast', '"2fast" is not a valid name'],
    ['../evil', '"../evil" is not a valid name'],
    ['server-translate', '"server-translate": leave out the server- prefix (pnpm new-server translate)'],
    ['x', '"x" is 1 characters long: use 2 to 30'],
    ['a'.repeat(31), 'is 31 characters long: use 2 to 30'],
    ['classify', 'packages/server-classify already exists: choose another name, or remove that package first'],
    ['summarise', 'packages/server-summarise already exists'],
  ])('refuses %j', (name, message) => {
    expect(nameProblem(name, ROOT)).toContain(message);
  });

  it('accepts a free one-word name', () => {
    expect(existsSync(path.join(ROOT, 'packages/server-notyetaserver'))).toBe(false);
    expect(nameProblem('notyetaserver', ROOT)).toBeUndefined();
  });
});

describe('the templates', () => {
  it('derive every name from the one given', () => {
    expect(namesFor('translate')).toEqual({
      name: 'translate',
      title: 'Translate',
      packageName: '@mcp-sampling/server-translate',
      bin: 'mcp-server-translate',
      dir: 'packages/server-translate',
    });
  });

  it('hold the files of a server package, with only placeholders the generator fills', () => {
    expect(templateFiles()).toEqual([
      'README.md.tmpl',
      'package.json.tmpl',
      'src/bin.ts.tmpl',
      'src/server.ts.tmpl',
      'src/tool.ts.tmpl',
      'test/bin.test.ts.tmpl',
      'test/stdio.test.ts.tmpl',
      'test/tool.test.ts.tmpl',
      'tsconfig.build.json.tmpl',
      'tsconfig.json.tmpl',
      'vitest.config.ts.tmpl',
    ]);
    const values = placeholders(namesFor('a'.repeat(30)));
    for (const file of templateFiles()) {
      const filled = fill(readFileSync(path.join(TEMPLATE_DIR, file), 'utf8'), values);
      expect(filled, file).not.toMatch(/__[A-Z]+__/);
    }
    expect(() => fill('__UNKNOWN__', values)).toThrow('template placeholder __UNKNOWN__ has no value');
  });

  it('give a description within the registry limit of 100 characters, for the longest name', () => {
    const description = `MCP server: ${placeholders(namesFor('a'.repeat(30))).__DESCRIPTION__}`;
    expect(description.length).toBeLessThanOrEqual(100);
  });
});

describe('pnpm new-server', () => {
  it.each([
    [['Translate'], 'new-server: "Translate" is not a valid name'],
    [['classify'], 'new-server: packages/server-classify already exists'],
    [['one', 'two'], 'new-server: expected one name, got 2 arguments'],
    [[], 'new-server: give the new server a name'],
  ])('refuses %j with exit code 2, the reason and the usage, writing nothing', (args, message) => {
    const run = spawnSync(process.execPath, [CLI, ...args], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(message);
    expect(run.stderr).toContain('Usage: pnpm new-server <name>');
    expect(existsSync(path.join(ROOT, 'packages/server-Translate'))).toBe(false);
  });

  it('prints its usage with --help', () => {
    const run = spawnSync(process.execPath, [CLI, '--help'], { cwd: ROOT, encoding: 'utf8' });
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('Usage: pnpm new-server <name>');
  });
});
