/**
 * The call log from a bundled bin (a server's `dist/bin.js`, the code npm users run): pino, a
 * CommonJS package inlined by esbuild into a chunk of its own, runs there, and that chunk loads
 * only when a line is due. With `MCP_SAMPLING_LOG=info` each call is one JSON line on stderr and
 * stdout stays JSON-RPC; at the stdio default (`error`) a healthy call loads neither pino nor
 * pino-pretty; when stderr is a terminal (util-linux `script` gives it one), the lines go through
 * pino-pretty. Every module the bin loads is recorded by a preload (module-log.mjs).
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { connectStdio, type Era, PATIENT_WAIT, reply, type StdioMockHost } from '@mcp-sampling/testing';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { builtBin } from '../src/list-tools.js';
import { blankServerEnvironment } from '../src/server-env.js';
import { serverInfo } from '../src/servers.js';
import { CALLS, ERAS, expectAnsweredByHost } from './calls.js';

const SERVER = serverInfo('summarise');
const MODULE_LOG_PRELOAD = path.join(import.meta.dirname, 'module-log.mjs');

let work: string;
let hosts: StdioMockHost[] = [];
const children: ChildProcess[] = [];
beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mcp-sampling-bundle-logs-'));
});
afterAll(async () => {
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});
afterEach(async () => {
  await Promise.all(hosts.map((host) => host.close()));
  hosts = [];
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

let runs = 0;

/** A fresh module log, and the chunks (file names under the bin's `chunks/`) it records, read when asked. */
async function moduleLog(bin: string) {
  runs += 1;
  const log = path.join(work, `modules-${runs}.log`);
  await writeFile(log, '');
  const chunks = pathToFileURL(path.join(path.dirname(bin), 'chunks')).href;
  const loadedChunks = async () =>
    (await readFile(log, 'utf8'))
      .split('\n')
      .filter((url) => url.startsWith(`${chunks}/`))
      .map((url) => url.slice(chunks.length + 1));
  return { log, loadedChunks };
}

/** The bundled bin over stdio with `env`, and the chunks it loaded so far. */
async function start(era: Era, env: Record<string, string>) {
  const bin = builtBin(SERVER);
  const { log, loadedChunks } = await moduleLog(bin);
  const host = await connectStdio(
    {
      command: process.execPath,
      args: ['--import', MODULE_LOG_PRELOAD, bin],
      env: blankServerEnvironment({ ...env, MODULE_LOG: log }),
    },
    { era, script: reply.offline() },
  );
  hosts.push(host);
  return { host, bin, loadedChunks };
}

/** util-linux `script`, which runs a command on a pseudo-terminal (other systems' `script` takes other flags). */
const HAS_SCRIPT =
  process.platform === 'linux' && (spawnSync('script', ['--version'], { encoding: 'utf8' }).stdout ?? '').includes('util-linux');

/** A word quoted for the shell. */
const shellWord = (word: string) => `'${word.replaceAll("'", "'\\''")}'`;

/** The chunks holding pino and pino-pretty: loaded by the entry only through `import()`. */
async function loggerChunks(bin: string): Promise<{ pino: string; pretty: string }> {
  const entry = await readFile(bin, 'utf8');
  const lazy = [...entry.matchAll(/\bimport\("\.\/chunks\/([^"]+)"\)/g)].map((match) => match[1] ?? '');
  const pino = lazy.find((chunk) => /^pino-[A-Z0-9]+\.js$/.test(chunk));
  const pretty = lazy.find((chunk) => /^pino-pretty-[A-Z0-9]+\.js$/.test(chunk));
  if (pino === undefined || pretty === undefined) throw new Error(`no lazily loaded pino chunks among ${lazy.join(', ')}`);
  return { pino, pretty };
}

const jsonLines = (stderr: string) =>
  stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);

describe(`the bundled ${SERVER.binName}`, () => {
  it.each(ERAS)('with MCP_SAMPLING_LOG=info writes one JSON line per call, loading pino for it (%s)', async (era) => {
    const { host, bin, loadedChunks } = await start(era, { MCP_SAMPLING_LOG: 'info' });
    await expectAnsweredByHost(host, SERVER, era);
    await vi.waitFor(() => expect(jsonLines(host.transport.stderr)).toHaveLength(1), PATIENT_WAIT);
    expect(jsonLines(host.transport.stderr)[0]).toMatchObject({
      level: 30,
      msg: `tools/call ${SERVER.name}`,
      era,
      transport: 'stdio',
      path: 'host',
      outcome: 'ok',
    });
    expect(host.transport.strayStdoutLines).toEqual([]);
    const { pino, pretty } = await loggerChunks(bin);
    const loaded = await loadedChunks();
    expect(loaded).toContain(pino);
    // stderr is a pipe here, not a terminal: no pretty-printing.
    expect(loaded).not.toContain(pretty);
  });

  it('at the stdio default writes no line for a healthy call and never loads pino', async () => {
    const { host, bin, loadedChunks } = await start('2025', {});
    await expectAnsweredByHost(host, SERVER, '2025');
    await host.close();
    expect(host.transport.stderr).toContain('ready on stdio');
    expect(jsonLines(host.transport.stderr)).toEqual([]);
    const { pino, pretty } = await loggerChunks(bin);
    const loaded = await loadedChunks();
    expect(loaded.length).toBeGreaterThan(0);
    expect(loaded).not.toContain(pino);
    expect(loaded).not.toContain(pretty);
  });

  it.runIf(HAS_SCRIPT)('pretty-prints through pino-pretty when stderr is a terminal', async () => {
    const bin = builtBin(SERVER);
    const { log, loadedChunks } = await moduleLog(bin);
    const command = [process.execPath, '--import', MODULE_LOG_PRELOAD, bin, '--log', 'info'].map(shellWord).join(' ');
    // stdout (the JSON-RPC answer) goes to /dev/null; stderr stays on the terminal `script` made.
    const child = spawn('script', ['-qec', `${command} >/dev/null`, '/dev/null'], {
      env: { ...process.env, ...blankServerEnvironment({ MODULE_LOG: log }) },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    children.push(child);
    let terminal = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      terminal += chunk;
    });
    // A 2026-07-28 call from a client without sampling: the heuristic answers it.
    const envelope = {
      'io.modelcontextprotocol/protocolVersion': '2026-07-28',
      'io.modelcontextprotocol/clientInfo': { name: 'terminal-check', version: '1.0.0' },
      'io.modelcontextprotocol/clientCapabilities': {},
    };
    const call = { name: SERVER.name, arguments: CALLS[SERVER.name].args, _meta: envelope };
    child.stdin.write(`${JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: call })}\n`);
    await vi.waitFor(
      () => expect(terminal).toMatch(new RegExp(`INFO.*: tools/call ${SERVER.name} \\{.*"path":"heuristic"`)),
      PATIENT_WAIT,
    );
    expect(terminal).not.toMatch(/^\{"level"/m);
    const { pino, pretty } = await loggerChunks(bin);
    expect(await loadedChunks()).toEqual(expect.arrayContaining([pino, pretty]));
  });
});
