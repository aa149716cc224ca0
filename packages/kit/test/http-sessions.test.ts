import { connectHttp, type HttpMockHost, PATIENT_WAIT, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { buildTestServer } from './fixtures.js';
import { errorOf, INITIALIZE, rawRequest, serveHttp } from './http-helpers.js';

const hosts: HttpMockHost[] = [];
afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
});

async function session(url: string): Promise<HttpMockHost> {
  const host = await connectHttp(url, { era: '2025', script: reply.text('ok') });
  hosts.push(host);
  return host;
}

const LIST_TOOLS = JSON.stringify({ jsonrpc: '2.0', id: 2, method: 'tools/list', params: {} });

describe('2025-era sessions', () => {
  it('answers an unknown session id with 404 and says to initialize again', async () => {
    const server = await serveHttp(buildTestServer);
    const response = await rawRequest(server.url, {
      headers: { 'mcp-session-id': 'no-such-session', 'mcp-protocol-version': '2025-06-18' },
      body: LIST_TOOLS,
    });
    expect(response.status).toBe(404);
    expect(errorOf(response)).toMatchObject({ code: -32001, message: expect.stringMatching(/not found.*initialize/) });
    const host = await session(server.url);
    expect((await host.callTool('maybe_sample', { sample: true })).structuredContent).toMatchObject({ answer: 'ok' });
  });

  it('refuses a session past MCP_HTTP_MAX_SESSIONS with 503 and Retry-After, until one ends', async () => {
    const server = await serveHttp(buildTestServer, { maxSessions: 2 });
    const first = await session(server.url);
    await session(server.url);
    const full = await rawRequest(server.url, { body: INITIALIZE });
    expect(full.status).toBe(503);
    expect(Number(full.headers['retry-after'])).toBeGreaterThan(0);
    expect(errorOf(full).message).toMatch(/Too many open sessions \(2, MCP_HTTP_MAX_SESSIONS\)/);
    // The open sessions still work.
    expect((await first.callTool('maybe_sample', { sample: true })).isError).toBeFalsy();

    await first.close();
    hosts.splice(hosts.indexOf(first), 1);
    expect(server.sessions).toBe(1);
    const third = await session(server.url);
    expect((await third.callTool('maybe_sample', { sample: true })).isError).toBeFalsy();
  });

  it('ends a session on DELETE; its id then gets 404', async () => {
    const server = await serveHttp(buildTestServer);
    const host = await session(server.url);
    const id = host.transport.sessionId ?? '';
    expect(id).not.toBe('');
    await host.transport.terminateSession();
    expect(server.sessions).toBe(0);
    const after = await rawRequest(server.url, {
      headers: { 'mcp-session-id': id, 'mcp-protocol-version': '2025-06-18' },
      body: LIST_TOOLS,
    });
    expect(after.status).toBe(404);
  });

  it('closes a session idle for MCP_HTTP_SESSION_IDLE_SECONDS; its id then gets 404', async () => {
    const server = await serveHttp(buildTestServer, { sessionIdleSeconds: 1 });
    const host = await session(server.url);
    const id = host.transport.sessionId ?? '';
    expect(server.sessions).toBe(1);
    await vi.waitFor(() => expect(server.sessions).toBe(0), PATIENT_WAIT);
    const after = await rawRequest(server.url, {
      headers: { 'mcp-session-id': id, 'mcp-protocol-version': '2025-06-18' },
      body: LIST_TOOLS,
    });
    expect(after.status).toBe(404);
    expect(errorOf(after).message).toMatch(/expired/);
  });

  it('does not expire a session while a call waits on the host longer than the idle time', async () => {
    const server = await serveHttp(buildTestServer, { sessionIdleSeconds: 1 });
    let release: () => void = () => undefined;
    const answered = new Promise<void>((resolve) => {
      release = resolve;
    });
    const host = await connectHttp(server.url, {
      era: '2025',
      script: async () => {
        await answered;
        return { model: 'slow-model', role: 'assistant', content: { type: 'text', text: 'late' } };
      },
    });
    hosts.push(host);
    const call = host.callTool('maybe_sample', { sample: true });
    await vi.waitFor(() => expect(host.requests).toHaveLength(1), PATIENT_WAIT);
    // A session opened after the call started expires first: then the idle time has passed for both.
    await session(server.url);
    expect(server.sessions).toBe(2);
    await vi.waitFor(() => expect(server.sessions).toBe(1), PATIENT_WAIT);
    release();
    expect((await call).structuredContent).toMatchObject({ answer: 'late' });
  });
});
