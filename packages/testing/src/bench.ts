/**
 * Building blocks for `pnpm bench` scripts: interleaved ratio measurements against a baseline
 * measured in the same run, cold starts, peak memory and CPU time, servers spawned over HTTP, a
 * plain-text table, the JSON report, and `runBench`, the skeleton every server's bench fills in.
 * Benchmarks report figures and verdicts; they never fail a build on timing.
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import * as path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import type { CallToolResult } from '@modelcontextprotocol/client';
import { SIGNED_STATE_FLAG } from './baseline-signed-state.js';
import { type HttpServerProcess, spawnHttpServer } from './http-server-process.js';
import { connectStdio, type Era, type MockHost, type MockHostOptions, type StdioMockHost } from './mock-host.js';
import type { ServerCommand } from './tapped-stdio-transport.js';

export type { HttpServerProcess } from './http-server-process.js';

/**
 * The two servers a server package's bench spawns, from the bench script's `import.meta.url`
 * (`<package>/bench/bench.mjs`): `kit`, the package's built bin (`dist/bin.js`), and `baseline`,
 * the hand-written SDK-only server next to the script (`bench/baseline-server.mjs`; a bench without
 * one uses `kit` only).
 */
export function benchServers(benchUrl: string): { kit: ServerCommand; baseline: ServerCommand } {
  const benchDir = path.dirname(fileURLToPath(benchUrl));
  return {
    kit: { command: process.execPath, args: [path.resolve(benchDir, '..', 'dist', 'bin.js')] },
    baseline: { command: process.execPath, args: [path.join(benchDir, 'baseline-server.mjs')] },
  };
}

/**
 * `servers` with the baseline started with `--signed-state`: on 2026-07-28 it signs the step it
 * asks for and checks it on the retry, by hand with node:crypto, as the kit must.
 */
export function withSignedBaseline(servers: { kit: ServerCommand; baseline: ServerCommand }) {
  return { ...servers, baseline: { ...servers.baseline, args: [...(servers.baseline.args ?? []), SIGNED_STATE_FLAG] } };
}

/**
 * Spawns the kit and the baseline, each with a host of `options` (the same era and script), runs
 * `measure` on the two hosts, checks that neither server wrote anything but JSON-RPC to stdout,
 * and closes both.
 */
export async function withKitAndBaseline<T>(
  servers: { kit: ServerCommand; baseline: ServerCommand },
  options: MockHostOptions & { era: Era },
  problems: string[],
  measure: (kitHost: StdioMockHost, baseHost: StdioMockHost) => Promise<T>,
): Promise<T> {
  const kitHost = await connectStdio(servers.kit, options);
  try {
    const baseHost = await connectStdio(servers.baseline, options);
    try {
      const figures = await measure(kitHost, baseHost);
      checkStdout(kitHost, `kit ${options.era}`, problems);
      checkStdout(baseHost, `baseline ${options.era}`, problems);
      return figures;
    } finally {
      await baseHost.close();
    }
  } finally {
    await kitHost.close();
  }
}

/** One `tools/call` that must succeed: an `isError` result throws, with its content. */
export async function call(
  host: MockHost,
  tool: string,
  args: Record<string, unknown>,
  timeout = 120_000,
): Promise<CallToolResult> {
  const result = await host.callTool(tool, args, { timeout });
  if (result.isError) throw new Error(`${tool} failed: ${JSON.stringify(result.content)}`);
  return result;
}

/**
 * Whether the kit's and the baseline's hosts last received the same sampling request, compared as
 * JSON of the params without `_meta` (the SDK's 2025 shim adds a progress token of its own to the
 * baseline's pushed request), and the size of the kit's in UTF-8 bytes.
 */
export function compareLastRequests(kitHost: MockHost, baseHost: MockHost): { identical: boolean; requestBytes: number } {
  const paramsOf = (host: MockHost) => {
    const { _meta: _added, ...params } = host.requests.at(-1)?.params ?? {};
    return JSON.stringify(params);
  };
  const kit = paramsOf(kitHost);
  return { identical: kit === paramsOf(baseHost), requestBytes: Buffer.byteLength(kit, 'utf8') };
}

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

