/**
 * Writes a new server package from `template/`: every `*.tmpl` file, its placeholders filled in and
 * the suffix dropped, plus the project LICENSE. Refuses to write into a directory that exists.
 */
import { copyFileSync, existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const TEMPLATE_DIR = fileURLToPath(new URL('../template/', import.meta.url));

/**
 * The placeholders of the templates and what fills them.
 * @param {import('./names.mjs').ServerNames} names
 * @returns {Record<string, string>}
 */
export function placeholders(names) {
  return {
    __NAME__: names.name,
    __TITLE__: names.title,
    // At most 100 characters with the longest name (the registry's limit); the author rewrites it.
    __DESCRIPTION__: `${names.title}, a sampling tool made by pnpm new-server.`,
  };
}

/**
 * @param {string} text
 * @param {Record<string, string>} values
 */
export function fill(text, values) {
  return text.replace(/__[A-Z]+__/g, (token) => {
    const value = values[token];
    if (value === undefined) throw new Error(`template placeholder ${token} has no value`);
    return value;
  });
}

/**
 * Relative paths of the template files, e.g. `src/tool.ts.tmpl`.
 * @returns {string[]}
 */
export function templateFiles() {
  return readdirSync(TEMPLATE_DIR, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile() && entry.name.endsWith('.tmpl'))
    .map((entry) => path.relative(TEMPLATE_DIR, path.join(entry.parentPath, entry.name)))
    .sort();
}

/**
 * Writes the package; returns the paths written, relative to `root`.
 * @param {import('./names.mjs').ServerNames} names
 * @param {string} root the repository root
 * @returns {string[]}
 */
export function scaffold(names, root) {
  const target = path.join(root, names.dir);
  if (existsSync(target)) throw new Error(`${names.dir} already exists`);
  const values = placeholders(names);
  const written = [];
  for (const file of templateFiles()) {
    const out = path.join(target, file.slice(0, -'.tmpl'.length));
    mkdirSync(path.dirname(out), { recursive: true });
    writeFileSync(out, fill(readFileSync(path.join(TEMPLATE_DIR, file), 'utf8'), values));
    written.push(path.relative(root, out));
  }
  copyFileSync(path.join(root, 'LICENSE'), path.join(target, 'LICENSE'));
  written.push(path.join(names.dir, 'LICENSE'));
  return written;
}
