#!/usr/bin/env node
/**
 * `pnpm new-server <name>`: creates packages/server-<name> from the hello-sampling shape (a tool,
 * its server and bin, tests in both eras, a README), registers it in the install kit, links it
 * into the workspace (`pnpm install`, offline first), and generates its README install section,
 * server.json and manifest.json. A bad or taken name is refused before anything is written (exit
 * code 2); a later step that fails names what is left to run (exit code 1).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { nameProblem, namesFor } from './names.mjs';
import { register } from './register.mjs';
import { scaffold } from './scaffold.mjs';

const ROOT = fileURLToPath(new URL('../../../', import.meta.url));
const USAGE = 'Usage: pnpm new-server <name>   (one lower-case word, e.g. translate: makes packages/server-translate)';

/**
 * Runs one command in the repository root, its output shown; true when it succeeded.
 * @param {string[]} command
 */
function run(command) {
  process.stdout.write(`\n> ${command.join(' ')}\n`);
  const [file, ...args] = command;
  return spawnSync(/** @type {string} */ (file), args, { cwd: ROOT, stdio: 'inherit' }).status === 0;
}

const args = process.argv.slice(2);
if (args.includes('--help') || args.includes('-h')) {
  process.stdout.write(`${USAGE}\n`);
  process.exit(0);
}
const problem = args.length > 1 ? `expected one name, got ${args.length} arguments` : nameProblem(args[0], ROOT);
if (problem !== undefined) {
  process.stderr.write(`new-server: ${problem}\n${USAGE}\n`);
  process.exit(2);
}

const names = namesFor(/** @type {string} */ (args[0]));
const written = scaffold(names, ROOT);
const registered = register(names, ROOT);
process.stdout.write(`Wrote ${names.dir}/ (${written.length} files) and registered it in: ${registered.join(', ')}\n`);

const steps = [
  ['pnpm', '--filter', '@mcp-sampling/install-kit', 'run', 'generate'],
  ['pnpm', 'exec', 'biome', 'check', '--write', names.dir, ...registered],
];
/**
 * Stops, naming the commands still to run.
 * @param {string[][]} left
 * @returns {never}
 */
function stop(left) {
  const commands = left.map((command) => `  ${command.join(' ')}`).join('\n');
  process.stderr.write(
    `\nnew-server: a step failed; the package is written and registered. Fix the error above, then run:\n${commands}\n`,
  );
  process.exit(1);
}
// Offline first (the new package needs no package the workspace lacks); pnpm may still have to read
// the registry for versions its metadata cache does not hold. The new package changes the lockfile,
// which pnpm refuses to do by default where CI is set: --no-frozen-lockfile says it is meant.
const installed =
  run(['pnpm', 'install', '--no-frozen-lockfile', '--offline']) ||
  (process.stdout.write('\nThe offline install needs versions pnpm has not cached; asking the registry for them.\n') &&
    run(['pnpm', 'install', '--no-frozen-lockfile', '--prefer-offline']));
if (!installed) {
  stop([['pnpm', 'install', '--no-frozen-lockfile'], ...steps]);
}
for (const [index, step] of steps.entries()) {
  if (!run(step)) stop(steps.slice(index));
}

process.stdout.write(
  `\n${names.packageName} is ready: ${names.dir}/src/tool.ts holds a placeholder tool.\n` +
    `Next: pnpm turbo run typecheck test --filter=${names.packageName}, then the checklist in docs/adding-a-server.md.\n`,
);
