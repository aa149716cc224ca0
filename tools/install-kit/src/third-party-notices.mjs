/**
 * THIRD_PARTY_NOTICES for a self-contained build (the npm package and the MCP Bundle): the npm
 * packages esbuild inlined (from its metafile, see `inlinedPackages` in `bundle-server.mjs`), each
 * with its name, version, declared licence and the licence text it ships. Apache-2.0 and MIT both
 * ask that the text travel with the code, and a bundle carries the code without the packages' own
 * files.
 *
 * Plain JavaScript (with JSDoc types), because the servers' builds run it through
 * `bundle-server.mjs` before anything in the workspace is compiled.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';

/** The notices file's name, in the npm package (`dist/`) and at the root of a bundle. */
export const NOTICES_FILE = 'THIRD_PARTY_NOTICES';

/**
 * One inlined package, as its notice names it.
 * @typedef {object} InlinedPackage
 * @property {string} name
 * @property {string} version
 * @property {string} license the SPDX expression from its package.json
 * @property {string} text the licence files it ships, concatenated; empty when it ships none
 */

/** Licence files by name: LICENSE, LICENCE, COPYING, NOTICE, with any extension. */
const LICENCE_FILE = /^(licen[cs]e|copying|notice)(\..*)?$/i;

/**
 * What the package in `dir` says about itself and its licence.
 * @param {string} dir
 * @returns {InlinedPackage}
 */
export function inlinedPackage(dir) {
  /** @type {{ name: string, version: string, license?: string }} */
  const manifest = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const files = readdirSync(dir)
    .filter((file) => LICENCE_FILE.test(file))
    .sort();
  return {
    name: manifest.name,
    version: manifest.version,
    license: manifest.license ?? 'UNKNOWN',
    text: files.map((file) => readFileSync(path.join(dir, file), 'utf8').trim()).join('\n\n'),
  };
}

const RULE = '-'.repeat(80);

/**
 * The notices file for the packages in `dirs`, one section each, by name. A package that ships
 * no licence file is listed with its declared licence and says so, pointing to a package in the
 * file with the same licence and its text, rather than silently left out.
 * @param {readonly string[]} dirs the inlined packages' directories
 * @param {string} bundleName what the file is about, e.g. `mcp-server-summarise-0.1.0.mcpb`
 * @returns {string}
 */
export function thirdPartyNotices(dirs, bundleName) {
  const packages = [...new Map(dirs.map((dir) => inlinedPackage(dir)).map((found) => [found.name, found])).values()].sort(
    (a, b) => a.name.localeCompare(b.name),
  );
  const sections = packages.map((found) => {
    const heading = `${RULE}\n${found.name} ${found.version} (${found.license})\n${RULE}\n\n`;
    if (found.text !== '') return heading + found.text;
    const sameLicence = packages.find((other) => other.license === found.license && other.text !== '');
    return (
      heading +
      `The package ships no licence file; its package.json declares ${found.license}` +
      (sameLicence === undefined ? '.' : `, whose text is given above for ${sameLicence.name}.`)
    );
  });
  return (
    `Third-party software in ${bundleName}\n\n` +
    `This bundle inlines code from the ${packages.length} npm packages below. Each is listed with its version, ` +
    'its licence, and the licence text it is distributed with.\n\n' +
    `${sections.join('\n\n')}\n`
  );
}
