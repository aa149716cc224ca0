/**
 * The changesets configuration matches the workspace: every private package is ignored and nothing
 * else is, and every workspace package a server's published bundle inlines versions with it.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { allServers, REPO_ROOT } from '../src/servers.js';

interface WorkspacePackage {
  name: string;
  private?: boolean;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
}

const config = JSON.parse(readFileSync(path.join(REPO_ROOT, '.changeset', 'config.json'), 'utf8')) as {
  fixed: string[][];
  ignore: string[];
  access: string;
};

const workspace: WorkspacePackage[] = ['packages', 'apps', 'tools'].flatMap((group) =>
  readdirSync(path.join(REPO_ROOT, group), { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => path.join(REPO_ROOT, group, entry.name, 'package.json'))
    .map((file) => JSON.parse(readFileSync(file, 'utf8')) as WorkspacePackage),
);
const byName = new Map(workspace.map((pkg) => [pkg.name, pkg]));

/** The workspace packages a server's bundle inlines: its own, and theirs, minus the test tooling. */
function inlinedInto(server: WorkspacePackage): string[] {
  const found = new Set<string>();
  const visit = (names: string[]) => {
    for (const name of names) {
      if (!name.startsWith('@mcp-sampling/') || name === '@mcp-sampling/testing' || found.has(name)) continue;
      found.add(name);
      visit(Object.keys(byName.get(name)?.dependencies ?? {}));
    }
  };
  visit([...Object.keys(server.dependencies ?? {}), ...Object.keys(server.devDependencies ?? {})]);
  return [...found].sort();
}

describe('.changeset/config.json', () => {
  it('ignores exactly the private workspace packages, and publishes the rest publicly', () => {
    const privates = workspace.filter((pkg) => pkg.private === true).map((pkg) => pkg.name);
    expect([...config.ignore].sort()).toEqual(privates.sort());
    expect(privates).toEqual(expect.arrayContaining(['@mcp-sampling/host', '@mcp-sampling/install-kit']));
    expect(config.access).toBe('public');
  });

  it.each(allServers().map((server) => [server.packageName]))('versions %s with every package its bundle inlines', (name) => {
    const server = byName.get(name) as WorkspacePackage;
    const inlined = inlinedInto(server);
    expect(inlined).toContain('@mcp-sampling/kit');
    const group = config.fixed.find((names) => names.includes(name)) ?? [];
    expect(group).toEqual(expect.arrayContaining([name, ...inlined]));
  });
});
