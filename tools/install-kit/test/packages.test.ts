/**
 * Each server as a user gets it from npm: `pnpm pack` (as `pnpm publish` would), `npm install
 * <tarball>` into an empty directory from the public registry, then the installed bin: `--help`,
 * its tool over stdio through a sampling host in both eras, a host that cannot sample, and the
 * lazily loaded provider path. The four installs run in parallel with one npm cache.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { connectStdio, reply, type StdioMockHost } from '@mcp-sampling/testing';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtBin } from '../src/list-tools.js';
import { arrayBufferOf, npmInstall, type Packed, packageDirs, pnpmPack } from '../src/pack.js';
import { blankServerEnvironment } from '../src/server-env.js';
import { allServers, type ServerInfo } from '../src/servers.js';
import {
  ERAS,
  expectAnsweredByHost,
  expectAnsweredWithoutModel,
  expectSummarisedByProvider,
  fakeCompatibleProvider,
  PROVIDER_SUMMARY,
} from './calls.js';

const SERVERS = allServers();

interface Installed {
  packed: Packed;
  /** The install's directory (holding node_modules). */
  dir: string;
  /** The installed bin, absolute. */
  bin: string;
}

/** A generous limit on a command that should take a second, only to stop a hang. */
const HANG_LIMIT_MS = 60_000;

/** Ends every pack and install still running when the file ends (a failed or timed-out hook included). */
const fileEnded = new AbortController();

let work: string;
const installs = new Map<string, Installed>();
let host: StdioMockHost | undefined;

beforeAll(async () => {
  for (const server of SERVERS) builtBin(server);
  work = await mkdtemp(path.join(tmpdir(), 'mcp-sampling-install-'));
  await Promise.all(
    SERVERS.map(async (server) => {
      const packed = await pnpmPack(server.dir, path.join(work, 'tarballs'), { signal: fileEnded.signal });
      const dir = path.join(work, server.name);
      const packageDir = await npmInstall(packed.tarball, dir, server.packageName, { signal: fileEnded.signal });
      installs.set(server.name, { packed, dir, bin: path.join(packageDir, server.binPath) });
    }),
  );
}, 240_000);

afterAll(async () => {
  fileEnded.abort();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

afterEach(async () => {
  await host?.close();
  host = undefined;
});

function installed(server: ServerInfo): Installed {
  const found = installs.get(server.name);
  if (found === undefined) throw new Error(`${server.name} was not installed`);
  return found;
}

describe.each(SERVERS.map((server) => [server.name, server] as const))('%s, packed and installed with npm', (_, server) => {
  it('packs only the bundle, the README, the licence and package.json, and passes publint', async () => {
    const { packed } = installed(server);
    const chunks = packed.files.filter((file) => file.startsWith('dist/chunks/'));
    expect(chunks.length).toBeGreaterThan(0);
    expect(packed.files).toEqual(['LICENSE', 'README.md', 'dist/bin.js', ...chunks, 'package.json'].sort());

    const { messages, pkg } = await publint({ pack: { tarball: await arrayBufferOf(packed.tarball) }, strict: true });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([]);
  });

  it('declares exact npm dependencies and installs no workspace package but itself', async () => {
    const { dir } = installed(server);
    const manifest = JSON.parse(
      await readFile(path.join(dir, 'node_modules', ...server.packageName.split('/'), 'package.json'), 'utf8'),
    ) as {
      dependencies: Record<string, string>;
      mcpName: string;
    };
    expect(manifest.mcpName).toBe(server.mcpName);
    expect(Object.keys(manifest.dependencies).sort()).toEqual(Object.keys(server.dependencies).sort());
    for (const version of Object.values(manifest.dependencies)) expect(version).toMatch(/^\d+\.\d+\.\d+$/);

    const names = (await packageDirs(path.join(dir, 'node_modules'))).map((found) =>
      path.relative(path.join(dir, 'node_modules'), found),
    );
    expect(names.filter((name) => name.startsWith('@mcp-sampling/'))).toEqual([server.packageName]);
    expect(names).toEqual(expect.arrayContaining(Object.keys(server.dependencies)));
  });

  it('runs --help from the installed bin, directly and through the link npm made', async () => {
    const { bin, dir } = installed(server);
    const viaNode = execFileSync(process.execPath, [bin, '--help'], { encoding: 'utf8', timeout: HANG_LIMIT_MS });
    expect(viaNode.startsWith(`${server.binName} ${server.version}\n`)).toBe(true);
    expect(viaNode).toContain('ANTHROPIC_API_KEY');
    const viaLink = execFileSync(path.join(dir, 'node_modules', '.bin', server.binName), ['--version'], {
      encoding: 'utf8',
      timeout: HANG_LIMIT_MS,
    });
    expect(viaLink.trim()).toBe(server.version);
  });

  it.each(ERAS)('answers its tool over stdio through a sampling host, %s', async (era) => {
    host = await connectStdio(
      { command: process.execPath, args: [installed(server).bin], env: blankServerEnvironment() },
      { era, script: reply.offline() },
    );
    await expectAnsweredByHost(host, server, era);
  });

  it('answers a host that cannot sample, without a key', async () => {
    host = await connectStdio(
      { command: process.execPath, args: [installed(server).bin], env: blankServerEnvironment() },
      { era: '2025', sampling: false },
    );
    await expectAnsweredWithoutModel(host, server);
  });
});

describe('the provider fallback from an npm install', () => {
  it('loads its chunk and the AI SDK from the installed dependencies and answers through the provider', async () => {
    const server = SERVERS.find((candidate) => candidate.name === 'summarise') as ServerInfo;
    const { bin } = installed(server);
    const chunks = await readdir(path.join(path.dirname(bin), 'chunks'));
    expect(chunks.length).toBeGreaterThan(0);

    const provider = await fakeCompatibleProvider(PROVIDER_SUMMARY);
    try {
      host = await connectStdio(
        { command: process.execPath, args: [bin], env: blankServerEnvironment(provider.env) },
        { era: '2025', sampling: false },
      );
      await expectSummarisedByProvider(host, provider);
    } finally {
      await provider.close();
    }
  });
});
