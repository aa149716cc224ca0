/**
 * The bundler on its own: the build keeps the provider code and the AI SDK out of the entry (behind
 * `import()`), imports no npm package at run time, names every npm package it inlines for the
 * licence notices, and a server's build refuses a package that still declares runtime dependencies.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildPackage, bundleServer } from '../src/bundle-server.mjs';
import { INLINED_NPM_PACKAGES, serverInfo } from '../src/servers.js';
import { thirdPartyNotices } from '../src/third-party-notices.mjs';

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

/** Bare (npm) imports in `code`, static or dynamic; `node:` built-ins left out. */
const npmImports = (code: string): string[] =>
  [...code.matchAll(/(?:^import\s*(?:[\s\S]*?from\s*)?|\bimport\()["']([^"'./][^"']*)["']/gm)]
    .map((match) => match[1] ?? '')
    .filter((specifier) => !specifier.startsWith('node:'));

describe('bundleServer', () => {
  it('puts the provider code in a chunk the entry loads only through import(), and imports no npm package', async () => {
    const bundle = await bundleServer({ packageDir: SERVER.dir, outDir: path.join(work, 'entry') });
    const entry = await readFile(bundle.bin, 'utf8');
    expect(entry.startsWith('#!/usr/bin/env node\n')).toBe(true);
    expect(bundle.lazyChunks.length).toBeGreaterThan(0);
    for (const chunk of bundle.lazyChunks) {
      expect(entry).toContain(`import("./${chunk}")`);
      expect(staticChunkImports(entry)).not.toContain(chunk);
    }
    expect(staticChunkImports(entry).length).toBeGreaterThan(0);
    for (const file of bundle.files) {
      const code = await readFile(path.join(work, 'entry', file), 'utf8');
      expect(npmImports(code), file).toEqual([]);
    }
  });

  it('names every npm package it inlines, and the notices carry each licence text', async () => {
    const bundle = await bundleServer({ packageDir: SERVER.dir, outDir: path.join(work, 'licences') });
    expect(bundle.inlinedPackages.every((dir) => dir.includes(`${path.sep}node_modules${path.sep}`))).toBe(true);
    for (const dependency of INLINED_NPM_PACKAGES) {
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

describe('buildPackage, a server package that declares runtime dependencies', () => {
  it('fails, naming what to move to devDependencies', async () => {
    const packageDir = path.join(work, 'with-dependencies');
    await mkdir(path.join(packageDir, 'src'), { recursive: true });
    await writeFile(
      path.join(packageDir, 'package.json'),
      JSON.stringify({ name: 'with-dependencies', version: '1.0.0', dependencies: { zod: '4.6.7' } }),
    );
    await writeFile(path.join(packageDir, 'src', 'bin.ts'), "console.error('unused');\n");
    await expect(buildPackage(packageDir)).rejects.toThrow(
      'with-dependencies: the package is self-contained, so it declares no "dependencies"; move zod to "devDependencies".',
    );
  });
});
