/**
 * The MCP Bundles, as `pnpm bundle` writes them to `<repo>/.mcpb/`: each checked-in manifest
 * validates with the `mcpb` tool, each `.mcpb` packs, unpacks and validates again, and the unpacked
 * bundle runs with no node_modules anywhere above it, started exactly as the bundle's manifest
 * tells a host to start it.
 */
import { mkdir, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { getMcpConfigForManifest, type McpbManifestAny } from '@anthropic-ai/mcpb';
import { connectStdio, reply, type StdioMockHost } from '@mcp-sampling/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { BUNDLE_VARIABLES, SERVER_VARIABLES } from '../src/environment.js';
import { builtBin } from '../src/list-tools.js';
import { BUNDLE_ENTRY, PROVIDER_PRIVACY_POLICIES } from '../src/manifest.js';
import { type BuiltBundle, buildBundle, mcpb, NOTICES_FILE } from '../src/mcpb.js';
import { blankServerEnvironment } from '../src/server-env.js';
import { allServers, INLINED_NPM_PACKAGES, REPO_ROOT, type ServerInfo } from '../src/servers.js';
import {
  ERAS,
  expectAnsweredByHost,
  expectAnsweredWithoutModel,
  expectSummarisedByProvider,
  fakeCompatibleProvider,
  PROVIDER_SUMMARY,
} from './calls.js';

const SERVERS = allServers();

interface Unpacked {
  bundle: BuiltBundle;
  /** Where the .mcpb was unpacked, outside the repository. */
  dir: string;
  manifest: McpbManifestAny;
}

let work: string;
const unpacked = new Map<string, Unpacked>();
let host: StdioMockHost | undefined;

beforeAll(async () => {
  for (const server of SERVERS) builtBin(server);
  work = await mkdtemp(path.join(tmpdir(), 'mcp-sampling-mcpb-'));
  await Promise.all(
    SERVERS.map(async (server) => {
      const bundle = await buildBundle(server);
      const dir = path.join(work, server.name);
      await mcpb('unpack', bundle.file, dir);
      const manifest = JSON.parse(await readFile(path.join(dir, 'manifest.json'), 'utf8')) as McpbManifestAny;
      unpacked.set(server.name, { bundle, dir, manifest });
    }),
  );
}, 240_000);

afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

afterEach(async () => {
  await host?.close();
  host = undefined;
});

function bundleOf(server: ServerInfo): Unpacked {
  const found = unpacked.get(server.name);
  if (found === undefined) throw new Error(`${server.name} was not bundled`);
  return found;
}

/** The command a host derives from the manifest, with Node standing in for the host's built-in one. */
async function hostCommand({ manifest, dir }: Unpacked, userConfig: Record<string, string> = {}) {
  const config = await getMcpConfigForManifest({
    manifest,
    extensionPath: dir,
    systemDirs: {},
    userConfig,
    pathSeparator: path.sep,
  });
  if (config === undefined) throw new Error('the manifest gave no server configuration');
  return { ...config, command: config.command === 'node' ? process.execPath : config.command, env: config.env ?? {} };
}

describe.each(SERVERS.map((server) => [server.name, server] as const))('the %s bundle', (_, server) => {
  it('validates its manifest with mcpb, packs, and validates again once unpacked', async () => {
    const { bundle, dir, manifest } = bundleOf(server);
    expect(bundle.log).toContain('Manifest schema validation passes!');
    expect(await mcpb('validate', path.join(dir, 'manifest.json'))).toContain('Manifest schema validation passes!');
    expect(path.basename(bundle.file)).toBe(`${server.binName}-${server.version}.mcpb`);
    expect(manifest).toMatchObject({
      name: server.binName,
      version: server.version,
      server: { type: 'node', entry_point: BUNDLE_ENTRY },
    });
  });

  it('carries the server and every dependency inside, with no node_modules', async () => {
    const { dir } = bundleOf(server);
    const files = (await readdir(dir, { recursive: true })).map(String);
    expect(files.some((file) => file.split(path.sep).includes('node_modules'))).toBe(false);
    expect(files).toEqual(expect.arrayContaining(['manifest.json', 'package.json', 'README.md', path.join('server', 'bin.js')]));
    expect(files.filter((file) => file.startsWith(path.join('server', 'chunks'))).length).toBeGreaterThan(1);
  });

  it('carries the project licence and the licence of every npm package it inlines', async () => {
    const { dir } = bundleOf(server);
    expect(await readFile(path.join(dir, 'LICENSE'), 'utf8')).toBe(await readFile(path.join(REPO_ROOT, 'LICENSE'), 'utf8'));
    const notices = await readFile(path.join(dir, NOTICES_FILE), 'utf8');
    for (const dependency of INLINED_NPM_PACKAGES) {
      expect(notices).toMatch(new RegExp(`^${dependency.replace(/[/.]/g, '\\$&')} \\S+ \\((MIT|Apache-2\\.0)\\)$`, 'm'));
    }
    expect(notices).toContain('Apache License');
    expect(notices).toContain('Permission is hereby granted, free of charge');
  });

  it('maps the optional settings into the environment, empty when the user set none', async () => {
    const { manifest } = bundleOf(server);
    const withNone = await hostCommand(bundleOf(server));
    expect(withNone.args).toEqual([path.join(bundleOf(server).dir, BUNDLE_ENTRY)]);
    const bundleNames = BUNDLE_VARIABLES.map((variable) => variable.name);
    expect(withNone.env).toEqual(
      Object.fromEntries(Object.entries(blankServerEnvironment()).filter(([name]) => bundleNames.includes(name))),
    );
    expect(Object.keys(withNone.env).sort()).toEqual([...bundleNames].sort());
    expect(
      SERVER_VARIABLES.filter((variable) => !bundleNames.includes(variable.name)).every((variable) => variable.httpOnly),
    ).toBe(true);
    const withKey = await hostCommand(bundleOf(server), { anthropic_api_key: 'sk-ant-test', fallback: 'delegate' });
    expect(withKey.env).toMatchObject({ ANTHROPIC_API_KEY: 'sk-ant-test', MCP_SAMPLING_FALLBACK: 'delegate' });
    expect(manifest.user_config?.anthropic_api_key).toMatchObject({ sensitive: true, required: false });
    expect(manifest.user_config?.openai_api_key).toMatchObject({ sensitive: true, required: false });
    expect((manifest as { privacy_policies?: unknown }).privacy_policies).toEqual(PROVIDER_PRIVACY_POLICIES);
  });

  it.each(ERAS)('runs unpacked, as its manifest starts it, through a sampling host, %s', async (era) => {
    const { command, args, env } = await hostCommand(bundleOf(server));
    host = await connectStdio({ command, args, env, cwd: bundleOf(server).dir }, { era, script: reply.offline() });
    await expectAnsweredByHost(host, server, era);
  });

  it('runs unpacked for a host that cannot sample, without a key', async () => {
    const { command, args, env } = await hostCommand(bundleOf(server));
    host = await connectStdio({ command, args, env }, { era: '2025', sampling: false });
    await expectAnsweredWithoutModel(host, server);
  });
});

describe('the provider fallback from a bundle', () => {
  it('loads the inlined AI SDK chunks with no node_modules and answers through the provider', async () => {
    const server = SERVERS.find((candidate) => candidate.name === 'summarise') as ServerInfo;
    const { command, args, env } = await hostCommand(bundleOf(server));
    const provider = await fakeCompatibleProvider(PROVIDER_SUMMARY);
    try {
      host = await connectStdio({ command, args, env: { ...env, ...provider.env } }, { era: '2025', sampling: false });
      await expectSummarisedByProvider(host, provider);
    } finally {
      await provider.close();
    }
  });
});

describe('mcpb validate', () => {
  it('rejects a manifest whose privacy_policies is prose rather than URLs, so the policies must be links', async () => {
    const server = SERVERS[0] as ServerInfo;
    const manifest = JSON.parse(await readFile(path.join(server.dir, 'manifest.json'), 'utf8')) as Record<string, unknown>;
    const dir = path.join(work, 'prose-privacy');
    await mkdir(dir, { recursive: true });
    await writeFile(
      path.join(dir, 'manifest.json'),
      JSON.stringify({ ...manifest, privacy_policies: ['Calls a provider when a key is set.'] }),
    );
    await expect(mcpb('validate', path.join(dir, 'manifest.json'))).rejects.toThrow(/privacy_policies/);
  });
});
