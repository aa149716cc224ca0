/**
 * Packing and installing, as a user meets a package: `pnpm pack` (which rewrites `catalog:` and
 * `workspace:` versions the way `pnpm publish` does), then `npm install <tarball>` into an empty
 * directory. Shared by the tests and the footprint benchmark.
 */
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { boundedRun } from './bounded-run.js';
import { directoryBytes } from './sizes.js';

/** npm's download cache, shared by every install of a run and kept between runs (git-ignored). */
export const NPM_CACHE = path.join(import.meta.dirname, '..', 'node_modules', '.cache', 'install-kit-npm');

/**
 * Time limits of one pack and one install: generous (a cold npm cache on a busy 2-core machine
 * takes about a minute), below the tests' 240 s hook limit so the failure is the command's own.
 */
export const PACK_TIMEOUT_MS = 120_000;
export const INSTALL_TIMEOUT_MS = 180_000;

/**
 * npm's network limits, tighter than its defaults (5 minutes per request, retries up to a minute
 * apart), so an unreachable registry fails with npm's own error well within `INSTALL_TIMEOUT_MS`.
 */
const NPM_NETWORK_LIMITS = [
  '--fetch-timeout=60000',
  '--fetch-retries=2',
  '--fetch-retry-mintimeout=2000',
  '--fetch-retry-maxtimeout=10000',
];

/** Limits for a pack or an install: `signal` ends the command early (a test's end). */
export interface RunLimits {
  signal?: AbortSignal;
  timeoutMs?: number;
}

/** A packed tarball. */
export interface Packed {
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** Files in it, relative to the package root. */
  files: string[];
}

/** `pnpm pack` of the package in `packageDir`, into `destination`. */
export async function pnpmPack(packageDir: string, destination: string, limits: RunLimits = {}): Promise<Packed> {
  await mkdir(destination, { recursive: true });
  const { stdout } = await boundedRun('pnpm', ['pack', '--json', '--pack-destination', destination], {
    cwd: packageDir,
    env: userEnvironment(),
    timeoutMs: limits.timeoutMs ?? PACK_TIMEOUT_MS,
    signal: limits.signal,
  });
  const report = JSON.parse(stdout) as { filename: string; files: Array<{ path: string }> };
  return { tarball: report.filename, files: report.files.map((file) => file.path).sort() };
}

/** A file's bytes as an ArrayBuffer of exactly its length (what publint takes for a tarball). */
export async function arrayBufferOf(file: string): Promise<ArrayBuffer> {
  const bytes = await readFile(file);
  return bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer;
}

/**
 * A fresh directory `dir` with `tarball` installed by npm from the public registry, like
 * `npm install <package>` in an empty project. Returns the installed package's directory. Rejects
 * with npm's stderr, and the end of its debug log, when npm fails, runs past its time limit or is
 * aborted; npm and its children are ended then. `env` adds to the user's environment (tests point
 * `npm_config_registry` elsewhere with it).
 */
export async function npmInstall(
  tarball: string,
  dir: string,
  packageName: string,
  limits: RunLimits & { env?: Record<string, string>; cache?: string } = {},
): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'install-check', private: true }, null, 2)}\n`);
  const cache = limits.cache ?? NPM_CACHE;
  const started = Date.now();
  try {
    await boundedRun(
      'npm',
      ['install', '--no-audit', '--no-fund', '--loglevel=error', '--cache', cache, ...NPM_NETWORK_LIMITS, tarball],
      {
        cwd: dir,
        env: { ...userEnvironment(), ...limits.env },
        timeoutMs: limits.timeoutMs ?? INSTALL_TIMEOUT_MS,
        signal: limits.signal,
        explain: () => npmLogTail(cache, started),
      },
    );
  } catch (error) {
    throw new Error(`npm install ${path.basename(tarball)} failed: ${(error as Error).message}`);
  }
  return path.join(dir, 'node_modules', ...packageName.split('/'));
}

/** The last lines of the newest npm debug log written since `since` (where npm's real error often is). */
async function npmLogTail(cache: string, since: number, lines = 25): Promise<string> {
  const logs = path.join(cache, '_logs');
  const entries = await Promise.all(
    (await readdir(logs).catch(() => [])).map(async (file) => ({ file, mtime: (await stat(path.join(logs, file))).mtimeMs })),
  );
  const newest = entries.filter((entry) => entry.mtime >= since).sort((a, b) => b.mtime - a.mtime)[0];
  if (newest === undefined) return '';
  const text = (await readFile(path.join(logs, newest.file), 'utf8')).trimEnd().split('\n').slice(-lines).join('\n');
  return `npm debug log (${path.join(logs, newest.file)}), last ${lines} lines:\n${text}`;
}

/**
 * The environment without the `npm_*` settings a package manager passes to the scripts it runs
 * (this test may run under `pnpm test`), so npm installs and pnpm packs as they would for a user
 * (the workspace's relative `npm_config_pnpmfile` would break `pnpm pack` outside it).
 */
function userEnvironment(): NodeJS.ProcessEnv {
  return Object.fromEntries(Object.entries(process.env).filter(([name]) => !/^npm_(config|package|lifecycle)_/i.test(name)));
}

/** What an install of one package costs. */
export interface InstallFootprint {
  /** The `.tgz`, bytes. */
  tarballBytes: number;
  /** The package's own files once unpacked, bytes. */
  unpackedBytes: number;
  /** Packages in `node_modules`, the package itself included. */
  packages: number;
  /** Everything in `node_modules`, bytes. */
  nodeModulesBytes: number;
}

/** Measures an install made by `npmInstall`. */
export async function footprintOf(tarball: string, installDir: string, packageDir: string): Promise<InstallFootprint> {
  const nodeModules = path.join(installDir, 'node_modules');
  return {
    tarballBytes: (await stat(tarball)).size,
    unpackedBytes: await directoryBytes(packageDir),
    packages: (await packageDirs(nodeModules)).length,
    nodeModulesBytes: await directoryBytes(nodeModules),
  };
}

/** Every installed package directory under `nodeModules`, nested ones included. */
export async function packageDirs(nodeModules: string): Promise<string[]> {
  const found: string[] = [];
  const visit = async (dir: string): Promise<void> => {
    for (const entry of await readdir(dir, { withFileTypes: true }).catch(() => [])) {
      if (!entry.isDirectory() || entry.name.startsWith('.')) continue;
      const child = path.join(dir, entry.name);
      if (entry.name.startsWith('@')) await visit(child);
      else if (await isPackage(child)) {
        found.push(child);
        await visit(path.join(child, 'node_modules'));
      }
    }
  };
  await visit(nodeModules);
  return found;
}

async function isPackage(dir: string): Promise<boolean> {
  try {
    return typeof (JSON.parse(await readFile(path.join(dir, 'package.json'), 'utf8')) as { name?: unknown }).name === 'string';
  } catch {
    return false;
  }
}
