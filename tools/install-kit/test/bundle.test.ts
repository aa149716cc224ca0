/**
 * The bundler on its own: the npm build keeps the provider code and the AI SDK out of the entry
 * (behind `import()`), imports exactly the declared dependencies, and refuses to build when the
 * code imports a package the server does not declare; the self-contained build imports nothing.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bundleServer } from '../src/bundle-server.mjs';
import { serverInfo } from '../src/servers.js';
import { thirdPartyNotices } from '../src/third-party-notices.js';

const SERVER = serverInfo('classify');

let work: string;
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mcp-sampling-bundle-'));
});
afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

/** The chunks `code` imports statically (`import … from "./chunks/…"` or a bare `import "./chunks/…"`). */
const staticChunkImports = (code: string): string[] =>
  [...code.matchAll(/^import\s*(?:[\s\S]*?from\s*)?["'](\.\/chunks\/[^"']+)["']/gm)].map((match) => (match[1] ?? '').slice(2));

describe.each(['npm', 'self-contained'] as const)('bundleServer, %s', (target) => {
  it('puts the provider code in a chunk the entry loads only through import()', async () => {
    const outDir = path.join(work, target);
    const bundle = await bundleServer({ packageDir: SERVER.dir, target, outDir });
    const entry = await readFile(bundle.bin, 'utf8');
    expect(entry.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(bundle.lazyChunks.length).toBeGreaterThan(0);
    for (const chunk of bundle.lazyChunks) {
      expect(entry).toContain(`import("./${chunk}")`);
      expect(staticChunkImports(entry)).not.toContain(chunk);
    }
    expect(entry).not.toMatch(/from ["'](ai|@ai-sdk\/[^"']+)["']/);
    if (target === 'npm') expect(bundle.externals).toEqual(Object.keys(SERVER.dependencies).sort());
    else {
      expect(bundle.externals).toEqual([]);
      expect(staticChunkImports(entry).length).toBeGreaterThan(0);
    }
  });
});

describe('bundleServer, the licences of what it inlines', () => {
  it('names no npm package for the npm build, which inlines only the workspace packages', async () => {
    const bundle = await bundleServer({ packageDir: SERVER.dir, target: 'npm', outDir: path.join(work, 'npm-licences') });
    expect(bundle.inlinedPackages).toEqual([]);
  });

  it('names every npm package the self-contained build inlines, and the notices carry each licence text', async () => {
    const bundle = await bundleServer({
      packageDir: SERVER.dir,
      target: 'self-contained',
      outDir: path.join(work, 'self-contained-licences'),
    });
    expect(bundle.inlinedPackages.every((dir) => dir.includes(`${path.sep}node_modules${path.sep}`))).toBe(true);
    for (const dependency of Object.keys(SERVER.dependencies)) {
      expect(
        bundle.inlinedPackages.some((dir) => dir.endsWith(`${path.sep}${dependency}`)),
        dependency,
      ).toBe(true);
    }

    const notices = thirdPartyNotices(bundle.inlinedPackages, 'test.mcpb');
    expect(notices).toMatch(/^@modelcontextprotocol\/server \S+ \(Apache-2\.0\)$/m);
    expect(notices).toMatch(/^zod \S+ \(MIT\)$/m);
    expect(notices).toContain('Apache License');
    expect(notices).toContain('Permission is hereby granted, free of charge');
    // A package without a licence file points to the same licence's text elsewhere in the file.
    expect(notices).not.toMatch(/ships no licence file; its package\.json declares [^,\n]+\.$/m);
  });
});

describe('bundleServer, npm, with an undeclared import', () => {
  it('fails, naming the package to add to dependencies', async () => {
    const packageDir = path.join(work, 'undeclared');
    await mkdir(path.join(packageDir, 'src'), { recursive: true });
    await writeFile(path.join(packageDir, 'package.json'), JSON.stringify({ name: 'undeclared', dependencies: {} }));
    await writeFile(path.join(packageDir, 'src', 'bin.ts'), "import * as z from 'zod/v4';\nconsole.error(z.string());\n");
    await expect(bundleServer({ packageDir, target: 'npm' })).rejects.toThrow(
      'undeclared: the bundle imports zod at run time; add it to "dependencies" in package.json.',
    );
  });
});
