/**
 * `pnpm new-server` end to end, in a temporary copy of the workspace (its tracked files, and any not
 * yet committed, without node_modules or build output): installed offline as a clean clone is,
 * then a server generated, and in the copy, untouched, the new package's typecheck and tests,
 * the install kit's typecheck and its checks of generated files and changesets, and `biome ci`.
 * Nothing the generator writes reaches the real workspace. The time limits only stop hangs.
 */
import { execFileSync, spawn } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const NAME = 'gist';
const PACKAGE = `@mcp-sampling/server-${NAME}`;
/** Generous: a cold build of every package the new server needs, on a loaded 2-core machine. */
const STEP_LIMIT_MS = 900_000;

/**
 * The environment of the commands run in the copy: this process's, without what vitest, turbo and
 * the pnpm script running this test set for themselves, so the copy's tools start afresh; and with
 * `CI` set, as on a CI machine, where pnpm changes no lockfile unless told to (the generator must).
 */
const ENV = {
  ...Object.fromEntries(
    Object.entries(process.env).filter(
      ([name]) => !/^(VITEST|TURBO_|npm_package_|npm_lifecycle_|PNPM_SCRIPT_SRC_DIR$|INIT_CWD$|NODE_OPTIONS$)/.test(name),
    ),
  ),
  CI: 'true',
};

interface Run {
  status: number | null;
  output: string;
}

const running = new Set<number>();

/** Runs a command in its own process group; past the limit the whole group is killed. */
function run(cwd: string, command: string, args: string[]): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { cwd, env: ENV, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
    const pid = child.pid as number;
    running.add(pid);
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.stderr.on('data', (chunk: Buffer) => {
      output += chunk.toString();
    });
    const timer = setTimeout(() => {
      output += `\n[killed: still running after ${STEP_LIMIT_MS / 1000} s]`;
      process.kill(-pid, 'SIGKILL');
    }, STEP_LIMIT_MS);
    child.on('error', reject);
    child.on('close', (status) => {
      clearTimeout(timer);
      running.delete(pid);
      resolve({ status, output });
    });
  });
}

/** Runs a command that must succeed; its output is the failure message. */
async function succeed(cwd: string, command: string, ...args: string[]): Promise<string> {
  const result = await run(cwd, command, args);
  expect(result.status, `${command} ${args.join(' ')} failed:\n${result.output.slice(-6000)}`).toBe(0);
  return result.output;
}

/** The workspace's own files, as git lists them (tracked, and untracked ones not ignored). */
function workspaceFiles(): string[] {
  return execFileSync('git', ['ls-files', '--cached', '--others', '--exclude-standard', '-z'], { cwd: ROOT, encoding: 'utf8' })
    .split('\0')
    .filter((file) => file !== '' && existsSync(path.join(ROOT, file)));
}

/** The files the generator edits, and the lockfile its install rewrites. */
const REGISTRATION_FILES = [
  'tools/install-kit/src/servers.ts',
  'tools/install-kit/test/calls.ts',
  'tools/install-kit/package.json',
  '.changeset/config.json',
  'pnpm-lock.yaml',
];
const registrationFilesOfRealWorkspace = () => REGISTRATION_FILES.map((file) => readFileSync(path.join(ROOT, file), 'utf8'));

let copy: string;
let registrationBefore: string[];
let generated: Run;

beforeAll(async () => {
  registrationBefore = registrationFilesOfRealWorkspace();
  copy = mkdtempSync(path.join(tmpdir(), 'new-server-'));
  for (const file of workspaceFiles()) {
    mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    copyFileSync(path.join(ROOT, file), path.join(copy, file));
  }
  // Biome reads .gitignore through git, as in a clone.
  await succeed(copy, 'git', 'init', '--quiet');
  await succeed(copy, 'pnpm', 'install', '--frozen-lockfile', '--offline');
  generated = await run(copy, process.execPath, ['tools/new-server/src/new-server.mjs', NAME]);
}, 2 * STEP_LIMIT_MS);

afterAll(() => {
  for (const pid of running) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // The group has already ended.
    }
  }
  if (copy !== undefined) rmSync(copy, { recursive: true, force: true });
});

describe(`pnpm new-server ${NAME}, in a copy of the workspace`, () => {
  it('writes the package, registers it, links it and generates its install files', () => {
    expect(generated.status, generated.output.slice(-6000)).toBe(0);
    expect(generated.output).toContain(`${PACKAGE} is ready`);
    const dir = path.join(copy, 'packages', `server-${NAME}`);
    for (const file of ['package.json', 'README.md', 'LICENSE', 'server.json', 'manifest.json', 'src/tool.ts', 'src/server.ts']) {
      expect(existsSync(path.join(dir, file)), file).toBe(true);
    }
    const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    expect(pkg).toMatchObject({
      name: PACKAGE,
      mcpName: `io.github.mcp-sampling/${NAME}`,
      bin: { [`mcp-server-${NAME}`]: 'dist/bin.js' },
    });
    const readme = readFileSync(path.join(dir, 'README.md'), 'utf8');
    expect(readme).toContain('<!-- install:begin');
    expect(readme).toContain(`npx -y ${PACKAGE}`);
    expect(readFileSync(path.join(copy, 'tools/install-kit/src/servers.ts'), 'utf8')).toContain(`'draft', '${NAME}'] as const`);
  });

  it("passes the new package's typecheck and tests, untouched", { timeout: STEP_LIMIT_MS }, async () => {
    await succeed(copy, 'pnpm', 'turbo', 'run', 'typecheck', 'test', `--filter=${PACKAGE}`, '--output-logs=errors-only');
  });

  it("passes the install kit's typecheck and its checks of the generated files and changesets", {
    timeout: 2 * STEP_LIMIT_MS,
  }, async () => {
    await succeed(copy, 'pnpm', 'turbo', 'run', 'typecheck', '--filter=@mcp-sampling/install-kit', '--output-logs=errors-only');
    await succeed(
      path.join(copy, 'tools/install-kit'),
      'pnpm',
      'exec',
      'vitest',
      'run',
      'test/generated.test.ts',
      'test/changesets.test.ts',
    );
  });

  it('leaves the copy clean for biome ci', { timeout: STEP_LIMIT_MS }, async () => {
    await succeed(copy, 'pnpm', 'exec', 'biome', 'ci', '.');
  });

  it('refuses the same name again, writing nothing', { timeout: STEP_LIMIT_MS }, async () => {
    const again = await run(copy, process.execPath, ['tools/new-server/src/new-server.mjs', NAME]);
    expect(again.status).toBe(2);
    expect(again.output).toContain(`new-server: packages/server-${NAME} already exists`);
  });

  it('leaves the real workspace as it was', () => {
    expect(existsSync(path.join(ROOT, 'packages', `server-${NAME}`))).toBe(false);
    expect(registrationFilesOfRealWorkspace()).toEqual(registrationBefore);
    // Paths the generator would write name the server (`server-gist`); a word like "registration" must not count.
    const status = execFileSync('git', ['status', '--porcelain'], { cwd: ROOT, encoding: 'utf8' });
    expect(status).not.toMatch(new RegExp(`\\b${NAME}\\b`));
  });
});
