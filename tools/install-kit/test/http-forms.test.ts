/**
 * The "Over HTTP" install forms work against the bins as built for npm: each server started with
 * the section's flags (on a free port instead of its fixed one) and `MCP_HTTP_TOKEN` writes the
 * ready line the section quotes, then serves a host that sends the token the way the VS Code,
 * Claude Code and Cursor entries do (`Authorization: Bearer <token>`), in both eras, and refuses
 * one that does not.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import * as path from 'node:path';
import { connectHttp } from '@mcp-sampling/testing';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { httpStartCommand, readyLine } from '../src/http-configs.js';
import { blankServerEnvironment } from '../src/server-env.js';
import { allServers } from '../src/servers.js';
import { ERAS } from './calls.js';

/** Only a hang is caught: a loaded machine may be slow to start four servers. */
const HANG_MS = 120_000;

describe.each(allServers().map((server) => [server.name, server] as const))('%s over HTTP', (_, server) => {
  const token = randomBytes(24).toString('hex');
  let child: ChildProcess;
  let stderr = '';
  let url = '';

  beforeAll(async () => {
    const flags = httpStartCommand(server).split(' ').slice(3);
    expect(flags).toEqual(['--http', '--port', String(server.httpPort)]);
    flags[2] = '0';
    child = spawn(process.execPath, [path.join(server.dir, server.binPath), ...flags], {
      env: { ...process.env, ...blankServerEnvironment({ MCP_HTTP_TOKEN: token }) },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    await vi.waitFor(
      () => {
        const ready = / ready on (http:\/\/127\.0\.0\.1:\d+\/mcp)\n/.exec(stderr);
        expect(ready, `no ready line yet; stderr so far: ${stderr}`).not.toBeNull();
        url = ready?.[1] ?? '';
      },
      { timeout: HANG_MS, interval: 50 },
    );
  }, HANG_MS + 10_000);

  afterAll(async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    await exited;
  });

  it('writes the ready line the install section quotes, with the real port', () => {
    const port = new URL(url).port;
    expect(stderr).toContain(`${readyLine(server).replace(`:${server.httpPort}/`, `:${port}/`)}\n`);
    expect(stderr).not.toContain(token);
  });

  it.each(ERAS)('serves a host that sends Authorization: Bearer <token> (%s)', async (era) => {
    const host = await connectHttp(url, { era, headers: { Authorization: `Bearer ${token}` } });
    try {
      const { tools } = await host.client.listTools();
      expect(tools.map((tool) => tool.name)).toEqual([server.name]);
    } finally {
      await host.close();
    }
  });

  it.each(ERAS)('refuses a host without the token (%s)', async (era) => {
    await expect(connectHttp(url, { era })).rejects.toMatchObject({ status: 401 });
  });
});
