/**
 * A third-party server, @modelcontextprotocol/server-everything (built on the v1 SDK, 2025 era
 * only), sees the host's sampling capability: it lists its sampling tool only for clients that
 * declare sampling, and that tool's request is answered by the host's offline model, over stdio
 * and over Streamable HTTP.
 */
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { callJson, EVERYTHING_BIN, HANG_MS, runHost } from './helpers.js';

const PROMPT = 'The harbour museum reopens on Saturday with a new exhibition about the old ferry.';

describe('server-everything over stdio', () => {
  it('lists trigger-sampling-request, which the server registers only for clients that declare sampling', async () => {
    const run = await runHost(['list', '--era', 'legacy', '--', 'node', EVERYTHING_BIN, 'stdio']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(/^trigger-sampling-request {2}Trigger Sampling Request Tool$/m);
    expect(run.stdout).toMatch(/^ {4}prompt +string, required {2}The prompt to send to the LLM$/m);
  });

  it('auto era falls back to 2025 and the sampling request is answered by the offline model', async () => {
    const { code, json } = await callJson(
      'trigger-sampling-request',
      { prompt: PROMPT, maxTokens: 60 },
      ['node', EVERYTHING_BIN, 'stdio'],
      ['--approve', 'auto', '--quiet'],
    );
    expect(code).toBe(0);
    expect(json.era).toBe('2025');
    const text = json.result?.content[0]?.text ?? '';
    expect(text).toContain('"model": "offline-extractive-1"');
    expect(text).toContain('The harbour museum reopens on Saturday');
    expect(json.transcript.requests).toHaveLength(1);
    expect(json.transcript.requests[0]?.key).toBeUndefined();
    expect(json.transcript.requests[0]).toMatchObject({
      systemPrompt: 'You are a helpful test server.',
      maxTokens: 60,
      temperature: 0.7,
      messages: [{ role: 'user', text: `Resource trigger-sampling-request context: ${PROMPT}` }],
      tier: 'balanced',
      outcome: { status: 'answered', model: 'offline-extractive-1' },
    });
  });

  it('a pinned 2026-07-28 connection fails with one line: the server only speaks 2025', async () => {
    const run = await runHost(['list', '--era', '2026-07-28', '--', 'node', EVERYTHING_BIN, 'stdio']);
    expect(run.code).toBe(3);
    expect(run.stderr.trim()).toBe(
      'mcp-sampling-host: the server does not speak protocol 2026-07-28 (it did not offer it in server/discover); use --era auto or --era legacy',
    );
  });
});

describe('server-everything over Streamable HTTP', () => {
  let url = '';
  let stop = () => {};

  beforeAll(async () => {
    const port = await freePort();
    const child = spawn(process.execPath, [EVERYTHING_BIN, 'streamableHttp'], {
      env: { ...process.env, PORT: String(port) },
      stdio: 'ignore',
    });
    stop = () => child.kill();
    url = `http://127.0.0.1:${port}/mcp`;
    await vi.waitFor(
      async () => {
        const response = await fetch(url, { method: 'GET' });
        expect(response.status).toBeGreaterThan(0);
      },
      { timeout: HANG_MS, interval: 50 },
    );
  });
  afterAll(() => stop());

  it('calls the sampling tool through --url; the host answers on the sessionful 2025 connection', async () => {
    const run = await runHost([
      'call',
      'trigger-sampling-request',
      '--args',
      JSON.stringify({ prompt: PROMPT, maxTokens: 40 }),
      '--url',
      url,
      '--era',
      'legacy',
      '--approve',
      'auto',
      '--offline',
    ]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('"model": "offline-extractive-1"');
    expect(run.stdout).toMatch(/round 1 {2}- +maxTokens 40 +balanced +answered by offline-extractive-1/);
  });
});

async function freePort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
