/**
 * The limits on the child processes the install tests start: a command that hangs is ended, with
 * its whole process group, and the failure carries its stderr; so does `npm install` against a
 * registry that never answers. No assertion here is about time; the limits only stop hangs.
 */

import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { boundedRun, isRunning } from '../src/bounded-run.js';
import { npmInstall, pnpmPack } from '../src/pack.js';

/** A node process that reports its pid and a child's pid on stderr, then waits forever. */
const HANGS_WITH_A_CHILD = [
  '-e',
  "const { spawn } = require('node:child_process');" +
    "const child = spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' });" +
    "process.stderr.write('registry unreachable: ETIMEDOUT child=' + child.pid + '\\n');" +
    'setInterval(() => {}, 1000);',
];

/** Polls until `pid` is gone; false if it still runs after a generous wait. */
async function gone(pid: number): Promise<boolean> {
  for (let attempt = 0; attempt < 200; attempt++) {
    if (!isRunning(pid)) return true;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return !isRunning(pid);
}

const childPidIn = (message: string): number => Number(/child=(\d+)/.exec(message)?.[1]);

describe('boundedRun', () => {
  it('ends a command that runs past its limit, with its children, and fails with its stderr', async () => {
    let pid = 0;
    const failure = await boundedRun(process.execPath, HANGS_WITH_A_CHILD, { timeoutMs: 1500 }, (started) => {
      pid = started;
    }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    const message = (failure as Error).message;
    expect(message).toContain('did not finish within 1.5 s and was ended');
    expect(message).toContain('registry unreachable: ETIMEDOUT');
    expect(await gone(pid)).toBe(true);
    expect(await gone(childPidIn(message))).toBe(true);
  });

  it('ends a command when its signal aborts (the test that started it ended)', async () => {
    const controller = new AbortController();
    let pid = 0;
    const running = boundedRun(
      process.execPath,
      HANGS_WITH_A_CHILD,
      { timeoutMs: 120_000, signal: controller.signal },
      (started) => {
        pid = started;
      },
    );
    controller.abort();
    await expect(running).rejects.toThrow('was ended because the run was aborted');
    expect(await gone(pid)).toBe(true);
  });

  it('fails with the exit code and stderr of a command that fails', async () => {
    await expect(
      boundedRun(process.execPath, ['-e', "process.stderr.write('E404 not found'); process.exit(3)"], { timeoutMs: 60_000 }),
    ).rejects.toThrow(/exited with code 3\.\nstderr:\nE404 not found/);
  });

  it('resolves with the output of a command that succeeds', async () => {
    const { stdout } = await boundedRun(process.execPath, ['-e', "process.stdout.write('ok')"], { timeoutMs: 60_000 });
    expect(stdout).toBe('ok');
  });
});

describe('npmInstall against a registry that never answers', () => {
  let work: string;
  let registry: Server;
  const sockets: Socket[] = [];

  beforeAll(async () => {
    work = await mkdtemp(path.join(tmpdir(), 'mcp-sampling-bounded-'));
    // Accepts connections and never replies, as a registry behind a dropped network does.
    registry = createServer((socket) => {
      sockets.push(socket);
    });
    await new Promise<void>((resolve) => registry.listen(0, '127.0.0.1', resolve));
  });

  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => registry.close(resolve));
    await rm(work, { recursive: true, force: true });
  });

  it('is ended at its limit and fails naming the package, with what npm said', async () => {
    const project = path.join(work, 'needs-a-dependency');
    await mkdir(project, { recursive: true });
    await writeFile(
      path.join(project, 'package.json'),
      JSON.stringify({ name: 'needs-a-dependency', version: '1.0.0', dependencies: { 'left-pad': '1.3.0' } }),
    );
    const { tarball } = await pnpmPack(project, path.join(work, 'tarballs'));
    const { port } = registry.address() as AddressInfo;
    const failure = await npmInstall(tarball, path.join(work, 'install'), 'needs-a-dependency', {
      timeoutMs: 5_000,
      cache: path.join(work, 'cache'),
      env: { npm_config_registry: `http://127.0.0.1:${port}/` },
    }).catch((error: Error) => error);
    expect(failure).toBeInstanceOf(Error);
    expect((failure as Error).message).toMatch(
      /^npm install needs-a-dependency-1\.0\.0\.tgz failed: npm install .* did not finish within 5 s/,
    );
    expect((failure as Error).message).toContain('stderr:');
    expect(sockets.length).toBeGreaterThan(0);
  });
});
