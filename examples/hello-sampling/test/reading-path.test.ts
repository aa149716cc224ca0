/**
 * The root README's "Read the code in this order" table gives the length of each file it sends a
 * reader to. This keeps those numbers true: a stop that grows or moves fails here, not in a
 * reader's afternoon.
 */
import { readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const README = readFileSync(join(ROOT, 'README.md'), 'utf8');

/** Lines as `wc -l` counts them. */
const linesOf = (path: string) => readFileSync(join(ROOT, path), 'utf8').split('\n').length - 1;

/** The table's rows whose lines column holds exact counts: the files each names, and the counts. */
function stops(): { stop: string; files: string[]; counts: number[] }[] {
  const section = README.split('\n## Read the code in this order\n')[1]?.split('\n## ')[0] ?? '';
  return section
    .split('\n')
    .filter((line) => /^\| \d+ \|/.test(line))
    .map((line) => line.split(' | '))
    .filter(([, , lines]) => lines !== undefined && /^\d+(, \d+)*$/.test(lines))
    .map(([stop = '', read = '', lines = '']) => {
      const link = /\]\(([^)]+)\)/.exec(read)?.[1] ?? '';
      const named = [...read.matchAll(/`(src\/[^`]+\.ts)`/g)].map((match) => join(dirname(link), match[1] ?? ''));
      return { stop, files: named.length > 0 ? named : [link], counts: lines.split(', ').map(Number) };
    });
}

describe("the root README's reading path", () => {
  it('names the five code stops, hello-sampling first', () => {
    expect(stops().map(({ files }) => files[0])).toEqual([
      'examples/hello-sampling/src/hello-sampling.ts',
      'packages/server-summarise/src/tool.ts',
      'packages/server-classify/src/tool.ts',
      'packages/server-route/src/tool.ts',
      'packages/server-draft/src/tool.ts',
    ]);
  });

  it.each(stops())('stop $stop gives each file its real length', ({ files, counts }) => {
    expect(files.map(linesOf)).toEqual(counts);
  });
});
