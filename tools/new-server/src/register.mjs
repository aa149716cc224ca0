/**
 * Registers a new server wherever the install kit lists servers, so its README install section,
 * server.json and manifest.json are generated and checked like the others': the server list and
 * facts (tools/install-kit/src/servers.ts), one representative call for the packaged-server checks
 * (tools/install-kit/test/calls.ts), the install kit's devDependencies (so turbo builds the server
 * first), and the changesets group that versions the servers with the libraries they inline.
 *
 * Each edit finds a fixed anchor in its file; when one is missing, it stops and names the file.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';

const SERVERS_TS = 'tools/install-kit/src/servers.ts';
const CALLS_TS = 'tools/install-kit/test/calls.ts';
const INSTALL_KIT_PACKAGE = 'tools/install-kit/package.json';
const CHANGESET_CONFIG = '.changeset/config.json';

/** What the generated tool answers with when no model can (the install section's table says it). */
export const GENERATED_HEURISTIC = 'the text’s first sentence as the answer, and its first five words as the topic';

/** The call the install kit's packaged-server checks make to a generated server. */
export const GENERATED_CALL = {
  text: 'The library reopens on Monday. The reading room has new lamps.',
  firstKeys: ['topic'],
  userTextHas: 'reading room',
};

/**
 * @param {string} file what the anchor was looked for in, relative to the root
 * @param {string} what
 * @returns {never}
 */
function anchorMissing(file, what) {
  throw new Error(`${file}: ${what} not found; register the server there by hand (docs/adding-a-server.md)`);
}

/**
 * Inserts `entry` before the `};` that closes the object literal opened by `opening`.
 * @param {string} text
 * @param {string} opening
 * @param {string} entry
 * @param {string} file
 */
function insertIntoObject(text, opening, entry, file) {
  const start = text.indexOf(opening);
  if (start === -1) anchorMissing(file, `'${opening}'`);
  const end = text.indexOf('\n};', start);
  if (end === -1) anchorMissing(file, `the end of '${opening}'`);
  return `${text.slice(0, end + 1)}${entry}${text.slice(end + 1)}`;
}

/**
 * @param {string} text
 * @param {import('./names.mjs').ServerNames} names
 */
function withServerListed(text, names) {
  const list = /(export const SERVER_NAMES = \[)([^\]]*)(\] as const;)/;
  if (!list.test(text)) anchorMissing(SERVERS_TS, 'SERVER_NAMES');
  const listed = text.replace(list, (_, open, items, close) => `${open}${items}, '${names.name}'${close}`);
  const ports = [...text.matchAll(/httpPort: (\d+)/g)].map((match) => Number(match[1]));
  if (ports.length === 0) anchorMissing(SERVERS_TS, 'an httpPort');
  const facts =
    `  ${names.name}: {\n    title: '${names.title}',\n    heuristic: '${GENERATED_HEURISTIC}',\n` +
    `    httpPort: ${Math.max(...ports) + 1},\n  },\n`;
  return insertIntoObject(listed, 'const FACTS: Record<ServerName, ServerFacts> = {', facts, SERVERS_TS);
}

/**
 * @param {string} text
 * @param {import('./names.mjs').ServerNames} names
 */
function withCall(text, names) {
  const { text: argument, firstKeys, userTextHas } = GENERATED_CALL;
  const entry =
    `  ${names.name}: {\n    args: { text: '${argument}' },\n    firstKeys: ${JSON.stringify(firstKeys).replaceAll('"', "'")},\n` +
    `    userTextHas: '${userTextHas}',\n  },\n`;
  return insertIntoObject(text, 'export const CALLS: Record<ServerName,', entry, CALLS_TS);
}

/**
 * @param {string} text
 * @param {import('./names.mjs').ServerNames} names
 */
function withDevDependency(text, names) {
  const pkg = JSON.parse(text);
  if (pkg.devDependencies === undefined) anchorMissing(INSTALL_KIT_PACKAGE, 'devDependencies');
  pkg.devDependencies = Object.fromEntries(
    Object.entries({ ...pkg.devDependencies, [names.packageName]: 'workspace:*' }).sort(([a], [b]) => a.localeCompare(b)),
  );
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/**
 * Adds the package to the `fixed` group holding the kit, keeping the file's layout.
 * @param {string} text
 * @param {import('./names.mjs').ServerNames} names
 */
function withFixedVersion(text, names) {
  const group = /("fixed": \[\s*\[)([^\]]*?)(\s*\])/;
  const match = group.exec(text);
  if (match === null || !match[2]?.includes('"@mcp-sampling/kit"'))
    anchorMissing(CHANGESET_CONFIG, 'the fixed group with @mcp-sampling/kit');
  const indent = /\n(\s*)"@mcp-sampling\/kit"/.exec(text)?.[1] ?? '      ';
  return text.replace(group, (_, open, items, close) => `${open}${items},\n${indent}"${names.packageName}"${close}`);
}

/**
 * Applies every registration; returns the files changed, relative to `root`.
 * @param {import('./names.mjs').ServerNames} names
 * @param {string} root
 * @returns {string[]}
 */
export function register(names, root) {
  /** @type {Array<[string, (text: string, names: import('./names.mjs').ServerNames) => string]>} */
  const edits = [
    [SERVERS_TS, withServerListed],
    [CALLS_TS, withCall],
    [INSTALL_KIT_PACKAGE, withDevDependency],
    [CHANGESET_CONFIG, withFixedVersion],
  ];
  // Every edit is computed before any file is written, so a missing anchor leaves nothing half-done.
  const results = edits.map(([file, edit]) => [file, edit(readFileSync(path.join(root, file), 'utf8'), names)]);
  for (const [file, text] of results) writeFileSync(path.join(root, /** @type {string} */ (file)), /** @type {string} */ (text));
  return edits.map(([file]) => file);
}
