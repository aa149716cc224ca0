/**
 * The conformance suite on disk and on the command line: fetched once (with the machine's npm)
 * into a git-ignored cache, run by the repository's pinned Node 22 (scripts/fetch-node.mjs, the
 * same binary `pnpm test:node 22` uses), then driven one scenario at a time, its `checks.json`
 * read back.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { SuiteCheck } from './judge.js';

const run = promisify(execFile);

/** Where the suite and its Node live. */
export interface SuiteInstall {
  node: string;
  /** What that Node reports, e.g. `v22.23.5`. */
  nodeVersion: string;
  cli: string;
}

/**
 * The pinned suite under `cacheDir`, installed on first use, and the repository's pinned Node
 * `nodeMajor`, fetched by `<repoRoot>/scripts/fetch-node.mjs`. The machine's npm does both
 * installs, so its registry and TLS settings (`cafile`) apply; the fetched Node's own npm
 * configuration, which is elsewhere, is never used.
 */
export async function ensureSuite(
  repoRoot: string,
  cacheDir: string,
  suiteVersion: string,
  nodeMajor: string,
): Promise<SuiteInstall> {
  // The fetcher's progress goes to stderr; stdout is the bin directory alone.
  const binDir = execFileSync(process.execPath, [join(repoRoot, 'scripts', 'fetch-node.mjs'), nodeMajor], {
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'inherit'],
  }).trim();
  const node = join(binDir, 'node');
  const nodeVersion = (await run(node, ['--version'])).stdout.trim();
  const dir = join(cacheDir, `conformance-${suiteVersion}`);
  const cli = join(dir, 'node_modules', '@modelcontextprotocol', 'conformance', 'dist', 'index.js');
  if (installedVersion(dir) === suiteVersion) return { node, nodeVersion, cli };
  process.stderr.write(`conformance: fetching @modelcontextprotocol/conformance@${suiteVersion} into ${dir}\n`);
  // npm checks `engines` against the Node running npm (the machine's, possibly 20), not against
  // the Node 22 that runs the suite; under `pnpm run` the repository's engine-strict reaches npm
  // and refuses the suite's Node-22-only dependencies (content-type 3 under @octokit/request 10).
  await run(
    'npm',
    [
      'install',
      '--engine-strict=false',
      '--prefix',
      dir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
      `@modelcontextprotocol/conformance@${suiteVersion}`,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  if (installedVersion(dir) !== suiteVersion)
    throw new Error(`npm did not install @modelcontextprotocol/conformance@${suiteVersion}`);
  return { node, nodeVersion, cli };
}

function installedVersion(dir: string): string | undefined {
  const manifest = join(dir, 'node_modules', '@modelcontextprotocol', 'conformance', 'package.json');
  if (!existsSync(manifest)) return undefined;
  return (JSON.parse(readFileSync(manifest, 'utf8')) as { version?: string }).version;
}

/** The scenario names the suite lists, by side. */
export async function listScenarios(suite: SuiteInstall): Promise<{ server: string[]; client: string[] }> {
  const { stdout } = await run(suite.node, [suite.cli, 'list']);
  const lists = { server: [] as string[], client: [] as string[] };
  let side: 'server' | 'client' | undefined;
  for (const line of stdout.split('\n')) {
    if (/^Server scenarios/.test(line)) side = 'server';
    else if (/^Client scenarios/.test(line)) side = 'client';
    else if (/^\S/.test(line)) side = undefined;
    const name = /^\s+- (\S+)/.exec(line)?.[1];
    if (side !== undefined && name !== undefined) lists[side].push(name);
  }
  return lists;
}

/** How one scenario run ended: the checks it wrote, or why there are none. */
export type ScenarioRun = { checks: SuiteCheck[] } | { error: string };

/**
 * Run one scenario (`args` after the suite's command: `server --url …` or `client --command …`)
 * with its results written under `outDir`, and read back its `checks.json`. The exit code is
 * kept only to explain a run that wrote no checks.
 */
export async function runScenario(
  suite: SuiteInstall,
  args: readonly string[],
  outDir: string,
  limitMs: number,
): Promise<ScenarioRun> {
  const child = spawn(suite.node, [suite.cli, ...args, '-o', outDir], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr.on('data', (chunk: Buffer) => {
    output += chunk.toString();
  });
  const timer = setTimeout(() => child.kill('SIGKILL'), limitMs);
  const code = await new Promise<number | null>((resolve) => child.once('close', resolve));
  clearTimeout(timer);
  const file = findChecks(outDir);
  if (file === undefined) {
    const tail = output.trim().split('\n').slice(-3).join(' | ');
    return { error: `no checks.json (suite exit ${code ?? 'killed'}): ${tail}` };
  }
  return { checks: JSON.parse(readFileSync(file, 'utf8')) as SuiteCheck[] };
}

function findChecks(dir: string): string | undefined {
  if (!existsSync(dir)) return undefined;
  for (const entry of readdirSync(dir)) {
    const path = join(dir, entry);
    if (entry === 'checks.json') return path;
    if (statSync(path).isDirectory()) {
      const found = findChecks(path);
      if (found !== undefined) return found;
    }
  }
  return undefined;
}
