/**
 * docs/architecture.md is the kit's map, held against the code: its "The rooms" section names every
 * folder and file of packages/kit/src and nothing else, and the floors it gives hold, so a room
 * imports only from itself or from rooms on a lower floor.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const kit = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const src = join(kit, 'src');
const doc = readFileSync(join(kit, '../../docs/architecture.md'), 'utf8');

/** The text from `heading` to the next heading of the same level. */
function section(markdown: string, heading: string): string {
  const start = markdown.indexOf(`\n${heading}\n`);
  if (start === -1) throw new Error(`docs/architecture.md has no '${heading}' section`);
  const end = markdown.indexOf('\n## ', start + heading.length + 1);
  return markdown.slice(start, end === -1 ? undefined : end);
}

const rooms = section(doc, '## The rooms');

/** Every folder (with a trailing slash) and file under `dir`, relative to src. */
function tree(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    const name = relative(src, path);
    return entry.isDirectory() ? [`${name}/`, ...tree(path)] : [name];
  });
}

const onDisk = tree(src).sort();
const sourceFiles = onDisk.filter((path) => path.endsWith('.ts'));

/** What the section names: each room heading's folder, and the first cell of each table row. */
const named = [
  ...[...rooms.matchAll(/^### `([^`]+)`/gm)].map((match) => match[1] ?? ''),
  ...[...rooms.matchAll(/^\| `([^`]+)` \|/gm)].map((match) => match[1] ?? ''),
].sort();

/** The room a source file belongs to: its top folder, or '' for the package's entries at the root. */
const roomOf = (path: string): string => (path.includes('/') ? `${path.slice(0, path.indexOf('/'))}/` : '');

/** Floor of each room, from the headings: "### `engine/` (floor 3)", "### The package's entries (floor 6)". */
const floors = new Map(
  [...rooms.matchAll(/^### (?:`([^`]+)`|The package's entries).*\(floor (\d+)\)/gm)].map((match) => [
    match[1] ?? '',
    Number(match[2]),
  ]),
);

/** The kit files `path` imports, relative to src. */
function importsOf(path: string): string[] {
  const text = readFileSync(join(src, path), 'utf8');
  return [...text.matchAll(/(?:from|import)\s*\(?\s*'(\.{1,2}\/[^']+)'/g)].map((match) =>
    relative(src, resolve(dirname(join(src, path)), (match[1] ?? '').replace(/\.js$/, '.ts'))),
  );
}

describe('docs/architecture.md', () => {
  it('names every folder and file of packages/kit/src', () => {
    expect(onDisk.length).toBeGreaterThan(40);
    expect(onDisk.filter((path) => !named.includes(path))).toEqual([]);
  });

  it('names no folder or file that packages/kit/src lacks, and each once', () => {
    expect(named.filter((path) => !onDisk.includes(path))).toEqual([]);
    expect(new Set(named).size).toBe(named.length);
  });

  it('gives every room a floor', () => {
    const roomsOnDisk = [...new Set(sourceFiles.map(roomOf))];
    expect(roomsOnDisk.filter((room) => !floors.has(room))).toEqual([]);
  });

  it('holds against the imports: each runs within its room or down to a lower floor', () => {
    const upward: string[] = [];
    let imports = 0;
    for (const path of sourceFiles) {
      for (const target of importsOf(path)) {
        imports += 1;
        const from = roomOf(path);
        const to = roomOf(target);
        if (from !== to && !((floors.get(to) ?? Number.POSITIVE_INFINITY) < (floors.get(from) ?? 0))) {
          upward.push(`${path} -> ${target}`);
        }
      }
    }
    expect(imports).toBeGreaterThan(100);
    expect(upward).toEqual([]);
  });
});
