/**
 * MCP Bundles (`.mcpb`): per server, a directory staged under `<repo>/.mcpb/<bin>/` with the
 * server's `manifest.json`, a minimal `package.json` (the bin reads its version from it, and it
 * marks the `.js` files as ES modules), the README, the project's LICENSE, THIRD_PARTY_NOTICES
 * (the licences of every npm package inlined), and `server/`: the same self-contained build as the
 * npm package's `dist/` (every dependency inlined, the provider code and AI SDK in lazily loaded
 * chunks), so the bundle runs without `npm install`. Then `mcpb validate` and `mcpb pack` write `<repo>/.mcpb/<bin>-<version>.mcpb`.
 */
import { execFile } from 'node:child_process';
import { copyFile, mkdir, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { bundleServer } from './bundle-server.mjs';
import { bundleFileName } from './host-configs.js';
import { BUNDLE_ENTRY } from './manifest.js';
import { REPO_ROOT, type ServerInfo } from './servers.js';
import { directoryBytes } from './sizes.js';
import { NOTICES_FILE, thirdPartyNotices } from './third-party-notices.mjs';

const run = promisify(execFile);

/** Where `pnpm bundle` writes (git-ignored). */
export const BUNDLE_DIR = path.join(REPO_ROOT, '.mcpb');

/** The file in each bundle that carries the licences of the inlined npm packages. */
export { NOTICES_FILE };

/** The `mcpb` command-line tool's entry script. */
export const MCPB_CLI = path.join(path.dirname(createRequire(import.meta.url).resolve('@anthropic-ai/mcpb')), 'cli', 'cli.js');

/** A generous limit on one `mcpb` run, only to stop a hang. */
const MCPB_TIMEOUT_MS = 120_000;

/** Runs `mcpb <args>`; rejects with its output when it fails or runs past its limit. */
export async function mcpb(...args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await run(process.execPath, [MCPB_CLI, ...args], {
      maxBuffer: 16 * 1024 * 1024,
      timeout: MCPB_TIMEOUT_MS,
    });
    return `${stdout}${stderr}`;
  } catch (error) {
    const { stdout = '', stderr = '', killed } = error as { stdout?: string; stderr?: string; killed?: boolean };
    const why = killed ? `did not finish within ${MCPB_TIMEOUT_MS / 1000} s and was ended` : 'failed';
    throw new Error(`mcpb ${args[0]} ${why}:\n${stdout}${stderr}`);
  }
}

/** One built bundle. */
export interface BuiltBundle {
  server: ServerInfo;
  /** The staged directory that was packed. */
  staged: string;
  /** The `.mcpb` file. */
  file: string;
  /** Size of the `.mcpb` file, bytes. */
  bytes: number;
  /** Total size of the staged files, bytes. */
  unpackedBytes: number;
  /** Output of `mcpb validate` and `mcpb pack`. */
  log: string;
}

/** Stages, validates and packs the bundle of `server` into `outDir`. */
export async function buildBundle(server: ServerInfo, outDir = BUNDLE_DIR): Promise<BuiltBundle> {
  const staged = path.join(outDir, server.binName);
  await rm(staged, { recursive: true, force: true });
  await mkdir(staged, { recursive: true });

  const serverDir = path.join(staged, path.dirname(BUNDLE_ENTRY));
  const bundled = await bundleServer({ packageDir: server.dir, outDir: serverDir });
  await copyFile(path.join(server.dir, 'manifest.json'), path.join(staged, 'manifest.json'));
  await copyFile(path.join(server.dir, 'README.md'), path.join(staged, 'README.md'));
  await copyFile(path.join(REPO_ROOT, 'LICENSE'), path.join(staged, 'LICENSE'));
  await writeFile(path.join(staged, NOTICES_FILE), thirdPartyNotices(bundled.inlinedPackages, bundleFileName(server)));
  const packageJson = {
    name: server.packageName,
    version: server.version,
    description: server.description,
    license: 'MIT',
    private: true,
    type: 'module',
  };
  await writeFile(path.join(staged, 'package.json'), `${JSON.stringify(packageJson, null, 2)}\n`);

  const file = path.join(outDir, bundleFileName(server));
  const validated = await mcpb('validate', path.join(staged, 'manifest.json'));
  const packed = await mcpb('pack', staged, file);
  return {
    server,
    staged,
    file,
    bytes: (await stat(file)).size,
    unpackedBytes: await directoryBytes(staged),
    log: validated + packed,
  };
}
