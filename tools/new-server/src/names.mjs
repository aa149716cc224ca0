/**
 * The names of a new server, all derived from the one given on the command line, and the check
 * that refuses a bad or taken name before anything is written.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/**
 * One lower-case word, as the four servers' names are: the install kit uses a server's name as its
 * tool's name, its key in every host configuration and the last part of its registry name.
 */
const NAME_PATTERN = /^[a-z][a-z0-9]*$/;
export const MIN_NAME_CHARS = 2;
export const MAX_NAME_CHARS = 30;

/**
 * @typedef {object} ServerNames
 * @property {string} name the short name, e.g. `translate`: the tool, the host config key, the registry name's last part
 * @property {string} title display name, e.g. `Translate`
 * @property {string} packageName e.g. `@mcp-sampling/server-translate`
 * @property {string} bin e.g. `mcp-server-translate`
 * @property {string} dir the package directory relative to the repository root, e.g. `packages/server-translate`
 */

/**
 * @param {string} name a name `nameProblem` accepted
 * @returns {ServerNames}
 */
export function namesFor(name) {
  return {
    name,
    title: name.charAt(0).toUpperCase() + name.slice(1),
    packageName: `@mcp-sampling/server-${name}`,
    bin: `mcp-server-${name}`,
    dir: `packages/server-${name}`,
  };
}

/**
 * Why `name` cannot be a new server in the repository at `root`, in one line that says what to do,
 * or `undefined` when it can.
 * @param {string | undefined} name
 * @param {string} root
 * @returns {string | undefined}
 */
export function nameProblem(name, root) {
  if (name === undefined || name === '')
    return 'give the new server a name: pnpm new-server <name>, e.g. pnpm new-server translate';
  const shown = JSON.stringify(name);
  if (name.startsWith('server-')) return `${shown}: leave out the server- prefix (pnpm new-server ${name.slice(7)})`;
  if (!NAME_PATTERN.test(name)) {
    return (
      `${shown} is not a valid name: use one lower-case word of letters and digits, starting with a letter (e.g. translate), ` +
      "since it is also the tool's name and its key in every host configuration"
    );
  }
  if (name.length < MIN_NAME_CHARS || name.length > MAX_NAME_CHARS) {
    return `${shown} is ${name.length} characters long: use ${MIN_NAME_CHARS} to ${MAX_NAME_CHARS}`;
  }
  const { dir } = namesFor(name);
  if (existsSync(path.join(root, dir))) return `${dir} already exists: choose another name, or remove that package first`;
  const servers = readFileSync(path.join(root, 'tools/install-kit/src/servers.ts'), 'utf8');
  if (new RegExp(`SERVER_NAMES = \\[[^\\]]*'${name}'`).test(servers)) {
    return `${shown} is already registered in tools/install-kit/src/servers.ts: choose another name`;
  }
  return undefined;
}