/** How many timed calls each side of a comparison makes, after how many warm-up calls, in blocks of how many. */
export interface InterleaveCounts {
  calls: number;
  warmup: number;
  block: number;
}

/**
 * Time `subject` against `baseline` in alternating blocks (subject first, then baseline first, …).
 * Neighbouring blocks share the machine's state, so slow drift and noisy neighbours cancel out of
 * each pair's ratio; the reported ratio is the median of those.
 */
export async function compareInterleaved(
  options: InterleaveCounts & { subject: () => Promise<unknown>; baseline: () => Promise<unknown> },
): Promise<Comparison> {
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

/** `compareInterleaved` with the kit as subject: its figures under `kit` and `baseline`. */
export async function compareKitWithBaseline(
  options: InterleaveCounts & { kit: () => Promise<unknown>; baseline: () => Promise<unknown> },
): Promise<Omit<Comparison, 'subject' | 'baseline'> & { kit: LatencyStats; baseline: LatencyStats }> {
  const { kit, baseline, ...rest } = options;
  const { subject, baseline: base, ...figures } = await compareInterleaved({ subject: kit, baseline, ...rest });
  return { ...figures, kit: subject, baseline: base };
}

/** Outcome of `throughput`. */
export interface ThroughputRun {
  callsPerSecond: number;
  /** The most calls that were in flight at once, as the client saw them. */
  maxInFlight: number;
}

/**
 * Calls per second of `calls` calls of `run` with `inFlight` of them in flight at a time: each of
 * `inFlight` workers starts the next call as soon as its last one ends, so the pipe never runs dry.
 */
export async function throughput(run: () => Promise<unknown>, calls: number, inFlight: number): Promise<ThroughputRun> {
  let started = 0;
  let active = 0;
  let maxInFlight = 0;
  const worker = async () => {
    while (started < calls) {
      started += 1;
      active += 1;
      maxInFlight = Math.max(maxInFlight, active);
      await run();
      active -= 1;
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: Math.min(inFlight, calls) }, worker));
  return { callsPerSecond: (calls * 1000) / (performance.now() - start), maxInFlight };
}

/** One side of a throughput comparison. */
export interface ThroughputStats {
  /** Median over the runs. */
  callsPerSecond: number;
  /** Every run, in order. */
  runs: number[];
}

/** Outcome of `compareThroughput`. */
export interface ThroughputComparison {
  calls: number;
  inFlight: number;
  kit: ThroughputStats;
  baseline: ThroughputStats;
  /** Median over run pairs of (kit calls/s / baseline calls/s): above 1, the kit is faster. */
  ratio: number;
  /** The most calls in flight at once in any run (should equal `inFlight`). */
  maxInFlight: number;
}

/**
 * Throughput of the kit against a baseline, each on its own open connection: `warmup` calls each
 * at the same concurrency, then `runs` pairs of runs of `calls` calls, alternating which side goes
 * first so that drift and noisy neighbours cancel out of each pair's ratio.
 */
