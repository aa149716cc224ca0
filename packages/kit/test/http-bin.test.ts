import { type ChildProcess, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { connectHttp, type HttpMockHost, PATIENT_WAIT, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';

const BIN = fileURLToPath(new URL('./fixtures/http-bin.mjs', import.meta.url));
const READY = /^kit-http-test-bin 0\.0\.0 ready on (http:\/\/127\.0\.0\.1:(\d+)\/mcp)( \(replica (\S+)\))?$/m;

interface Spawned {
  child: ChildProcess;
  stderr: () => string;
  exited: Promise<number | null>;
}

const children: ChildProcess[] = [];
const hosts: HttpMockHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
  for (const child of children.splice(0)) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
});

/** Start the fixture bin with `args`, with no MCP_* variable inherited except those in `env`. */
function start(args: string[], env: Record<string, string> = {}): Spawned {
  const inherited = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.startsWith('MCP_')));
  const child = spawn(process.execPath, [BIN, ...args], { env: { ...inherited, ...env }, stdio: ['ignore', 'pipe', 'pipe'] });
  children.push(child);
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return { child, stderr: () => stderr, exited };
}

/** Start the bin over HTTP on any free port and wait for its ready line. */
async function startHttp(env: Record<string, string> = {}) {
  const spawned = start(['--http', '--port', '0'], env);
  const match = await vi.waitFor(() => {
    const found = READY.exec(spawned.stderr());
    if (found === null) throw new Error(`no ready line yet: ${spawned.stderr()}`);
    return found;
  }, PATIENT_WAIT);
  return { ...spawned, url: match[1] ?? '', port: Number(match[2]), replica: match[4] };
}

async function connect(url: string, era: '2025' | '2026-07-28', script = reply.text('answer')) {
  const host = await connectHttp(url, { era, script });
  hosts.push(host);
  return host;
}

describe('a bin with --http', () => {
  it('prints the ready line with the real port and serves both eras', async () => {
    const bin = await startHttp();
    expect(bin.port).toBeGreaterThan(0);
    expect(bin.replica).toBeUndefined();
    for (const era of ['2025', '2026-07-28'] as const) {
      const host = await connect(bin.url, era);
      const result = await host.callTool('ask', { question: 'why?' });
      expect(result.structuredContent).toMatchObject({ answer: 'answer', provenance: { path: 'host', era } });
    }
    const health = await fetch(new URL('/healthz', bin.url));
    expect(await health.json()).toEqual({ status: 'ok' });
  });

  it('names its replica in the ready line and the Mcp-Replica header, from MCP_HTTP_REPLICA', async () => {
    const bin = await startHttp({ MCP_HTTP_REPLICA: 'west-2' });
    expect(bin.replica).toBe('west-2');
    expect((await fetch(new URL('/healthz', bin.url))).headers.get('mcp-replica')).toBe('west-2');
  });

  it('reads MCP_TRANSPORT=http and MCP_HTTP_PORT, with flags winning over them', async () => {
    const spawned = start([], { MCP_TRANSPORT: 'http', MCP_HTTP_PORT: '0' });
    await vi.waitFor(() => expect(spawned.stderr()).toMatch(READY), PATIENT_WAIT);
    spawned.child.kill('SIGTERM');
    expect(await spawned.exited).toBe(0);
    // An invalid MCP_HTTP_PORT would stop the bin; the flag replaces it.
    const flagged = start(['--port', '0'], { MCP_TRANSPORT: 'http', MCP_HTTP_PORT: '99999' });
    await vi.waitFor(() => expect(flagged.stderr()).toMatch(READY), PATIENT_WAIT);
    flagged.child.kill('SIGINT');
    expect(await flagged.exited).toBe(0);
    const unflagged = start([], { MCP_TRANSPORT: 'http', MCP_HTTP_PORT: '99999' });
    expect(await unflagged.exited).toBe(2);
    expect(unflagged.stderr()).toMatch(/MCP_HTTP_PORT must be a whole number from 0 to 65535/);
  });

  it('drains on SIGTERM: a 2025 call waiting on the host completes, /healthz says draining, then exit 0', async () => {
    const bin = await startHttp();
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    const host = await connect(bin.url, '2025', async () => {
      await answered;
      return { model: 'slow-model', role: 'assistant', content: { type: 'text', text: 'late answer' } };
    });
    const call = host.callTool('ask', { question: 'slow?' });
    await vi.waitFor(() => expect(host.requests).toHaveLength(1), PATIENT_WAIT);

    bin.child.kill('SIGTERM');
    await vi.waitFor(() => expect(bin.stderr()).toMatch(/SIGTERM: draining/), PATIENT_WAIT);
    const health = await fetch(new URL('/healthz', bin.url));
    expect(health.status).toBe(503);
    expect(await health.json()).toEqual({ status: 'draining' });
    expect(bin.child.exitCode).toBeNull();

    release();
    expect((await call).structuredContent).toMatchObject({ answer: 'late answer' });
    expect(await bin.exited).toBe(0);
    hosts.splice(hosts.indexOf(host), 1);
    await host.close();
  });

  it('exits 0 at once on SIGTERM when nothing is in flight, even with a session open', async () => {
    const bin = await startHttp();
    await connect(bin.url, '2025');
    bin.child.kill('SIGTERM');
    expect(await bin.exited).toBe(0);
  });
});

describe('a bin refusing an unsafe or broken HTTP setting', () => {
  it('refuses a non-loopback bind without a token: exit 2, one line naming the fixes', async () => {
    const spawned = start(['--http', '--host', '0.0.0.0', '--port', '0']);
    expect(await spawned.exited).toBe(2);
    const lines = spawned.stderr().trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatch(/Refusing to bind 0\.0\.0\.0 without a token.*MCP_HTTP_TOKEN.*--allow-insecure-bind/);
  });

  it('binds it with --allow-insecure-bind, saying INSECURE once', async () => {
    const spawned = start(['--http', '--host', '0.0.0.0', '--port', '0', '--allow-insecure-bind']);
    await vi.waitFor(() => expect(spawned.stderr()).toMatch(/ready on http:\/\/0\.0\.0\.0:\d+\/mcp/), PATIENT_WAIT);
    expect(spawned.stderr().match(/INSECURE/g)).toHaveLength(1);
    spawned.child.kill('SIGTERM');
    expect(await spawned.exited).toBe(0);
  });

  it('refuses a short token without printing it, and an unknown MCP_TRANSPORT', async () => {
    const short = start(['--http', '--port', '0'], { MCP_HTTP_TOKEN: 'short-secret' });
    expect(await short.exited).toBe(2);
    expect(short.stderr()).toMatch(/MCP_HTTP_TOKEN must be at least 16 characters/);
    expect(short.stderr()).not.toContain('short-secret');
    const transport = start([], { MCP_TRANSPORT: 'carrier-pigeon' });
    expect(await transport.exited).toBe(2);
    expect(transport.stderr()).toMatch(/MCP_TRANSPORT must be stdio or http/);
  });

  it('mentions --http in --help', async () => {
    const child = spawn(process.execPath, [BIN, '--help'], { stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      out += chunk;
    });
    await new Promise((resolve) => child.once('exit', resolve));
    expect(out).toMatch(/--http\s+MCP_TRANSPORT=http/);
    expect(out).toMatch(/MCP_HTTP_TOKEN/);
  });
});
