/**
 * Each server as a user gets it from npm: `pnpm pack` (as `pnpm publish` would), `npm install
 * <tarball>` into an empty directory from the public registry, then the installed bin: `--help`,
 * its tool over stdio through a sampling host in both eras, a host that cannot sample, and the
 * lazily loaded provider path. The package is self-contained, so the install holds exactly one
 * package; the bin runs under a preload that records every module it loads, to show that the
 * lazily loaded chunks (the provider code, the AI SDK) load only when a call falls back to a
 * provider, and the OpenTelemetry SDK only when the `OTEL_*` variables ask for export. The four
 * installs run in parallel with one npm cache.
 */
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectStdio, reply, type StdioMockHost } from '@mcp-sampling/testing';
import { startOtlpReceiver } from '@mcp-sampling/testing/otlp-receiver';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { builtBin } from '../src/list-tools.js';
import { arrayBufferOf, npmInstall, type Packed, packageDirs, pnpmPack } from '../src/pack.js';
import { blankServerEnvironment } from '../src/server-env.js';
import { allServers, INLINED_NPM_PACKAGES, REPO_ROOT, type ServerInfo } from '../src/servers.js';
import { NOTICES_FILE } from '../src/third-party-notices.mjs';
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

/** The preload that logs every module a bin loads (see module-log.mjs). */
const MODULE_LOG_PRELOAD = path.join(import.meta.dirname, 'module-log.mjs');

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

let logs = 0;

/**
 * How to start the installed `bin` with every module it loads logged, and the chunks it loaded so
 * far (file names under `dist/chunks/`), read when asked.
 */
async function loggedCommand(bin: string, env: Record<string, string> = {}) {
  logs += 1;
  const log = path.join(work, `modules-${logs}.log`);
  await writeFile(log, '');
  return {
    command: {
      command: process.execPath,
      args: ['--import', MODULE_LOG_PRELOAD, bin],
      env: blankServerEnvironment({ ...env, MODULE_LOG: log }),
    },
    loadedChunks: async (): Promise<string[]> => {
      const urls = (await readFile(log, 'utf8')).split('\n').filter((line) => line !== '');
      expect(urls, 'the preload logged the bin itself').toContain(pathToFileURL(bin).href);
      const chunks = pathToFileURL(path.join(path.dirname(bin), 'chunks')).href;
      return urls.filter((url) => url.startsWith(`${chunks}/`)).map((url) => url.slice(chunks.length + 1));
    },
  };
}

