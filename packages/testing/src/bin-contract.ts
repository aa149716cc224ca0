/**
 * What every server bin promises on its command line, as a vitest suite a server registers with
 * one call: `--help` on stdout, `--version`, usage errors on stderr with exit code 2 (unknown flags,
 * a fallback policy or provider configured wrong), and a node shebang. On stdio: a line over the
 * size limit, an id no JSON number can carry, or a 2025-era request before `initialize` each get
 * a JSON-RPC error and one stderr line, and the server goes on answering. Plus the helpers a
 * server's stdio tests share: spawning the built bin, and checking that stdout carried only JSON-RPC.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { connectStdio, type Era, type MockHostOptions, type StdioMockHost } from './mock-host.js';
import { MODERN_ENVELOPE, RawStdioPeer } from './raw-stdio-peer.js';
import { ERAS } from './results.js';
import { expectRefused, expectStrictTool } from './tool-assertions.js';

export { MODERN_ENVELOPE, RawStdioPeer, type WireMessage } from './raw-stdio-peer.js';

/** The bin under test. */
export interface BinUnderTest {
  /** Command name, e.g. `mcp-server-route`. */
  name: string;
  /** Absolute path of the built entry (`dist/bin.js`). */
  path: string;
  /** The package version `--version` must print. */
  version: string;
  /** The longest stdio line the bin accepts, in bytes (the kit's `MAX_STDIO_LINE_BYTES`). */
  maxLineBytes: number;
}

/** Run the bin with `args` (and extra environment), collecting exit code and output. */
function runBin(bin: BinUnderTest, args: string[], env: Record<string, string> = {}) {
  return spawnSync(process.execPath, [bin.path, ...args], { encoding: 'utf8', env: { ...process.env, ...env } });
}

/** Registers the command-line contract tests for `bin`. */
export function describeBinContract(bin: BinUnderTest): void {
  describe(`${bin.name} command line`, () => {
    it('prints help on stdout, with the fallback options', () => {
      const out = execFileSync(process.execPath, [bin.path, '--help'], { encoding: 'utf8' });
      expect(out.startsWith(`${bin.name} ${bin.version}\n`)).toBe(true);
      for (const mention of ['MCP_SAMPLING_TIMEOUT_MS', '--fallback ACTIONS', 'ANTHROPIC_API_KEY'])
        expect(out).toContain(mention);
    });

    it('prints its version', () => {
      expect(execFileSync(process.execPath, [bin.path, '--version'], { encoding: 'utf8' }).trim()).toBe(bin.version);
    });

    it('rejects an unknown flag on stderr with exit code 2', () => {
      const run = runBin(bin, ['--bogus']);
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toMatch(/Unknown option '--bogus'.*\n.*--help/);
    });

    it('refuses to start with a fallback policy written wrong, naming the variable', () => {
      const run = runBin(bin, ['--fallback', 'provider,magic']);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/MCP_SAMPLING_FALLBACK: unknown action 'magic'/);
      const fromEnv = runBin(bin, [], { MCP_SAMPLING_FALLBACK_DECLINED: 'error,provider' });
      expect(fromEnv.status).toBe(2);
      expect(fromEnv.stderr).toMatch(/MCP_SAMPLING_FALLBACK_DECLINED: 'error' ends the list/);
    });

    it('refuses to start with a state lifetime or time limit written wrong', () => {
      const ttl = runBin(bin, [], { MCP_SAMPLING_STATE_TTL_SECONDS: 'soon' });
      expect(ttl.status).toBe(2);
      expect(ttl.stderr).toMatch(/MCP_SAMPLING_STATE_TTL_SECONDS must be a positive number \(got soon\)/);
      const timeout = runBin(bin, [], { MCP_SAMPLING_TIMEOUT_MS: '-5' });
      expect(timeout.status).toBe(2);
      expect(timeout.stderr).toMatch(/MCP_SAMPLING_TIMEOUT_MS must be a positive number/);
    });

    it.each([
      ['MCP_SAMPLING_PROVIDER_CONCURRENCY', 'lots'],
      ['MCP_SAMPLING_PROVIDER_CONCURRENCY', '0'],
      ['MCP_SAMPLING_PROVIDER_CONCURRENCY', '-1'],
      ['MCP_SAMPLING_PROVIDER_CONCURRENCY', '2.5'],
      ['MCP_SAMPLING_PROVIDER_TIMEOUT_MS', 'soon'],
    ])('refuses to start with %s=%s, naming the variable, even with no provider configured', (variable, value) => {
      const run = runBin(bin, [], { [variable]: value });
      expect(run.status).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toContain(`${variable} must be a positive whole number (got ${value})`);
    });

    it('documents in --help every variable it reads', () => {
      const out = execFileSync(process.execPath, [bin.path, '--help'], { encoding: 'utf8' });
      for (const variable of [
        'MCP_SAMPLING_MODEL_FAST',
        'MCP_SAMPLING_MODEL_BALANCED',
        'MCP_SAMPLING_MODEL_SMART',
        'MCP_SAMPLING_PROVIDER_TIMEOUT_MS',
        'MCP_SAMPLING_PROVIDER_CONCURRENCY',
      ])
        expect(out).toContain(variable);
    });

    it('refuses to start with a provider configured wrong, without echoing secrets', () => {
      const run = runBin(bin, ['--provider', 'skynet'], { OPENAI_API_KEY: 'sk-test-never-printed-0123456789' });
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(/MCP_SAMPLING_PROVIDER/);
      expect(run.stderr).not.toContain('sk-test-never-printed-0123456789');
      expect(run.stderr.split('\n').some((line) => /^\s+at /.test(line))).toBe(false);
    });

    it('is executable with a node shebang', () => {
      expect(readFileSync(bin.path, 'utf8').startsWith('#!/usr/bin/env node\n')).toBe(true);
    });
  });
  describeStdioInputChecks(bin);
}

