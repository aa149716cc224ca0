/**
 * The host and this repository's servers over Streamable HTTP, as real processes: `demo --transport
 * http` (each server started with `--http --port 0`, reached by URL with a token, stopped with
 * SIGTERM, exit 0), and `--url` with `--header 'Authorization: Bearer …'` against a server bin the
 * test starts with a token: accepted with it, refused with one line without it or with a wrong one,
 * and the token never printed.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type HttpServerProcess, startHttpServer } from '../src/commands/http-server-process.js';
import type { ServerExit } from '../src/connect.js';
import { serverEnvironment } from '../src/server-target.js';
import { type CallDocument, ERA_FLAGS, expectOneLine, HANG_MS, type HostRun, runHost, serverBin } from './helpers.js';

interface DemoDocument {
  transport: string;
  servers: Array<{ packageName: string; url: string | null; exit: ServerExit | null }>;
  runs: Array<CallDocument & { task: string }>;
}

const TOOLS = ['summarise', 'classify', 'route', 'draft'];

describe('demo --transport http', () => {
  let json: HostRun;
  let text: HostRun;
  beforeAll(async () => {
    [json, text] = await Promise.all([
      runHost(['demo', '--transport', 'http', '--json', '--quiet']),
      runHost(['demo', '--transport', 'http', '--quiet', '--era', '2026-07-28']),
    ]);
  });

  it('runs the four servers in both eras over their URLs, each answered on the host path', () => {
    expect(json.code, json.stderr).toBe(0);
    expect(json.stderr).toBe('');
    const document = JSON.parse(json.stdout) as DemoDocument;
    expect(document.transport).toBe('http');
    expect(document.runs.map((run) => [run.era, run.tool])).toEqual(
      ['2025', '2026-07-28'].flatMap((era) => TOOLS.map((tool) => [era, tool])),
    );
    for (const run of document.runs) {
      expect(run.error).toBeUndefined();
      expect(run.result?.structuredContent?.provenance).toMatchObject({
        path: 'host',
        models: ['offline-extractive-1'],
        era: run.era,
      });
      expect(run.transcript.requests.every((request) => request.outcome?.status === 'answered')).toBe(true);
    }
  });

  it('starts each server on its own loopback port and stops each with SIGTERM: every one exits 0', () => {
    const document = JSON.parse(json.stdout) as DemoDocument;
    expect(document.servers.map((server) => server.packageName)).toEqual(TOOLS.map((tool) => `@mcp-sampling/server-${tool}`));
    for (const server of document.servers) {
      expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/mcp$/);
      expect(server.exit).toEqual({ code: 0, signal: null });
    }
    expect(new Set(document.servers.map((server) => server.url)).size).toBe(4);
  });

  it('shows each URL and how each server ended, and never the token', () => {
    expect(text.code, text.stderr).toBe(0);
    expect(text.stdout).toContain('Each server runs on its own over Streamable HTTP');
    for (const tool of TOOLS) {
      expect(text.stdout).toMatch(new RegExp(`▶ ${tool} .* · protocol 2026-07-28 · http://127\\.0\\.0\\.1:\\d+/mcp\\n`));
      expect(text.stdout).toMatch(new RegExp(`\\n {2}${tool} +http://127\\.0\\.0\\.1:\\d+/mcp {2}exited with code 0\\n`));
    }
    expect(text.stdout).toContain('Servers stopped (SIGTERM)');
    for (const run of [json, text]) expect(`${run.stdout}${run.stderr}`).not.toMatch(/Bearer|MCP_HTTP_TOKEN/);
  });
});

describe('--url with a bearer token, against a server bin started with MCP_HTTP_TOKEN', () => {
  let server: HttpServerProcess;
  let url = '';
  let authorization = '';
  let token = '';
  beforeAll(async () => {
    server = await startHttpServer({
      bin: serverBin('classify'),
      env: serverEnvironment(process.env),
      readyTimeout: { ms: HANG_MS, source: 'the test' },
      label: 'mcp-server-classify',
    });
    url = server.target.url.href;
    authorization = server.target.headers?.Authorization ?? '';
    token = authorization.replace(/^Bearer /, '');
  });
  let exit: ServerExit | undefined;
  afterAll(async () => {
    exit ??= await server?.stop();
  });

  const ARGS = { text: 'I was charged twice for my March invoice.', labels: ['Billing', 'Technical'] };

  it.each(Object.entries(ERA_FLAGS))('%s: the call goes through with the token, and the host samples', async (era, flag) => {
    const run = await runHost([
      'call',
      'classify',
      '--args',
      JSON.stringify(ARGS),
      '--url',
      url,
      '--header',
      `Authorization: ${authorization}`,
      '--era',
      flag,
      '--approve',
      'auto',
      '--offline',
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const document = JSON.parse(run.stdout) as CallDocument;
    expect(document.era).toBe(era);
    expect(document.result?.structuredContent?.provenance).toMatchObject({ path: 'host', era });
    expect(document.transcript.requests).toHaveLength(1);
    expect(`${run.stdout}${run.stderr}`).not.toContain(token);
  });

  it('list works with the token', async () => {
    const run = await runHost(['list', '--url', url, '--header', `Authorization: ${authorization}`]);
    expect(run.code, run.stderr).toBe(0);
    expect(run.stdout).toMatch(/^classify {2}/m);
  });

  it.each([
    ['no token', []],
    ['a wrong token', ['--header', 'Authorization: Bearer wrong-token-0123456789abcdef']],
  ])('%s: refused with one line that says to pass the token (exit code 3), and no token printed', async (_, flags) => {
    const run = await runHost(['list', '--url', url, ...flags]);
    expect(run.code).toBe(3);
    const line = expectOneLine(run.stderr);
    expect(line).toContain('401');
    expect(line).toContain("--header 'Authorization: Bearer <token>'");
    expect(line).not.toContain(token);
    expect(line).not.toContain('wrong-token');
  });

  it('the server still serves after the refusals, and exits 0 on SIGTERM', async () => {
    const run = await runHost(['list', '--url', url, '--header', `Authorization: ${authorization}`]);
    expect(run.code, run.stderr).toBe(0);
    exit = await server.stop();
    expect(exit).toEqual({ code: 0, signal: null });
  });
});
