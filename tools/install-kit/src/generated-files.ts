/**
 * Every file the install kit generates, with the content it should have: per server, the README
 * (its install section), server.json and manifest.json. `generate` writes them; the tests compare.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { installSection, withInstallSection } from './install-section.js';
import { listTools } from './list-tools.js';
import { bundleManifest } from './manifest.js';
import { prettyJson } from './markdown.js';
import { serverJson } from './server-json.js';
import { serverJsonProblems } from './server-json-schema.js';
import type { ServerInfo } from './servers.js';

/** One generated file. */
export interface GeneratedFile {
  /** Absolute path. */
  path: string;
  /** What the file should contain. */
  expected: string;
}

const jsonFile = (value: unknown): string => `${prettyJson(value)}\n`;

/** The generated files of one server (lists its tools through the built bin). */
export async function generatedFiles(server: ServerInfo): Promise<GeneratedFile[]> {
  const readmePath = path.join(server.dir, 'README.md');
  const readme = readFileSync(readmePath, 'utf8');
  const registryEntry = serverJson(server);
  const problems = serverJsonProblems(registryEntry);
  if (problems.length > 0) throw new Error(`${server.name}: server.json breaks the registry's rules:\n${problems.join('\n')}`);
  return [
    { path: readmePath, expected: withInstallSection(readme, installSection(server)) },
    { path: path.join(server.dir, 'server.json'), expected: jsonFile(registryEntry) },
    { path: path.join(server.dir, 'manifest.json'), expected: jsonFile(bundleManifest(server, await listTools(server))) },
  ];
}
