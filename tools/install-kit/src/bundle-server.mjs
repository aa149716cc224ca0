/**
 * Bundles a server's bin (`src/bin.ts`) with esbuild, for one of two targets:
 *
 * - `npm` (what each server's `build` runs after `tsc`): `dist/bin.js` with the workspace packages
 *   (`@mcp-sampling/*`) inlined and every npm package left as an import, which the published package
 *   must declare in `dependencies` (checked here). Code behind `import()` (the providers package,
 *   which loads the AI SDK) becomes `dist/chunks/*.js` and loads only when a call first falls back
 *   to a provider.
 * - `self-contained` (for an MCP Bundle): everything inlined, so the output runs with no
 *   `node_modules` at all; the provider code and the AI SDK are still separate, lazily loaded chunks.
 *
 * Plain JavaScript (with JSDoc types), because the servers' builds run it before anything in the
 * workspace is compiled. Run as a script from a server's directory: `node <this file>`.
 */
import { chmod, readFile, rm } from 'node:fs/promises';
import { builtinModules } from 'node:module';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import * as esbuild from 'esbuild';

/** Workspace packages, always inlined. */
const WORKSPACE_SCOPE = '@mcp-sampling/';

/** Names a reader of the published code needs: where it came from. */
const BANNER = "// Bundled from this package's src/ and the workspace packages it uses (@mcp-sampling/*) by tools/install-kit.";

/**
 * CommonJS code inlined into ESM output calls `require` for Node built-ins; give it one.
 * Only the self-contained target inlines CommonJS packages.
 */
const REQUIRE_SHIM =
  "import { createRequire as __bundleCreateRequire } from 'node:module';\nconst require = __bundleCreateRequire(import.meta.url);";

/**
 * @typedef {object} BundleOptions
 * @property {string} packageDir the server package's directory (holding package.json and src/bin.ts)
 * @property {'npm' | 'self-contained'} target see the file header
 * @property {string} [outDir] where bin.js and chunks/ go; default `<packageDir>/dist`
 */

/**
 * @typedef {object} BundleResult
 * @property {string} bin absolute path of the bundled entry
 * @property {string[]} files every file written, relative to the output directory
 * @property {string[]} externals npm packages the output imports (none for `self-contained`)
 * @property {string[]} lazyChunks chunks reached only through `import()` from the entry
 * @property {string[]} inlinedPackages absolute directories of the npm packages whose code was inlined
 *   (none for `npm`, which inlines only the workspace's own packages), for the licence notices
 */

/**
 * Bundle one server. Throws when the `npm` output imports a package the server does not declare.
 * @param {BundleOptions} options
 * @returns {Promise<BundleResult>}
 */
export async function bundleServer({ packageDir, target, outDir = path.join(packageDir, 'dist') }) {
  const manifest = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8'));
  await rm(path.join(outDir, 'chunks'), { recursive: true, force: true });
  // tsc's own bin.js is replaced below; its map and declarations would describe the wrong file.
  for (const stale of ['bin.js.map', 'bin.d.ts', 'bin.d.ts.map']) await rm(path.join(outDir, stale), { force: true });

  const selfContained = target === 'self-contained';
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
    banner: { js: selfContained ? `${BANNER}\n${REQUIRE_SHIM}` : BANNER },
    legalComments: 'inline',
    metafile: true,
    logLevel: 'warning',
    plugins: selfContained ? [] : [inlineWorkspaceOnly()],
  });

  const outputs = Object.entries(result.metafile.outputs).map(([file, output]) => ({
    file: path.relative(outDir, path.resolve(packageDir, file)),
    output,
  }));
  const bin = path.join(outDir, 'bin.js');
  await chmod(bin, 0o755);

  const externals = [...new Set(outputs.flatMap(({ output }) => output.imports.filter((i) => i.external).map((i) => i.path)))]
    .filter((specifier) => !isBuiltin(specifier))
    .map(packageNameOf);
  const uniqueExternals = [...new Set(externals)].sort();
  if (!selfContained) {
    const declared = Object.keys(manifest.dependencies ?? {});
    const missing = uniqueExternals.filter((name) => !declared.includes(name));
    if (missing.length > 0) {
      throw new Error(
        `${manifest.name}: the bundle imports ${missing.join(', ')} at run time; add ${missing.length === 1 ? 'it' : 'them'} to "dependencies" in package.json.`,
      );
    }
  }

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
    externals: uniqueExternals,
    lazyChunks: [...new Set(lazyChunks)].sort(),
    inlinedPackages,
  };
}

/**
 * An esbuild plugin that leaves every bare import external except the workspace packages.
 * @returns {esbuild.Plugin}
 */
function inlineWorkspaceOnly() {
  return {
    name: 'inline-workspace-only',
    setup(build) {
      build.onResolve({ filter: /^[^./]/ }, (args) =>
        args.path.startsWith(WORKSPACE_SCOPE) ? undefined : { path: args.path, external: true },
      );
    },
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
 * `@scope/name/sub` → `@scope/name`; `name/sub` → `name`.
 * @param {string} specifier
 * @returns {string}
 */
function packageNameOf(specifier) {
  const parts = specifier.split('/');
  return (specifier.startsWith('@') ? parts.slice(0, 2) : parts.slice(0, 1)).join('/');
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const packageDir = process.cwd();
  try {
    const bundled = await bundleServer({ packageDir, target: 'npm' });
    const chunks = bundled.files.length - 1;
    process.stderr.write(
      `bundled dist/bin.js + ${chunks} chunk${chunks === 1 ? '' : 's'} (${bundled.lazyChunks.length} loaded only through import()); ` +
        `npm packages it imports: ${bundled.externals.join(', ')}\n`,
    );
  } catch (error) {
    process.stderr.write(`bundle-server: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  }
}
