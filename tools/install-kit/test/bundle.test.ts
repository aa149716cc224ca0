/**
 * The bundler on its own: the build keeps the provider code and the AI SDK out of the entry (behind
 * `import()`), imports no npm package at run time, names every npm package it inlines for the
 * licence notices, and a server's build refuses a package that still declares runtime dependencies.
 */
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
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

/**
 * The chunks `code` imports statically (`import … from "./chunks/…"` or a bare `import "./chunks/…"`
 * in the entry; `"./chunk-…"` in a chunk), relative to the importing file.
 */
const staticChunkImports = (code: string): string[] =>
  [...code.matchAll(/^import\s*(?:[^;]*?from\s*)?["'](\.\/(?:chunks\/)?[^"'/]+)["']/gm)].map((match) =>
    (match[1] ?? '').slice(2),
  );

/** Code of the OpenTelemetry SDK (not the API, which the kit's own spans may use from the entry), by esbuild's module comments. */
const OTEL_SDK = /node_modules\/@opentelemetry\/(?:sdk-|exporter-|otlp-|resources|context-async-hooks)/;

/** Bare (npm) imports in `code`, static or dynamic; Node built-ins (`node:fs`, and `http` as the OTLP exporters write it) left out. */
const npmImports = (code: string): string[] =>
  [...code.matchAll(/(?:^import\s*(?:[^;]*?from\s*)?|\bimport\()["']([^"'./][^"']*)["']/gm)]
    .map((match) => match[1] ?? '')
    .filter((specifier) => !specifier.startsWith('node:') && !builtinModules.includes(specifier));

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

  it('puts the OpenTelemetry SDK in a chunk the entry loads only through import(), with none of it reached statically', async () => {
    const outDir = path.join(work, 'telemetry');
    const bundle = await bundleServer({ packageDir: SERVER.dir, outDir });
    const code = async (file: string) => readFile(path.join(outDir, file), 'utf8');
    const telemetry = [];
    for (const chunk of bundle.lazyChunks) if (OTEL_SDK.test(await code(chunk))) telemetry.push(chunk);
    expect(telemetry).toHaveLength(1);
    expect(await code(telemetry[0] ?? '')).toContain('OTLPTraceExporter');

    // Every file the entry loads at start: its static imports, and theirs.
    const reached = new Set(['bin.js']);
    for (const file of reached) {
      for (const imported of staticChunkImports(await code(file))) reached.add(path.join(path.dirname(file), imported));
    }
    expect(reached.size).toBeGreaterThan(1);
    for (const file of reached) expect(OTEL_SDK.test(await code(file)), file).toBe(false);
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
