/**
 * Bundles a server's bin (`src/bin.ts`) with esbuild into one self-contained build: the workspace
 * packages (`@mcp-sampling/*`), the MCP SDK, zod and every other npm package inlined, so the output
 * runs with no `node_modules` at all. Code behind `import()` (the providers package, which loads the
 * AI SDK) becomes separate chunks that load only when a call first falls back to a provider.
 *
 * Two users: each server's `build` (after `tsc`) runs this file as a script, which writes
 * `dist/bin.js`, `dist/chunks/` and `dist/THIRD_PARTY_NOTICES` (the published npm package, which
 * therefore declares no runtime `dependencies`; checked here), and `mcpb.ts` calls `bundleServer`
 * for an MCP Bundle.
 *
 * Plain JavaScript (with JSDoc types), because the servers' builds run it before anything in the
 * workspace is compiled. Run as a script from a server's directory: `node <this file>`.
 */
import { chmod, readFile, rm, writeFile } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';
import { NOTICES_FILE, thirdPartyNotices } from './third-party-notices.mjs';

/** Names a reader of the published code needs: where it came from, and where the licences are. */
const BANNER =
  "// Bundled from this package's src/ and every package it uses by tools/install-kit; the licences of the npm packages inlined are in THIRD_PARTY_NOTICES.";

/** CommonJS code inlined into ESM output calls `require` for Node built-ins; give it one. */
const REQUIRE_SHIM =
  "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);";

/**
 * @typedef {object} BundleOptions
 * @property {string} packageDir the server package's directory (holding package.json and src/bin.ts)
 * @property {string} [outDir] where bin.js and chunks/ go; default `<packageDir>/dist`
 */

/**
 * @typedef {object} BundleResult
 * @property {string} bin absolute path of the bundled entry
 * @property {string[]} files every file written, relative to the output directory
 * @property {string[]} lazyChunks chunks reached only through `import()` from the entry
 * @property {string[]} inlinedPackages absolute directories of the npm packages whose code was inlined,
 *   for the licence notices
 */

/**
 * Bundle one server. Throws when the output would still import an npm package at run time.
 * @param {BundleOptions} options
 * @returns {Promise<BundleResult>}
 */
export async function bundleServer({ packageDir, outDir = path.join(packageDir, 'dist') }) {
  await rm(path.join(outDir, 'chunks'), { recursive: true, force: true });
  // tsc's own bin.js is replaced below; its map and declarations would describe the wrong file.
  for (const stale of ['bin.js.map', 'bin.d.ts', 'bin.d.ts.map']) await rm(path.join(outDir, stale), { force: true });

  const result = await esbuild.build({
    absWorkingDir: packageDir,
    entryPoints: { bin: 'src/bin.ts' },
    outdir: outDir,
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    chunkNames: 'chunks/[name]-[hash]',
    banner: { js: `${BANNER}\n${REQUIRE_SHIM}` },
    legalComments: 'inline',
    metafile: true,
    logLevel: 'warning',
  });

  const outputs = Object.entries(result.metafile.outputs).map(([file, output]) => ({
    file: path.relative(outDir, path.resolve(packageDir, file)),
    output,
  }));
  const bin = path.join(outDir, 'bin.js');
  await chmod(bin, 0o755);

  const externals = [...new Set(outputs.flatMap(({ output }) => output.imports.filter((i) => i.external).map((i) => i.path)))]
    .filter((specifier) => !isBuiltin(specifier))
    .sort();
  if (externals.length > 0) throw new Error(`the bundle still imports ${externals.join(', ')} at run time.`);

  const entry = outputs.find(({ file }) => file === 'bin.js')?.output;
  const lazyChunks = (entry?.imports ?? [])
    .filter((i) => i.kind === 'dynamic-import' && !i.external)
    .map((i) => path.relative(outDir, path.resolve(packageDir, i.path)));

  const inlinedPackages = [
    ...new Set(
      Object.keys(result.metafile.inputs)
        .map((input) => packageDirOf(path.resolve(packageDir, input)))
        .filter((dir) => dir !== undefined),
    ),
  ].sort();

  return {
    bin,
    files: outputs.map(({ file }) => file).sort(),
    lazyChunks: [...new Set(lazyChunks)].sort(),
    inlinedPackages,
  };
}

/**
 * The directory of the npm package a bundled file came from (`…/node_modules/@scope/name` or
 * `…/node_modules/name`), or `undefined` for the workspace's own files.
 * @param {string} file absolute path
 * @returns {string | undefined}
 */
function packageDirOf(file) {
  const marker = `${path.sep}node_modules${path.sep}`;
  const at = file.lastIndexOf(marker);
  if (at === -1) return undefined;
  const parts = file.slice(at + marker.length).split(path.sep);
  const name = parts[0]?.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1);
  return path.join(file.slice(0, at + marker.length), ...name);
}

/**
 * @param {string} specifier
 * @returns {boolean}
 */
function isBuiltin(specifier) {
  return specifier.startsWith('node:') || builtinModules.includes(specifier);
}

/**
 * A server's `build`: the self-contained bundle in `<packageDir>/dist` with its THIRD_PARTY_NOTICES.
 * Throws when package.json declares runtime `dependencies`: everything is inlined, so they would
 * only make `npx` install packages the bin never loads.
 * @param {string} packageDir
 * @returns {Promise<BundleResult>}
 */
export async function buildPackage(packageDir) {
  const manifest = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
  const declared = Object.keys(manifest.dependencies ?? {});
  if (declared.length > 0) {
    throw new Error(
      `${manifest.name}: the package is self-contained, so it declares no "dependencies"; move ${declared.join(', ')} to "devDependencies".`,
    );
  }
  const bundled = await bundleServer({ packageDir });
  await writeFile(
    path.join(packageDir, 'dist', NOTICES_FILE),
    thirdPartyNotices(bundled.inlinedPackages, `${manifest.name} ${manifest.version}`),
  );
  return bundled;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  try {
    const bundled = await buildPackage(process.cwd());
    const chunks = bundled.files.length - 1;
    process.stderr.write(
      `bundled dist/bin.js + ${chunks} chunk${chunks === 1 ? '' : 's'} (${bundled.lazyChunks.length} loaded only through import()), ` +
        `inlining ${bundled.inlinedPackages.length} npm packages (dist/${NOTICES_FILE})\n`,
    );
  } catch (error) {
    process.stderr.write(`bundle-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
