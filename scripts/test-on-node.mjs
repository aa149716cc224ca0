/**
 * `pnpm test:node <major|version>`: the README's test line (`pnpm install --frozen-lockfile &&
 * pnpm test`) under another Node, fetched by fetch-node.mjs and put first on PATH, so pnpm, turbo,
 * vitest and its workers, and every `node` the tests spawn run on it (npm and pnpm on it get the
 * machine npm's registry and CA settings from fetch-node.mjs). Prints which Node the run sees
 * (checked, not assumed), then the closing `tests: N passed, N failed (node x.y.z)` line of this
 * run alone. Exits non-zero when anything failed.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { fetchNode, resolveNodeVersion } from './fetch-node.mjs';

const root = path.resolve(import.meta.dirname, '..');
const spec = process.argv[2];
if (spec === undefined) {
  console.error('usage: pnpm test:node <major|version>   (e.g. pnpm test:node 22)');
  process.exit(2);
}
const started = Date.now();
let version;
let binDir;
try {
  version = resolveNodeVersion(spec);
  binDir = await fetchNode(spec);
} catch (error) {
  console.error(`test-on-node: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
const env = { ...process.env, PATH: `${binDir}${path.delimiter}${process.env.PATH ?? ''}` };

function say(line) {
  console.log(`test-on-node: ${line}`);
}

/** Run a command in the repository with the fetched Node first on PATH; output goes to this terminal. */
function sh(command, args) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit' });
  return result.status === 0;
}

/** What a command prints, run as the test run would run it. */
function ask(command, args) {
  return execFileSync(command, args, { cwd: root, env, encoding: 'utf8' }).trim();
}

const seen = { node: ask('node', ['--version']), vitest: ask('pnpm', ['exec', 'vitest', '--version']) };
say(`node --version: ${seen.node}; pnpm exec vitest --version: ${seen.vitest}`);
if (seen.node !== `v${version}` || !seen.vitest.includes(`node-v${version}`)) {
  say(`expected Node v${version} everywhere; stopping`);
  process.exit(1);
}

// Reports left by an earlier run (of any Node) must not count in this one's summary.
for (const group of ['packages', 'apps', 'tools']) {
  const dir = path.join(root, group);
  if (!existsSync(dir)) continue;
  for (const name of readdirSync(dir)) rmSync(path.join(dir, name, 'test-results'), { recursive: true, force: true });
}

const passed = sh('pnpm', ['install', '--frozen-lockfile']) && sh('pnpm', ['test']);
const counted = sh('node', [path.join('scripts', 'test-summary.mjs')]);
say(`Node ${version}: ${passed && counted ? 'passed' : 'FAILED'} in ${((Date.now() - started) / 60_000).toFixed(1)} min`);
process.exitCode = passed && counted ? 0 : 1;