/** The chunks the installed entry loads only through `import()` (the provider code, the HTTP server). */
async function lazyChunksOf(bin: string): Promise<string[]> {
  const entry = await readFile(bin, 'utf8');
  return [...new Set([...entry.matchAll(/\bimport\("\.\/chunks\/([^"]+)"\)/g)].map((match) => match[1] ?? ''))];
}

describe.each(SERVERS.map((server) => [server.name, server] as const))('%s, packed and installed with npm', (_, server) => {
  it('packs only the bundle, its notices, the README, the licence and package.json, and passes publint', async () => {
    const { packed } = installed(server);
    const chunks = packed.files.filter((file) => file.startsWith('dist/chunks/'));
    expect(chunks.length).toBeGreaterThan(0);
    expect(packed.files).toEqual(
      ['LICENSE', 'README.md', 'dist/bin.js', `dist/${NOTICES_FILE}`, ...chunks, 'package.json'].sort(),
    );

    const { messages, pkg } = await publint({ pack: { tarball: await arrayBufferOf(packed.tarball) }, strict: true });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([]);
  });

  it('declares no dependencies, so the install holds exactly one package: the server', async () => {
    const { dir } = installed(server);
    const packageDir = path.join(dir, 'node_modules', ...server.packageName.split('/'));
    const manifest = JSON.parse(await readFile(path.join(packageDir, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(manifest.mcpName).toBe(server.mcpName);
    for (const field of ['dependencies', 'optionalDependencies', 'peerDependencies', 'bundleDependencies']) {
      expect(manifest[field], field).toBeUndefined();
    }
    expect(await packageDirs(path.join(dir, 'node_modules'))).toEqual([packageDir]);
  });

  it('carries the project licence and the licence of every npm package it inlines', async () => {
    const { dir } = installed(server);
    const packageDir = path.join(dir, 'node_modules', ...server.packageName.split('/'));
    expect(await readFile(path.join(packageDir, 'LICENSE'), 'utf8')).toBe(
      await readFile(path.join(REPO_ROOT, 'LICENSE'), 'utf8'),
    );
    const notices = await readFile(path.join(packageDir, 'dist', NOTICES_FILE), 'utf8');
    expect(notices.startsWith(`Third-party software in ${server.packageName} ${server.version}\n`)).toBe(true);
    for (const dependency of INLINED_NPM_PACKAGES) {
      expect(notices).toMatch(new RegExp(`^${dependency.replace(/[/.]/g, '\\$&')} \\S+ \\((MIT|Apache-2\\.0)\\)$`, 'm'));
    }
    expect(notices).toContain('Apache License');
    expect(notices).toContain('Permission is hereby granted, free of charge');
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

  it.each(ERAS)('answers its tool over stdio through a sampling host, %s, loading no lazily loaded chunk', async (era) => {
    const { bin } = installed(server);
    const { command, loadedChunks } = await loggedCommand(bin);
    host = await connectStdio(command, { era, script: reply.offline() });
    await expectAnsweredByHost(host, server, era);
    const lazy = await lazyChunksOf(bin);
    expect(lazy.length).toBeGreaterThan(0);
    const loaded = await loadedChunks();
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded.filter((chunk) => lazy.includes(chunk))).toEqual([]);
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
  it('loads the inlined AI SDK only when a call falls back, and answers through the provider', async () => {
    const server = SERVERS.find((candidate) => candidate.name === 'summarise') as ServerInfo;
    const { bin } = installed(server);
    const lazy = await lazyChunksOf(bin);
    const provider = await fakeCompatibleProvider(PROVIDER_SUMMARY);
    try {
      const { command, loadedChunks } = await loggedCommand(bin, provider.env);
      host = await connectStdio(command, { era: '2025', sampling: false });
      const { tools } = await host.client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual([server.name]);
      // With a provider configured, the providers chunk may load at start (the kit checks the
      // settings); the AI SDK, in chunks that chunk imports in turn, waits for the first fallback.
      const atStart = await loadedChunks();

      await expectSummarisedByProvider(host, provider);
      const afterCall = await loadedChunks();
      expect(afterCall.filter((chunk) => lazy.includes(chunk)).length).toBeGreaterThan(0);
      expect(afterCall.filter((chunk) => !atStart.includes(chunk) && !lazy.includes(chunk)).length).toBeGreaterThan(0);
    } finally {
      await provider.close();
    }
  });
});

describe('OpenTelemetry from an npm install', () => {
  it('loads the inlined OpenTelemetry SDK at start only when the OTEL_* variables ask for export', async () => {
    const server = SERVERS.find((candidate) => candidate.name === 'summarise') as ServerInfo;
    const { bin } = installed(server);
    const lazy = await lazyChunksOf(bin);
    const chunkDir = path.join(path.dirname(bin), 'chunks');
    const telemetry: string[] = [];
    for (const chunk of lazy)
      if ((await readFile(path.join(chunkDir, chunk), 'utf8')).includes('OTLPTraceExporter')) telemetry.push(chunk);
    expect(telemetry).toHaveLength(1);
    const receiver = await startOtlpReceiver();
    try {
      const cases: Array<[Record<string, string>, boolean]> = [
        [{}, false],
        [{ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url, OTEL_SDK_DISABLED: 'true' }, false],
        [{ OTEL_TRACES_EXPORTER: 'none', OTEL_METRICS_EXPORTER: 'none' }, false],
        [{ OTEL_EXPORTER_OTLP_ENDPOINT: receiver.url }, true],
      ];
      for (const [env, loads] of cases) {
        const { command, loadedChunks } = await loggedCommand(bin, env);
        host = await connectStdio(command, { era: '2025', script: reply.offline() });
        await host.client.listTools();
        expect((await loadedChunks()).includes(telemetry[0] ?? ''), JSON.stringify(env)).toBe(loads);
        await expectAnsweredByHost(host, server, '2025');
        await host.close();
        host = undefined;
      }
    } finally {
      await receiver.close();
    }
  });
});