/** Ids no JSON-RPC peer can echo exactly: past 2^53, fractional, overflowing to Infinity, fraction lost in parsing. */
const UNREPRESENTABLE_IDS = ['9007199254740993', '1.5', '1e400', '1.0000000000000001'];

/** The raw-line checks of the stdio transport. Generous timeouts: only a hang should fail them. */
function describeStdioInputChecks(bin: BinUnderTest): void {
  describe(`${bin.name} stdio input checks`, { timeout: 180_000 }, () => {
    const peers: RawStdioPeer[] = [];
    const start = async () => {
      const peer = await RawStdioPeer.start(bin.path);
      peers.push(peer);
      return peer;
    };
    afterEach(async () => {
      await Promise.all(peers.splice(0).map((peer) => peer.close()));
    });

    it('answers a line over the size limit with an error naming the limit, then goes on answering', async () => {
      const peer = await start();
      await peer.initialize();
      const stderrBefore = peer.stderrLines.length;
      // The SDK client puts the id last; the server recovers it from the end of the line.
      const padding = 'x'.repeat(bin.maxLineBytes);
      await peer.send(`{"jsonrpc":"2.0","method":"tools/list","params":{"_pad":"${padding}"},"id":"huge"}`);
      const refused = await peer.response('huge');
      expect(refused.error).toMatchObject({ code: -32600 });
      expect((refused.error as { message: string }).message).toContain(`${bin.maxLineBytes} bytes`);
      expect(peer.stderrLines.length - stderrBefore).toBe(1);

      await peer.send({ jsonrpc: '2.0', id: 'after', method: 'tools/list' });
      const listed = await peer.response('after');
      expect((listed.result as { tools: unknown[] }).tools.length).toBeGreaterThan(0);
      expect(peer.strayLines).toEqual([]);
      expect(peer.exitCode).toBeUndefined();
    });

    it('accepts a line of exactly the size limit', async () => {
      const peer = await start();
      await peer.initialize();
      const frame = '{"jsonrpc":"2.0","id":"edge","method":"tools/list","params":{"_pad":""}}';
      const line = frame.replace('"_pad":""', `"_pad":"${'y'.repeat(bin.maxLineBytes - frame.length)}"`);
      expect(Buffer.byteLength(line)).toBe(bin.maxLineBytes);
      await peer.send(line);
      expect((await peer.response('edge')).result).toBeDefined();
    });

    it.each(UNREPRESENTABLE_IDS)('answers id %s with -32600 and a null id, and one stderr line', async (rawId) => {
      const peer = await start();
      await peer.initialize();
      const stderrBefore = peer.stderrLines.length;
      await peer.send(`{"jsonrpc":"2.0","id":${rawId},"method":"tools/list"}`);
      const refused = await peer.response(null);
      expect(refused.error).toMatchObject({ code: -32600 });
      expect((refused.error as { message: string }).message).toContain(rawId);
      await peer.send({ jsonrpc: '2.0', id: 7, method: 'tools/list' });
      expect((await peer.response(7)).result).toBeDefined();
      expect(peer.stderrLines.length - stderrBefore).toBe(1);
      expect(peer.stderrLines.at(-1)).toContain(rawId);
    });

    it('refuses a 2025-era tools/call before initialize, then serves the handshake and the call', async () => {
      const peer = await start();
      await peer.send({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'anything', arguments: {} } });
      const refused = await peer.response(1);
      expect(refused.error).toMatchObject({ code: -32000 });
      expect((refused.error as { message: string }).message).toMatch(/initialize/);
      await peer.send({ jsonrpc: '2.0', id: 2, method: 'ping' });
      expect((await peer.response(2)).result).toEqual({});

      const initialized = await peer.initialize(3);
      expect(initialized.result).toMatchObject({ protocolVersion: expect.any(String) });
      await peer.send({ jsonrpc: '2.0', id: 4, method: 'tools/list' });
      const tools = (await peer.response(4)).result as { tools: Array<{ name: string }> };
      await peer.send({ jsonrpc: '2.0', id: 5, method: 'tools/call', params: { name: tools.tools[0]?.name, arguments: {} } });
      const called = await peer.response(5);
      // Empty arguments fail the tool's input schema: an answer, as a tool result.
      expect(called.result).toMatchObject({ isError: true });
    });

    it('serves a 2026-07-28 request without any handshake', async () => {
      const peer = await start();
      await peer.send({ jsonrpc: '2.0', id: 1, method: 'tools/list', params: { _meta: MODERN_ENVELOPE } });
      const listed = await peer.response(1);
      expect((listed.result as { tools: unknown[] }).tools.length).toBeGreaterThan(0);
    });
  });
}

