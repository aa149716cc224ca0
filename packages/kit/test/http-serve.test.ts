import { connectHttp, type Era, type MockHost, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { buildTestServer } from './fixtures.js';
import { serveHttp } from './http-helpers.js';

const eras: Era[] = ['2025', '2026-07-28'];
let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('HTTP serving on 2025, a client without the optional GET stream', () => {
  it("sends each pushed sampling request on the tool call's own response stream", async () => {
    const server = await serveHttp(buildTestServer);
    const methods: string[] = [];
    // A client may never open the standalone GET stream (the spec makes it optional): refuse it
    // here as a server without one would, so only the call's own stream can carry the request.
    const withoutGetStream: typeof fetch = async (input, init) => {
      const method = init?.method ?? 'GET';
      methods.push(method);
      if (method === 'GET') return new Response(null, { status: 405 });
      return fetch(input, init);
    };
    host = await connectHttp(server.url, { era: '2025', script: reply.text('ANSWER'), fetch: withoutGetStream });
    const result = await host.callTool('maybe_sample', { sample: true });
    expect(result.isError).toBeFalsy();
    expect(JSON.stringify(result.structuredContent)).toContain('ANSWER');
    expect(host.requests).toHaveLength(1);
    expect(methods).toContain('GET');
  });
});

describe.each(eras)('HTTP serving on %s', (era) => {
  it('runs a sampling tool through the host, fan-out then join', async () => {
    const server = await serveHttp(buildTestServer);
    host = await connectHttp(server.url, {
      era,
      script: { rules: [{ match: 'part', reply: reply.text('PART') }], otherwise: reply.text('JOINED') },
    });
    const result = await host.callTool('fan_out', { parts: ['one', 'two'] });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({
      joined: 'JOINED',
      partAnswers: ['PART', 'PART'],
      provenance: { path: 'host', era, rounds: 2, samples: 3 },
    });
    expect(host.keysInRound(1)).toEqual(['part:0', 'part:1']);
  });

  it('falls back as on stdio when the client cannot sample', async () => {
    const server = await serveHttp(buildTestServer);
    host = await connectHttp(server.url, { era, sampling: false });
    const result = await host.callTool('maybe_sample', { sample: true });
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toMatch(/does not offer MCP sampling/);
    expect(host.requests).toEqual([]);
  });

  it('keeps a 2025 session per client and none for 2026', async () => {
    const server = await serveHttp(buildTestServer);
    host = await connectHttp(server.url, { era, script: reply.text('x') });
    await host.callTool('maybe_sample', { sample: true });
    expect(server.sessions).toBe(era === '2025' ? 1 : 0);
    await host.close();
    host = undefined;
    expect(server.sessions).toBe(0);
  });
});

describe('HTTP endpoints', () => {
  it('answers /healthz without auth or Host check, and 404 elsewhere', async () => {
    const server = await serveHttp(buildTestServer, { token: 'a-long-enough-token-123' });
    const base = new URL(server.url);
    const health = await fetch(new URL('/healthz', base), { headers: { host: 'evil.example' } });
    expect(health.status).toBe(200);
    expect(await health.json()).toEqual({ status: 'ok' });
    const other = await fetch(new URL('/other', base));
    expect(other.status).toBe(404);
    expect(await other.json()).toMatchObject({ jsonrpc: '2.0', id: null, error: { message: expect.stringMatching(/\/mcp/) } });
  });

  it('sends Mcp-Replica on every response only when a replica name is set', async () => {
    const named = await serveHttp(buildTestServer, { replica: 'replica-7' });
    const seen: (string | null)[] = [];
    const recording = async (url: string | URL, init?: RequestInit) => {
      const response = await fetch(url, init);
      seen.push(response.headers.get('mcp-replica'));
      return response;
    };
    host = await connectHttp(named.url, { era: '2026-07-28', script: reply.text('x'), fetch: recording });
    await host.callTool('maybe_sample', { sample: true });
    expect(seen.length).toBeGreaterThan(1);
    expect(new Set(seen)).toEqual(new Set(['replica-7']));
    expect((await fetch(new URL('/healthz', named.url))).headers.get('mcp-replica')).toBe('replica-7');

    const unnamed = await serveHttp(buildTestServer);
    expect((await fetch(new URL('/healthz', unnamed.url))).headers.get('mcp-replica')).toBeNull();
    await host.close();
    seen.length = 0;
    host = await connectHttp(unnamed.url, { era: '2025', script: reply.text('x'), fetch: recording });
    await host.callTool('maybe_sample', { sample: true });
    expect(seen.length).toBeGreaterThan(1);
    expect(seen.every((value) => value === null)).toBe(true);
  });
});
