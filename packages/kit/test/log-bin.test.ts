/**
 * The log of a built bin (the fixture bin, made from the kit's dist as the real bins are): with
 * `MCP_SAMPLING_LOG=info` over stdio, one JSON line per call on stderr while stdout stays JSON-RPC
 * only; `--log debug` adds the round and step lines; the stdio default (`error`) writes no line for
 * a healthy call; `--http` logs each call by default; a wrong level stops the bin at start-up.
 */
import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import {
  connectHttp,
  connectStdio,
  type Era,
  type MockHost,
  PATIENT_WAIT,
  reply,
  type StdioMockHost,
} from '@mcp-sampling/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

const BIN = fileURLToPath(new URL('./fixtures/http-bin.mjs', import.meta.url));
const READY_HTTP = /ready on (http:\/\/127\.0\.0\.1:\d+\/mcp)/;

/** The environment without any MCP_* variable of the test run, plus `env`. */
function environment(env: Record<string, string>): Record<string, string> {
  const inherited = Object.entries(process.env).filter(([name, value]) => !name.startsWith('MCP_') && value !== undefined);
  return { ...(Object.fromEntries(inherited) as Record<string, string>), ...env };
}

const hosts: MockHost[] = [];
const children: ChildProcess[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

async function stdioBin(era: Era, args: string[], env: Record<string, string> = {}): Promise<StdioMockHost> {
  const host = await connectStdio(
    { command: process.execPath, args: [BIN, ...args], env: environment({ MCP_SAMPLING_LOG: '', ...env }) },
    { era, script: reply.text('an answer') },
  );
  hosts.push(host);
  return host;
}

/** The JSON lines in `stderr` (the bin's own start-up line is plain text). */
function jsonLines(stderr: string): Array<Record<string, unknown>> {
  return stderr
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('a bin over stdio', () => {
  it.each(['2025', '2026-07-28'] as const)(
    'with MCP_SAMPLING_LOG=info: one JSON line per call on stderr, stdout JSON-RPC only (%s)',
    async (era) => {
      const host = await stdioBin(era, [], { MCP_SAMPLING_LOG: 'info' });
      for (const question of ['first?', 'second?']) {
        expect((await host.callTool('ask', { question })).structuredContent).toMatchObject({ answer: 'an answer' });
      }
      await vi.waitFor(() => expect(jsonLines(host.transport.stderr)).toHaveLength(2), PATIENT_WAIT);
      for (const line of jsonLines(host.transport.stderr)) {
        expect(line).toMatchObject({ level: 30, msg: 'tools/call ask', tool: 'ask', era, transport: 'stdio', path: 'host' });
      }
      expect(host.transport.strayStdoutLines).toEqual([]);
      expect(host.transport.stdoutLines.length).toBeGreaterThan(2);
      expect(host.transport.stderr).not.toContain('second?');
    },
  );

  it('with --log debug: the round and step lines before the call line', async () => {
    const host = await stdioBin('2026-07-28', ['--log', 'debug']);
    await host.callTool('ask', { question: 'why?' });
    await vi.waitFor(
      () => expect(jsonLines(host.transport.stderr).map((line) => line.msg)).toContain('tools/call ask'),
      PATIENT_WAIT,
    );
    expect(jsonLines(host.transport.stderr).map((line) => line.msg)).toEqual(['round 1', 'step only', 'tools/call ask']);
  });

  it('by default (error): no line for a healthy call, even once the bin has exited', async () => {
    const host = await stdioBin('2025', []);
    await host.callTool('ask', { question: 'why?' });
    hosts.splice(hosts.indexOf(host), 1);
    await host.close();
    expect(host.transport.stderr).toContain('ready on stdio');
    expect(jsonLines(host.transport.stderr)).toEqual([]);
  });
});

describe('a bin with --http', () => {
  it('logs each call at info by default', async () => {
    const child = spawn(process.execPath, [BIN, '--http', '--port', '0'], {
      env: environment({}),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    children.push(child);
    let stderr = '';
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const url = await vi.waitFor(() => {
      const found = READY_HTTP.exec(stderr);
      if (found === null) throw new Error(`no ready line yet: ${stderr}`);
      return found[1] ?? '';
    }, PATIENT_WAIT);
    const host = await connectHttp(url, { era: '2026-07-28', script: reply.text('an answer') });
    hosts.push(host);
    await host.callTool('ask', { question: 'why?' });
    await vi.waitFor(() => expect(jsonLines(stderr)).toHaveLength(1), PATIENT_WAIT);
    expect(jsonLines(stderr)[0]).toMatchObject({ level: 30, msg: 'tools/call ask', transport: 'http', era: '2026-07-28' });
  });
});

describe('a bin given a wrong level', () => {
  it.each([
    [[], { MCP_SAMPLING_LOG: 'verbose' }, 'verbose'],
    [['--log', 'loud'], {}, 'loud'],
  ])('refuses to start (%j %j), naming the variable and the levels', (args, env, value) => {
    const run = spawnSync(process.execPath, [BIN, ...args], { encoding: 'utf8', env: environment(env), timeout: 60_000 });
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toContain(`MCP_SAMPLING_LOG must be one of off, error, info, debug (got ${value}).`);
    expect(run.stderr).toContain("Try 'kit-http-test-bin --help'.");
  });

  it('documents --log and MCP_SAMPLING_LOG in --help', () => {
    const run = spawnSync(process.execPath, [BIN, '--help'], { encoding: 'utf8', env: environment({}), timeout: 60_000 });
    expect(run.stdout).toMatch(/--log LEVEL\s+MCP_SAMPLING_LOG: off, error, info or debug/);
    expect(run.stdout).toMatch(/^ {2}MCP_SAMPLING_LOG\s+Log on stderr/m);
    const logLines = run.stdout.split('\n').filter((line) => /\blog\b/i.test(line));
    expect(logLines.length).toBeGreaterThanOrEqual(3);
    for (const line of logLines) expect(line.length).toBeLessThanOrEqual(100);
  });
});
