/**
 * The README's API section against the package's entries: every name `src/index.ts`, `src/serve.ts`
 * and `src/http.ts` export is described there, so the table cannot fall behind the code again.
 */
import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const kit = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const readme = readFileSync(join(kit, 'README.md'), 'utf8');

/** The README from `## API` to the next `## ` heading, and the HTTP section, where `/http` is described. */
function sectionOf(heading: string): string {
  const start = readme.indexOf(`\n${heading}`);
  if (start === -1) throw new Error(`README.md has no '${heading}' section`);
  const end = readme.indexOf('\n## ', start + 1);
  return readme.slice(start, end === -1 ? undefined : end);
}

/** Every name an entry exports (values and types), read from its `export { … } from` lists. */
function exportsOf(entry: string): string[] {
  const text = readFileSync(join(kit, 'src', entry), 'utf8');
  return [...text.matchAll(/export (?:type )?\{([^}]*)\}/g)].flatMap((match) =>
    (match[1] ?? '')
      .split(',')
      .map((name) => name.replace(/^\s*type\s+/, '').trim())
      .filter((name) => name !== ''),
  );
}

/** Whether `text` names `name` in code: `name`, `name(…)`, `name.x`. */
const mentions = (text: string, name: string) => new RegExp(`\`${name}[\`(.<]`).test(text);

describe('the README API section', () => {
  it('describes every export of @mcp-sampling/kit', () => {
    const names = exportsOf('index.ts');
    expect(names.length).toBeGreaterThan(60);
    const api = sectionOf('## API');
    expect(names.filter((name) => !mentions(api, name))).toEqual([]);
  });

  it('describes every export of @mcp-sampling/kit/serve and /http', () => {
    const text = `${sectionOf('## API')}${sectionOf('## A tool')}${sectionOf('## HTTP')}${sectionOf('## stdio')}`;
    const names = [...exportsOf('serve.ts'), ...exportsOf('http.ts')];
    expect(names).toContain('runServerBin');
    expect(names.filter((name) => !mentions(text, name))).toEqual([]);
  });
});
