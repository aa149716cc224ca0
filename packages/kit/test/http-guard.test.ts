import { connectHttp, type MockHost, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { MAX_HTTP_BODY_BYTES } from '../src/serving/http/http-server.js';
import { buildTestServer } from './fixtures.js';
import { errorOf, INITIALIZE, rawRequest, serveHttp } from './http-helpers.js';

const TOKEN = 'test-token-0123456789abcdef';

let host: MockHost | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

/** The server still answers a real client after whatever was refused. */
async function stillServes(url: string, headers?: Record<string, string>): Promise<void> {
  const client = await connectHttp(url, { era: '2026-07-28', script: reply.text('fine'), ...(headers && { headers }) });
  try {
    const result = await client.callTool('maybe_sample', { sample: true });
    expect(result.structuredContent).toMatchObject({ answer: 'fine' });
  } finally {
    await client.close();
  }
}

describe('Host and Origin allow-lists', () => {
  it('refuses a foreign Host with 403 and says where to allow it', async () => {
    const server = await serveHttp(buildTestServer);
    const response = await rawRequest(server.url, { headers: { host: 'evil.example:80' }, body: INITIALIZE });
    expect(response.status).toBe(403);
    expect(errorOf(response).message).toMatch(/Host 'evil\.example:80' is not allowed.*MCP_HTTP_ALLOWED_HOSTS/);
    await stillServes(server.url);
  });

  it('allows listed hosts: a bare name on any port, name:port on that port only', async () => {
    const server = await serveHttp(buildTestServer, { allowedHosts: ['mcp.example.com', 'other.example.com:8443'] });
    for (const [hostHeader, status] of [
      ['mcp.example.com:1234', 200],
      ['other.example.com:8443', 200],
      ['other.example.com:9000', 403],
      [`localhost:${server.port}`, 200],
      ['[::1]:80', 200],
    ] as const) {
      const response = await rawRequest(server.url, { headers: { host: hostHeader }, body: INITIALIZE });
      expect([hostHeader, response.status]).toEqual([hostHeader, status]);
    }
  });

  it('refuses a foreign Origin with 403, allows loopback, listed and absent origins', async () => {
    const server = await serveHttp(buildTestServer, { allowedOrigins: ['https://app.example.com'] });
    const foreign = await rawRequest(server.url, { headers: { origin: 'https://evil.example' }, body: INITIALIZE });
    expect(foreign.status).toBe(403);
    expect(errorOf(foreign).message).toMatch(/Origin 'https:\/\/evil\.example' is not allowed.*MCP_HTTP_ALLOWED_ORIGINS/);
    for (const origin of ['https://app.example.com', 'http://localhost:5173', 'http://127.0.0.1']) {
      const response = await rawRequest(server.url, { headers: { origin }, body: INITIALIZE });
      expect([origin, response.status]).toEqual([origin, 200]);
    }
    const listedOtherScheme = await rawRequest(server.url, { headers: { origin: 'http://app.example.com' }, body: INITIALIZE });
    expect(listedOtherScheme.status).toBe(403);
    await stillServes(server.url);
  });
});

describe('bearer token', () => {
  it('answers a missing or wrong token with 401 and a Bearer challenge, and serves the right one', async () => {
    const server = await serveHttp(buildTestServer, { token: TOKEN });
    const missing = await rawRequest(server.url, { body: INITIALIZE });
    expect(missing.status).toBe(401);
    expect(missing.headers['www-authenticate']).toBe('Bearer realm="mcp"');
    expect(errorOf(missing).message).toMatch(/Missing bearer token.*MCP_HTTP_TOKEN/);
    expect(missing.body).not.toContain(TOKEN);

    const wrong = await rawRequest(server.url, { headers: { authorization: `Bearer ${TOKEN}x` }, body: INITIALIZE });
    expect(wrong.status).toBe(401);
    expect(wrong.headers['www-authenticate']).toBe('Bearer realm="mcp"');
    expect(errorOf(wrong).message).toMatch(/Wrong bearer token/);
    expect(wrong.body).not.toContain(TOKEN);

    const health = await rawRequest(new URL('/healthz', server.url).href, { method: 'GET' });
    expect(health.status).toBe(200);

    await stillServes(server.url, { authorization: `Bearer ${TOKEN}` });
    host = await connectHttp(server.url, {
      era: '2025',
      script: reply.text('ok'),
      headers: { authorization: `Bearer ${TOKEN}` },
    });
    expect((await host.callTool('maybe_sample', { sample: true })).structuredContent).toMatchObject({ answer: 'ok' });
  });
});

describe('body limit', () => {
  it('answers a body over 24 MiB with 413 before reading it, and keeps serving', async () => {
    const server = await serveHttp(buildTestServer);
    const response = await rawRequest(server.url, { declaredLength: MAX_HTTP_BODY_BYTES + 1 });
    expect(response.status).toBe(413);
    expect(errorOf(response).message).toMatch(/larger than 25165824 bytes.*send a shorter input/);
    await stillServes(server.url);
  });

  it.each(['2025', '2026-07-28'] as const)('accepts a 6 MiB call on %s, past the SDK default of 4 MiB', async (era) => {
    const server = await serveHttp(buildTestServer);
    host = await connectHttp(server.url, {
      era,
      script: { rules: [{ match: 'part', reply: reply.text('P') }], otherwise: reply.text('J') },
    });
    const big = 'x'.repeat(6 * 1024 * 1024);
    const result = await host.callTool('fan_out', { parts: [big] });
    expect(result.isError).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ joined: 'J' });
  });
});