export async function compareThroughput(options: {
  kit: () => Promise<unknown>;
  baseline: () => Promise<unknown>;
  calls: number;
  inFlight: number;
  runs: number;
  warmup: number;
}): Promise<ThroughputComparison> {
  const { kit, baseline, calls, inFlight, runs, warmup } = options;
  await throughput(kit, warmup, inFlight);
  await throughput(baseline, warmup, inFlight);
  const rates = { kit: [] as number[], baseline: [] as number[] };
  const pairRatios: number[] = [];
  let maxInFlight = 0;
  for (let pair = 0; pair < runs; pair += 1) {
    const order = pair % 2 === 0 ? (['kit', 'baseline'] as const) : (['baseline', 'kit'] as const);
    for (const who of order) {
      const run = await throughput(who === 'kit' ? kit : baseline, calls, inFlight);
      rates[who].push(run.callsPerSecond);
      maxInFlight = Math.max(maxInFlight, run.maxInFlight);
    }
    pairRatios.push((rates.kit.at(-1) as number) / (rates.baseline.at(-1) as number));
  }
  const stats = (values: number[]): ThroughputStats => ({ callsPerSecond: median(values), runs: values });
  return { calls, inFlight, kit: stats(rates.kit), baseline: stats(rates.baseline), ratio: median(pairRatios), maxInFlight };
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

/** A spawned server, named by its stdio host or by its process id. */
export type ServerProcess = StdioMockHost | number;

function pidOf(server: ServerProcess): number {
  const pid = typeof server === 'number' ? server : server.transport.pid;
  if (pid === undefined) throw new Error('the server process has not started');
  return pid;
}

/** Peak resident set (VmHWM) of a spawned server, in MiB, read from /proc (Linux). */
export function peakRssMiB(server: ServerProcess): number {
  const status = readFileSync(`/proc/${pidOf(server)}/status`, 'utf8');
  return Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]) / 1024;
}

/**
 * Peak RSS (VmHWM, MiB) of each server after the same load: a fresh process per run, `load` run on
 * its host, then its peak read before it closes. The servers take turns, as in `coldStarts`; the
 * figure per server is the median over `runs`.
 */
export async function peakRssAfterLoad(
  servers: Record<string, ServerCommand>,
  options: MockHostOptions & { era: Era },
  load: (host: StdioMockHost) => Promise<unknown>,
  runs: number,
): Promise<Record<string, number>> {
  const peaks: Record<string, number[]> = Object.fromEntries(Object.keys(servers).map((name) => [name, []]));
  for (let index = 0; index < runs; index += 1) {
    for (const [name, server] of Object.entries(servers)) {
      const host = await connectStdio(server, options);
      try {
        await load(host);
        peaks[name]?.push(peakRssMiB(host));
      } finally {
        await host.close();
      }
    }
  }
  return Object.fromEntries(Object.entries(peaks).map(([name, values]) => [name, median(values)]));
}

/**
 * CPU time (user + system) a spawned server has used so far, in milliseconds, from
 * `/proc/<pid>/stat` (Linux; clock ticks taken as the usual 100 Hz). Differences over many calls
 * give CPU per call, a steadier figure than latency when client and servers share few cores.
 */
export function cpuMs(server: ServerProcess): number {
  const fields =
    readFileSync(`/proc/${pidOf(server)}/stat`, 'utf8')
      .split(') ')[1]
      ?.split(' ') ?? [];
  return (Number(fields[11]) + Number(fields[12])) * 10;
}

/**
 * Spawns a server that serves HTTP (e.g. a bin with `--http --port 0`) and resolves once its stderr
 * names the endpoint; see `spawnHttpServer`.
 */
