/**
 * The library packages (kit, providers, telemetry, text, testing) as they would be published: each packed
 * with `pnpm pack`, then linted from the tarball by publint (strict: warnings count) and by
 * Are the Types Wrong. They are ESM-only by design, so attw runs with `--profile esm-only`
 * (CommonJS `require` resolution is not a goal); anything either tool reports fails here.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { publint } from 'publint';
import { formatMessage } from 'publint/utils';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrayBufferOf, type Packed, pnpmPack } from '../src/pack.js';
import { PROJECT, REPO_ROOT } from '../src/servers.js';

const run = promisify(execFile);
const LIBRARIES = ['kit', 'providers', 'telemetry', 'text', 'testing'];

/** The attw command-line tool's entry script. */
const ATTW = path.join(
  path.dirname(createRequire(import.meta.url).resolve('@arethetypeswrong/cli/package.json')),
  'dist',
  'index.js',
);

/** Ends every pack still running when the file ends. */
const fileEnded = new AbortController();

let work: string;
const packed = new Map<string, Packed>();

beforeAll(async () => {
  work = await mkdtemp(path.join(tmpdir(), 'mcp-sampling-libraries-'));
  await Promise.all(
    LIBRARIES.map(async (name) =>
      packed.set(name, await pnpmPack(path.join(REPO_ROOT, 'packages', name), work, { signal: fileEnded.signal })),
    ),
  );
}, 120_000);

afterAll(async () => {
  fileEnded.abort();
  if (work !== undefined) await rm(work, { recursive: true, force: true });
});

function tarballOf(name: string): string {
  const found = packed.get(name);
  if (found === undefined) throw new Error(`${name} was not packed`);
  return found.tarball;
}

/** attw's JSON report: the entrypoints analysed, and every problem found under any resolution. */
interface AttwReport {
  analysis: { entrypoints: Record<string, unknown> };
  problems?: Record<string, Array<{ kind: string; entrypoint?: string; resolutionKind?: string }>>;
}

/** Resolutions the esm-only profile leaves out: `require` from CommonJS, and pre-exports node10. */
const NOT_ESM = ['node10', 'node16-cjs'];

describe.each(LIBRARIES)('@mcp-sampling/%s, packed', (name) => {
  it('says where it comes from: repository with its directory, homepage, keywords', async () => {
    const manifest = JSON.parse(await readFile(path.join(REPO_ROOT, 'packages', name, 'package.json'), 'utf8')) as {
      repository?: { type: string; url: string; directory: string };
      homepage?: string;
      keywords?: string[];
    };
    expect(manifest.repository).toEqual({
      type: 'git',
      url: `git+${PROJECT.repository}.git`,
      directory: `packages/${name}`,
    });
    expect(manifest.homepage).toBe(`${PROJECT.repository}/tree/main/packages/${name}#readme`);
    expect(manifest.keywords).toEqual(expect.arrayContaining(['mcp', 'model-context-protocol']));
  });

  it('passes publint with warnings counted as errors', async () => {
    const { messages, pkg } = await publint({ pack: { tarball: await arrayBufferOf(tarballOf(name)) }, strict: true });
    expect(messages.map((message) => `${message.type}: ${formatMessage(message, pkg)}`)).toEqual([]);
  });

  it('has types that resolve for ESM consumers (attw --profile esm-only)', async () => {
    const { stdout, code } = await run(process.execPath, [ATTW, tarballOf(name), '--profile', 'esm-only', '--format', 'json'], {
      maxBuffer: 32 * 1024 * 1024,
      timeout: 120_000,
    }).then(
      ({ stdout }) => ({ stdout, code: 0 }),
      (error: { stdout?: string; code?: number }) => ({ stdout: error.stdout ?? '', code: error.code ?? 1 }),
    );
    const report = JSON.parse(stdout) as AttwReport;
    expect(Object.keys(report.analysis.entrypoints).length).toBeGreaterThan(0);
    const esmProblems = Object.values(report.problems ?? {})
      .flat()
      .filter((problem) => !NOT_ESM.includes(problem.resolutionKind ?? ''));
    expect(esmProblems).toEqual([]);
    expect(code).toBe(0);
  });
});
