/**
 * How long `npm install` takes, cold and warm, for each of several packages, measured interleaved:
 * each run installs every package in turn, first with an npm cache of its own that starts empty
 * (cold: every package is downloaded), then again with that same cache into a new empty folder
 * (warm: what a second `npx` on the same machine pays). For the footprint bench, which compares
 * the servers with an outside anchor installed the same way in the same run.
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import * as path from 'node:path';
import { median } from '@mcp-sampling/testing/bench';
import { npmInstall, packageDirs } from './pack.js';
import { REPO_ROOT } from './servers.js';

/** One package to install: a tarball path or a registry spec (`name@version`). */
export interface InstallTarget {
  label: string;
  spec: string;
  packageName: string;
}

/** The installs of one package over every run. */
export interface InstallTimes {
  coldMs: number[];
  warmMs: number[];
  medianColdMs: number;
  medianWarmMs: number;
  /** Packages in `node_modules` after the cold install of the first run, the package itself included. */
  packages: number;
}

/**
 * Installs each target `runs` times, cold then warm, interleaved as described above, in `work`
 * (every folder and cache is removed once measured).
 */
export async function installTimes(
  targets: readonly InstallTarget[],
  runs: number,
  work: string,
): Promise<Record<string, InstallTimes>> {
  const times = new Map(targets.map((target) => [target.label, { coldMs: [] as number[], warmMs: [] as number[], packages: 0 }]));
  for (let run = 0; run < runs; run += 1) {
    for (const target of targets) {
      const found = times.get(target.label) as { coldMs: number[]; warmMs: number[]; packages: number };
      const base = path.join(work, `install-${run}-${target.label.replace(/[^a-z0-9-]/gi, '_')}`);
      const cache = path.join(base, 'cache');
      const cold = await timedInstall(target, path.join(base, 'cold'), cache);
      const warm = await timedInstall(target, path.join(base, 'warm'), cache);
      found.coldMs.push(cold);
      found.warmMs.push(warm);
      if (run === 0) found.packages = (await packageDirs(path.join(base, 'cold', 'node_modules'))).length;
      await rm(base, { recursive: true, force: true });
    }
  }
  return Object.fromEntries(
    [...times].map(([label, found]) => [
      label,
      { ...found, medianColdMs: median(found.coldMs), medianWarmMs: median(found.warmMs) },
    ]),
  );
}

async function timedInstall(target: InstallTarget, dir: string, cache: string): Promise<number> {
  const started = performance.now();
  await npmInstall(target.spec, dir, target.packageName, { cache });
  return performance.now() - started;
}

/** The version the workspace catalog (pnpm-workspace.yaml) pins `name` to. */
export function catalogVersion(name: string): string {
  const workspace = readFileSync(path.join(REPO_ROOT, 'pnpm-workspace.yaml'), 'utf8');
  const escaped = name.replace(/[/.@-]/g, '\\$&');
  const version = new RegExp(`^\\s+'?${escaped}'?:\\s*(\\S+)\\s*$`, 'm').exec(workspace)?.[1];
  if (version === undefined) throw new Error(`pnpm-workspace.yaml: the catalog pins no version of ${name}`);
  return version;
}
