/**
 * Building blocks for `pnpm bench` scripts: interleaved ratio measurements against a baseline
 * measured in the same run, cold starts, peak memory, a plain-text table and the JSON report.
 * Benchmarks report figures and verdicts; they never fail a build on timing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { connectStdio, type Era, type StdioMockHost } from './mock-host.js';
import type { ServerCommand } from './tapped-stdio-transport.js';

/** Median of `values` (interpolated). */
export function median(values: number[]): number {
  return quantile(values, 0.5);
}

/** Quantile by linear interpolation between closest ranks; `q` in 0..1. */
export function quantile(values: number[], q: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return (sorted[low] as number) + ((sorted[high] as number) - (sorted[low] as number)) * (position - low);
}

/** Latency summary of one side of a comparison. */
export interface LatencyStats {
  medianMs: number;
  p90Ms: number;
}

/** Outcome of `compareInterleaved`. */
export interface Comparison {
  calls: number;
  warmup: number;
  subject: LatencyStats;
  baseline: LatencyStats;
  /** Median over block pairs of (subject block median / baseline block median). */
  ratio: number;
  blockPairs: number;
}

/**
 * Time `subject` against `baseline` in alternating blocks (subject first, then baseline first, …).
 * Neighbouring blocks share the machine's state, so slow drift and noisy neighbours cancel out of
 * each pair's ratio; the reported ratio is the median of those.
 */
export async function compareInterleaved(options: {
  subject: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
  calls: number;
  warmup: number;
  block: number;
}): Promise<Comparison> {
  const { subject, baseline, calls, warmup, block } = options;
  for (let index = 0; index < warmup; index += 1) {
    await subject();
    await baseline();
  }
  const times = { subject: [] as number[], baseline: [] as number[] };
  const pairRatios: number[] = [];
  for (let done = 0; done < calls; done += block) {
    const order = (done / block) % 2 === 0 ? (['subject', 'baseline'] as const) : (['baseline', 'subject'] as const);
    const blockMedians = { subject: 0, baseline: 0 };
    for (const who of order) {
      const run = who === 'subject' ? subject : baseline;
      const blockTimes: number[] = [];
      for (let index = 0; index < block; index += 1) {
        const start = performance.now();
        await run();
        blockTimes.push(performance.now() - start);
      }
      times[who].push(...blockTimes);
      blockMedians[who] = median(blockTimes);
    }
    pairRatios.push(blockMedians.subject / blockMedians.baseline);
  }
  const stats = (values: number[]): LatencyStats => ({ medianMs: median(values), p90Ms: quantile(values, 0.9) });
  return {
    calls,
    warmup,
    subject: stats(times.subject),
    baseline: stats(times.baseline),
    ratio: median(pairRatios),
    blockPairs: pairRatios.length,
  };
}

/** Spread of repeated timings. */
export interface TimingSpread {
  medianMs: number;
  minMs: number;
  maxMs: number;
}

function spreadOf(values: number[]): TimingSpread {
  return { medianMs: median(values), minMs: Math.min(...values), maxMs: Math.max(...values) };
}

/**
 * Cold start: spawn → connect → first `tools/list` answer, a fresh process each run. With several
 * servers, they take turns so each sees the same machine state.
 */
export async function coldStarts(
  servers: Record<string, ServerCommand>,
  era: Era,
  runs: number,
): Promise<Record<string, TimingSpread> & { runs: number }> {
  const times: Record<string, number[]> = Object.fromEntries(Object.keys(servers).map((name) => [name, []]));
  for (let index = 0; index < runs; index += 1) {
    for (const [name, server] of Object.entries(servers)) {
      const start = performance.now();
      const host = await connectStdio(server, { era });
      try {
        const { tools } = await host.client.listTools();
        times[name]?.push(performance.now() - start);
        if (tools.length === 0) throw new Error(`${name}: no tools listed`);
      } finally {
        await host.close();
      }
    }
  }
  return Object.assign(Object.fromEntries(Object.entries(times).map(([name, values]) => [name, spreadOf(values)])), { runs });
}

/** Peak resident set (VmHWM) of a spawned server, in MiB, read from /proc (Linux). */
export function peakRssMiB(host: StdioMockHost): number {
  const status = readFileSync(`/proc/${host.transport.pid}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]) / 1024;
}

/** Adds a problem when a spawned server wrote anything but JSON-RPC to stdout. */
export function checkStdout(host: StdioMockHost, label: string, problems: string[]): void {
  const stray = host.transport.strayStdoutLines.length;
  if (stray > 0) problems.push(`${label}: ${stray} non-JSON-RPC line(s) on stdout`);
}

/** The machine a benchmark ran on. */
export function machineInfo(): { cpus: number; cpuModel: string; node: string; platform: string } {
  const cpuinfo = existsSync('/proc/cpuinfo') ? readFileSync('/proc/cpuinfo', 'utf8') : '';
  return {
    cpus: availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

/** `PASS` when `value <= target`, else `MISS`. */
export function verdict(value: number, target: number): 'PASS' | 'MISS' {
  return value <= target ? 'PASS' : 'MISS';
}

/**
 * A plain-text table: first row is the header; columns from `rightFrom` on are right-aligned; a
 * rule separates groups whose first cell differs.
 */
export function formatTable(rows: string[][], rightFrom = 2): string {
  const header = rows[0] ?? [];
  const widths = header.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length)));
  const line = (row: string[]) =>
    row
      .map((cell, column) => (column >= rightFrom ? cell.padStart(widths[column] ?? 0) : cell.padEnd(widths[column] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const out = [line(header), rule];
  rows.slice(1).forEach((row, index) => {
    if (index > 0 && row[0] !== rows[index]?.[0]) out.push(rule);
    out.push(line(row));
  });
  return out.join('\n');
}

/** Every number rounded to 3 decimals, for the JSON report. */
function tidy(value: unknown): unknown {
  if (typeof value === 'number') return Number.isInteger(value) ? value : Math.round(value * 1000) / 1000;
  if (Array.isArray(value)) return value.map(tidy);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tidy(v)]));
  return value;
}

/** The monorepo root: the nearest directory above `from` holding pnpm-workspace.yaml. */
export function repoRoot(from = process.cwd()): string {
  let dir = path.resolve(from);
  while (!existsSync(path.join(dir, 'pnpm-workspace.yaml'))) {
    const parent = path.dirname(dir);
    if (parent === dir) return path.resolve(from);
    dir = parent;
  }
  return dir;
}

/** Writes `<repo>/.bench/<name>.json` (numbers tidied) and returns its path relative to the repo. */
export function writeBenchReport(name: string, report: unknown): string {
  const root = repoRoot();
  const outDir = path.join(root, '.bench');
  mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, `${name}.json`);
  writeFileSync(outFile, `${JSON.stringify(tidy(report), null, 2)}\n`);
  return path.relative(root, outFile);
}