/**
 * For a server's `test/bin.test.ts`: `describeBinContract` for the package's built bin (its
 * package.json's first `bin`, e.g. `dist/bin.js`), its name and version read from that package.json.
 */
export function describeBuiltBinContract(testFileUrl: string, limits: { maxLineBytes: number }): void {
  const { name, path, version } = packageBinOf(testFileUrl);
  describeBinContract({ name, path, version, maxLineBytes: limits.maxLineBytes });
}

/** The first bin (name and absolute path) and the version in the package.json next to a test file's `test/` folder. */
function packageBinOf(testFileUrl: string): { name: string; path: string; version: string } {
  const manifest = JSON.parse(readFileSync(new URL('../package.json', testFileUrl), 'utf8')) as {
    version: string;
    bin: Record<string, string>;
  };
  const [name = '', relative = 'dist/bin.js'] = Object.entries(manifest.bin)[0] ?? [];
  return { name, path: fileURLToPath(new URL(`../${relative}`, testFileUrl)), version: manifest.version };
}

/**
 * Asserts, on a bin spawned with `useBuiltBin`, that it lists only `tool`, negotiated `era`, and
 * wrote only JSON-RPC on stdout (its start-up line, naming `bin`, on stderr).
 */
export async function expectServedOverStdio(host: StdioMockHost, { era, tool, bin }: { era: Era; tool: string; bin: string }) {
  const { tools } = await host.client.listTools();
  expect(tools.map((listed) => listed.name)).toEqual([tool]);
  expect(host.client.getProtocolEra()).toBe(era === '2025' ? 'legacy' : 'modern');
  expectOnlyJsonRpcOnStdout(host, bin);
}

/**
 * For a server's `test/stdio.test.ts`: registers, in both eras, the test that the package's built
 * bin refuses an unknown argument and a zero-width `textField` before any sample
 * (`expectRefusedBeforeSampling`), its name read from the package's package.json.
 */
export function describeStdioRefusals(testFileUrl: string, call: Omit<RefusalCase, 'bin'>): void {
  const connectBin = useBuiltBin(testFileUrl);
  const bin = packageBinOf(testFileUrl).name;
  describe.each(ERAS)('the built bin over stdio, %s', (era) => {
    it('refuses an unknown argument and zero-width text before any sample', async () => {
      await expectRefusedBeforeSampling(await connectBin({ era }), { bin, ...call });
    });
  });
}

/** What `expectRefusedBeforeSampling` calls the tool with. */
export interface RefusalCase {
  /** The bin's name, which its start-up line on stderr carries. */
  bin: string;
  tool: string;
  /** Valid arguments: the test adds an unknown one, then blanks `textField`. */
  args: Record<string, unknown>;
  /** The argument that must not be blank, e.g. `text`. */
  textField: string;
}

/**
 * Asserts, on a bin spawned with `useBuiltBin`, that it lists only `tool`, whose input schema lets no
 * unknown field through, that an unknown argument and a `textField` of zero-width characters are each refused
 * with a message naming them, before any sample, and that stdout carried only JSON-RPC.
 */
export async function expectRefusedBeforeSampling(host: StdioMockHost, { bin, tool, args, textField }: RefusalCase) {
  await expectStrictTool(host, tool);
  await expectRefused(host, tool, { ...args, bogus: 1 }, `Unknown argument 'bogus' for ${tool}. Accepted arguments:`);
  await expectRefused(host, tool, { ...args, [textField]: '\u200B\u200C\uFEFF' }, `${textField}: ${textField} is blank`);
  expectOnlyJsonRpcOnStdout(host, bin);
}

/** Asserts a spawned server spoke only JSON-RPC on stdout and logged its start on stderr. */
export function expectOnlyJsonRpcOnStdout(host: StdioMockHost, binName: string): void {
  expect(host.transport.stdoutLines.length).toBeGreaterThan(2);
  expect(host.transport.strayStdoutLines).toEqual([]);
  expect(host.transport.stderr).toContain(binName);
}

/**
 * For a test file in a server's `test/`: a function that spawns the package's built bin (its
 * package.json's first `bin`, e.g. `dist/bin.js`) and connects a mock host to it; every host it
 * opens is closed after each test.
 */
export function useBuiltBin(testFileUrl: string): (options: MockHostOptions) => Promise<StdioMockHost> {
  const bin = packageBinOf(testFileUrl).path;
  const open: StdioMockHost[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((host) => host.close()));
  });
  return async (options) => {
    const host = await connectStdio({ command: process.execPath, args: [bin] }, options);
    open.push(host);
    return host;
  };
}
