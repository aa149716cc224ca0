/**
 * Packing and installing, as a user meets a package: `pnpm pack` (which rewrites `catalog:` and
 * `workspace:` versions the way `pnpm publish` does), then `npm install <tarball>` into an empty
 * directory. Shared by the tests and the footprint benchmark.
 */
import { execFile } from 'node:child_process';
import { mkdir, readdir, readFile, stat, writeFile } from 'node:fs/promises';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { directoryBytes } from './sizes.js';

const run = promisify(execFile);

/** npm's download cache, shared by every install of a run and kept between runs (git-ignored). */
export const NPM_CACHE = path.join(import.meta.dirname, '..', 'node_modules', '.cache', 'install-kit-npm');

/** A packed tarball. */
export interface Packed {
  /** Absolute path of the `.tgz`. */
  tarball: string;
  /** Files in it, relative to the package root. */
  files: string[];
}

/** `pnpm pack` of the package in `packageDir`, into `destination`. */
export async function pnpmPack(packageDir: string, destination: string): Promise<Packed> {
  await mkdir(destination, { recursive: true });
  const { stdout } = await run('pnpm', ['pack', '--json', '--pack-destination', destination], { cwd: packageDir });
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
 * `npm install <package>` in an empty project. Returns the installed package's directory.
 */
export async function npmInstall(tarball: string, dir: string, packageName: string): Promise<string> {
  await mkdir(dir, { recursive: true });
  await writeFile(path.join(dir, 'package.json'), `${JSON.stringify({ name: 'install-check', private: true }, null, 2)}\n`);
  try {
    await run('npm', ['install', '--no-audit', '--no-fund', '--loglevel=error', '--cache', NPM_CACHE, tarball], {
      cwd: dir,
      env: userEnvironment(),
      maxBuffer: 16 * 1024 * 1024,
    });
  } catch (error) {
    const { stdout = '', stderr = '' } = error as { stdout?: string; stderr?: string };
    throw new Error(`npm install ${path.basename(tarball)} failed:\n${stdout}${stderr}`);
  }
  return path.join(dir, 'node_modules', ...packageName.split('/'));
}

/**
 * The environment without the `npm_*` settings a package manager passes to the scripts it runs
 * (this test may run under `pnpm test`), so npm installs as it would for a user.
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