export function startHttpServer(server: ServerCommand, timeoutMs = 60_000): Promise<HttpServerProcess> {
  return spawnHttpServer({ ...server, env: { ...process.env, ...server.env } as Record<string, string> }, { timeoutMs });
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

/** `PASS` when `value >= target` (a figure where more is better, such as a throughput ratio), else `MISS`. */
export function verdictAtLeast(value: number, target: number): 'PASS' | 'MISS' {
  return value >= target ? 'PASS' : 'MISS';
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

/**
 * The table of a kit-versus-baseline bench: era, measure, kit, baseline, figure, target, result.
 * `add` writes figures; `check` writes a figure (3 decimals) against its upper bound with a verdict,
 * `checkAtLeast` against its lower bound.
 */
export function comparisonTable() {
  const rows: string[][] = [['era', 'measure', 'kit', 'baseline', 'figure', 'target', 'result']];
  return {
    add(era: string, measure: string, kit = '', baseline = '', figure = ''): void {
      rows.push([era, measure, kit, baseline, figure, '', '']);
    },
    check(era: string, measure: string, value: number, target: number): void {
      rows.push([era, measure, '', '', value.toFixed(3), `<= ${target}`, verdict(value, target)]);
    },
    checkAtLeast(era: string, measure: string, value: number, target: number): void {
      rows.push([era, measure, '', '', value.toFixed(3), `>= ${target}`, verdictAtLeast(value, target)]);
    },
    format: (): string => formatTable(rows),
  };
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

/** What every bench report holds; `runBench` fills it in. */
export interface BenchReport<Figures> {
  benchmark: string;
  date: string;
  machine: ReturnType<typeof machineInfo>;
  settings: Record<string, unknown>;
  targets: Record<string, number>;
  eras: Partial<Record<Era, Figures>>;
  verdicts: Partial<Record<Era, Record<string, 'PASS' | 'MISS'>>>;
  problems: string[];
  elapsedSeconds: number;
  /** `inputs` and the results of `afterEras`. */
  [more: string]: unknown;
}

/** One server's bench, as `runBench` runs it. */
export interface BenchSpec<Figures> {
  /** Heads the printout and names the report, `<repo>/.bench/<name>.json`. */
  name: string;
  /** The eras measured, in order. Default: both. */
  eras?: readonly Era[];
  settings: Record<string, unknown>;
  targets: Record<string, number>;
  /** Report fields written before the per-era figures, e.g. the size of the input. */
  inputs?: Record<string, unknown>;
  /** Measures one era; anything wrong but not fatal goes in `problems`. */
  measureEra(era: Era, problems: string[]): Promise<Figures>;
  /** Measured once after every era; the fields are added to the report. */
  afterEras?(problems: string[]): Promise<Record<string, unknown>>;
  /** The verdicts (`verdict(figure, target)`) of one era's figures. */
  verdicts(figures: Figures): Record<string, 'PASS' | 'MISS'>;
  /** The line under the heading: what runs against what, and how often. */
  describe(report: BenchReport<Figures>): string;
  /** The table of figures (see `comparisonTable` and `formatTable`). */
  table(report: BenchReport<Figures>): string;
}

/**
 * Runs a bench: measures each era in turn (progress on stderr), then prints the machine, the
 * description, the table and any problems to stdout and writes the figures to
 * `<repo>/.bench/<name>.json`. A MISS is reported, never turned into a failing exit code.
 */
export async function runBench<Figures>(spec: BenchSpec<Figures>): Promise<BenchReport<Figures>> {
  const started = performance.now();
  const date = new Date().toISOString();
  const machine = machineInfo();
  const problems: string[] = [];
  const eraList = spec.eras ?? (['2025', '2026-07-28'] as const);
  const eras: Partial<Record<Era, Figures>> = {};
  for (const era of eraList) {
    process.stderr.write(`bench: measuring era ${era}…\n`);
    eras[era] = await spec.measureEra(era, problems);
  }
  const after = await spec.afterEras?.(problems);
  const verdicts = Object.fromEntries(eraList.map((era) => [era, spec.verdicts(eras[era] as Figures)]));
  const report: BenchReport<Figures> = {
    benchmark: spec.name,
    date,
    machine,
    settings: spec.settings,
    targets: spec.targets,
    ...spec.inputs,
    eras,
    ...after,
    verdicts,
    problems,
    elapsedSeconds: (performance.now() - started) / 1000,
  };

  const print = (text: string) => process.stdout.write(`${text}\n`);
  print(`${spec.name} benchmark: ${machine.node}, ${machine.cpus} CPU(s), ${machine.cpuModel}, ${machine.platform}`);
  print(`${spec.describe(report)}\n`);
  print(spec.table(report));
  print(problems.length === 0 ? '\nproblems: none' : `\nproblems:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`);
  const written = writeBenchReport(spec.name, report);
  print(`\nfigures written to ${written} (${report.elapsedSeconds.toFixed(1)} s)`);
  return report;
}
