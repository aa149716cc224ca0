/**
 * `pnpm bench` for the install kit: what installing each server costs and how fast the installed
 * bin starts. Per server: `pnpm pack`, then `npm install <tarball>` into an empty directory
 * (tarball size, unpacked size, packages installed, bytes of node_modules); then the time of a cold
 * and a warm `npm install` of each tarball, interleaved with the same for
 * `@modelcontextprotocol/server-everything` from the public registry (the anchor); then cold starts
 * of the installed bin (spawn → first `tools/list` answer) in both eras, and the same cold start
 * for the MCP Bundle build, which needs no install. Writes `.bench/footprint.json`.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import type { ServerCommand } from '@mcp-sampling/testing';
import { coldStarts, machineInfo, verdict, writeBenchReport } from '@mcp-sampling/testing/bench';
import { catalogVersion, type InstallTarget, installTimes } from './install-times.js';
import { builtBin } from './list-tools.js';
import { BUNDLE_ENTRY } from './manifest.js';
import { buildBundle } from './mcpb.js';
import { footprintOf, npmInstall, pnpmPack } from './pack.js';
import { blankServerEnvironment } from './server-env.js';
import { allServers } from './servers.js';
import { textTable } from './text-table.js';

/** Spawns per server, era and build. */
const RUNS = 7;
const ERAS = ['2025', '2026-07-28'] as const;

/** Cold and warm installs per package, interleaved. */
const INSTALL_RUNS = 3;
/** The anchor: the reference MCP server, at the version the workspace already pins. */
const ANCHOR = '@modelcontextprotocol/server-everything';
/** Targets: a server's cold install at most this fraction of the anchor's, and one package. */
const COLD_INSTALL_TARGET = 0.35;
const PACKAGES_TARGET = 1;

const kib = (bytes: number): string => (bytes / 1024).toFixed(1);
const ms = (value: number): string => value.toFixed(1);

const work = await mkdtemp(path.join(tmpdir(), 'mcp-sampling-footprint-'));
try {
  const servers = allServers();
  for (const server of servers) builtBin(server);

  const installs = await Promise.all(
    servers.map(async (server) => {
      const packed = await pnpmPack(server.dir, path.join(work, 'tarballs'));
      const installDir = path.join(work, 'installs', server.name);
      const packageDir = await npmInstall(packed.tarball, installDir, server.packageName);
      const bundle = await buildBundle(server, path.join(work, 'bundles'));
      return {
        server,
        tarball: packed.tarball,
        footprint: await footprintOf(packed.tarball, installDir, packageDir),
        installed: path.join(packageDir, server.binPath),
        bundle,
      };
    }),
  );

  const anchor: InstallTarget = { label: 'server-everything', spec: `${ANCHOR}@${catalogVersion(ANCHOR)}`, packageName: ANCHOR };
  const timed = await installTimes(
    [anchor, ...installs.map(({ server, tarball }) => ({ label: server.name, spec: tarball, packageName: server.packageName }))],
    INSTALL_RUNS,
    path.join(work, 'timed'),
  );
  const anchorTimes = timed[anchor.label];
  if (anchorTimes === undefined) throw new Error('the anchor was not installed');
  const ratio = (value: number, of: number): string => `${(value / of).toFixed(2)}x`;
  const installRows = [
    ['package', 'packages', 'cold npm i ms', 'warm npm i ms', 'cold / anchor', 'warm / anchor', 'cold <= 0.35x', 'packages = 1'],
    ...Object.entries(timed).map(([label, times]) => {
      const isAnchor = label === anchor.label;
      return [
        isAnchor ? `${anchor.spec} (anchor)` : label,
        String(times.packages),
        ms(times.medianColdMs),
        ms(times.medianWarmMs),
        isAnchor ? '1.00x' : ratio(times.medianColdMs, anchorTimes.medianColdMs),
        isAnchor ? '1.00x' : ratio(times.medianWarmMs, anchorTimes.medianWarmMs),
        isAnchor ? '' : verdict(times.medianColdMs / anchorTimes.medianColdMs, COLD_INSTALL_TARGET),
        isAnchor ? '' : verdict(times.packages, PACKAGES_TARGET),
      ];
    }),
  ];

  const command = (bin: string): ServerCommand => ({ command: process.execPath, args: [bin], env: blankServerEnvironment() });
  const coldStart: Record<string, Record<string, Awaited<ReturnType<typeof coldStarts>>>> = {};
  for (const era of ERAS) {
    coldStart[era] = {
      installed: await coldStarts(Object.fromEntries(installs.map((i) => [i.server.name, command(i.installed)])), era, RUNS),
      bundle: await coldStarts(
        Object.fromEntries(installs.map((i) => [i.server.name, command(path.join(i.bundle.staged, BUNDLE_ENTRY))])),
        era,
        RUNS,
      ),
    };
  }

  const median = (era: string, build: string, name: string): number =>
    (coldStart[era]?.[build]?.[name] as { medianMs: number } | undefined)?.medianMs ?? Number.NaN;
  const rows = [
    [
      'server',
      'tarball KiB',
      'unpacked KiB',
      'packages',
      'node_modules KiB',
      'cold start ms (2025)',
      'cold start ms (2026)',
      '.mcpb KiB',
      '.mcpb cold start ms (2025)',
    ],
    ...installs.map(({ server, footprint, bundle }) => [
      server.name,
      kib(footprint.tarballBytes),
      kib(footprint.unpackedBytes),
      String(footprint.packages),
      kib(footprint.nodeModulesBytes),
      ms(median('2025', 'installed', server.name)),
      ms(median('2026-07-28', 'installed', server.name)),
      kib(bundle.bytes),
      ms(median('2025', 'bundle', server.name)),
    ]),
  ];
  const report = {
    machine: machineInfo(),
    method:
      'pnpm pack; npm install <tarball> into an empty directory (public registry); cold start = spawn → first tools/list ' +
      `answer, median of ${RUNS} runs per era, of the installed bin and of the .mcpb build; install times: per run, ` +
      `each package in turn (${ANCHOR} first), npm install into an empty folder with an empty cache of its own (cold), ` +
      `then with that cache into another empty folder (warm), median of ${INSTALL_RUNS} runs`,
    servers: Object.fromEntries(
      installs.map(({ server, footprint, bundle }) => [
        server.name,
        {
          package: `${server.packageName}@${server.version}`,
          ...footprint,
          bundleBytes: bundle.bytes,
          bundleUnpackedBytes: bundle.unpackedBytes,
        },
      ]),
    ),
    install: {
      anchor: anchor.spec,
      targets: { coldInstallRatio: COLD_INSTALL_TARGET, packages: PACKAGES_TARGET },
      times: timed,
    },
    coldStart,
  };
  const written = writeBenchReport('footprint', report);
  process.stdout.write(
    `Install footprint and cold start (${RUNS} runs each)\n\n${textTable(rows)}\n\n` +
      `npm install, cold and warm, median of ${INSTALL_RUNS} interleaved runs, against ${anchor.spec} ` +
      `(targets: cold install <= ${COLD_INSTALL_TARGET}x, packages installed: ${PACKAGES_TARGET})\n\n${textTable(installRows)}\n\n` +
      `written to ${written}\n`,
  );
} finally {
  await rm(work, { recursive: true, force: true });
}
