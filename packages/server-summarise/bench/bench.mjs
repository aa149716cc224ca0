/**
 * `pnpm bench` for the summarise server: the built bin (dist/bin.js, kit-based) against a
 * hand-written SDK-only baseline (bench/baseline-server.mjs), both spawned over stdio, on both
 * protocol eras. Measures:
 *   (a) single-sample `summarise` latency per call, kit vs baseline (instant host);
 *   (b) fan-out of a 400,000-char text with a 200 ms-per-sample host: kit wall time vs its
 *       round floor, and vs the baseline sampling the same chunks one after another;
 *   (c) cold start (spawn → first tools/list answer) and the server's peak RSS.
 * Prints a table to stdout and writes the figures to <repo>/.bench/summarise.json.
 * A MISS is reported, never turned into a failing exit code.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { connectStdio, reply } from '@mcp-sampling/testing';
import { chunkText } from '../dist/chunking.js';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const repoDir = path.resolve(packageDir, '../..');
const KIT_BIN = path.join(packageDir, 'dist', 'bin.js');
const BASELINE_BIN = path.join(here, 'baseline-server.mjs');
const KIT = { command: process.execPath, args: [KIT_BIN] };
const BASELINE = { command: process.execPath, args: [BASELINE_BIN] };

const ERAS = ['2025', '2026-07-28'];
const WARMUP_CALLS = 100;
const TIMED_CALLS = 2000;
const BLOCK = 50;
const SAMPLE_MS = 200;
const FANOUT_CHARS = 400_000;
const COLD_STARTS = 10;
const TARGETS = { singleRatio: 1.15, fanoutRatio: 1.3 };

// ---------------------------------------------------------------- deterministic texts

/** A small deterministic pseudo-random generator (LCG), so every run sees the same text. */
function lcg(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32;
  };
}

const SUBJECTS = [
  'The harbour board',
  'The orchard cooperative',
  'The railway trust',
  'The county library',
  'The observatory staff',
  'The market committee',
  'The bridge engineers',
  'The village school',
  'The river authority',
  'The town council',
  'A group of residents',
  'The museum volunteers',
  'The ferry company',
  'The hospital governors',
  'The water works',
];
const VERBS = [
  'reported',
  'approved',
  'postponed',
  'reviewed',
  'rejected',
  'published',
  'funded',
  'questioned',
  'completed',
  'proposed',
];
const OBJECTS = [
  'a plan to repair the eastern sea wall',
  'the annual budget for maintenance',
  'a survey of visitor numbers',
  'new opening hours for the winter months',
  'a study of flooding along the lower river',
  'the purchase of two new boilers',
  'a scheme to replant the old orchard',
  'a timetable for the evening trains',
  'a proposal to digitise the archive',
  'the results of the spring inspection',
  'a request for additional staff',
  'an agreement with the neighbouring parish',
];
const CLAUSES = [
  'after a long discussion',
  'despite objections from two members',
  'with the support of local businesses',
  'following a public consultation',
  'because costs had risen sharply',
  'once the weather had improved',
  'at the request of the regional office',
  'in time for the summer season',
];
const MONTHS = ['January', 'March', 'April', 'June', 'August', 'September', 'October', 'December'];

function sentence(random) {
  const pick = (list) => list[Math.floor(random() * list.length)];
  const amount = 100 + Math.floor(random() * 99_900);
  switch (Math.floor(random() * 4)) {
    case 0:
      return `${pick(SUBJECTS)} ${pick(VERBS)} ${pick(OBJECTS)} ${pick(CLAUSES)}.`;
    case 1:
      return `In ${pick(MONTHS)} ${1990 + Math.floor(random() * 35)}, ${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)} ${pick(OBJECTS)}, at a cost of ${amount.toLocaleString('en')} pounds.`;
    case 2:
      return `According to the minutes, ${pick(SUBJECTS).toLowerCase()} ${pick(VERBS)} ${pick(OBJECTS)}; the vote was ${3 + Math.floor(random() * 9)} to ${Math.floor(random() * 4)}.`;
    default:
      return `Was it wise? ${pick(SUBJECTS)} thought so, and ${pick(VERBS)} ${pick(OBJECTS)} ${pick(CLAUSES)}.`;
  }
}

function paragraphOf(random) {
  const count = 3 + Math.floor(random() * 7);
  return Array.from({ length: count }, () => sentence(random)).join(' ');
}

/** A document of exactly `chars` characters or a little less (cut after the last full sentence). */
function documentOf(chars, seed) {
  const random = lcg(seed);
  const paragraphs = [];
  let length = 0;
  while (length < chars) {
    const next = paragraphOf(random);
    paragraphs.push(next);
    length += next.length + 2;
  }
  const text = paragraphs.join('\n\n').slice(0, chars);
  return text.slice(0, text.lastIndexOf('.') + 1);
}

const SHORT_TEXT = documentOf(600, 7);
const LONG_TEXT = documentOf(FANOUT_CHARS, 42);

// ---------------------------------------------------------------- helpers

const INSTANT = reply.text('A short summary.');
const SLOW = reply.delay(SAMPLE_MS, reply.text('A short summary.'));

async function call(host, name, args) {
  const result = await host.callTool(name, args, { timeout: 120_000 });
  if (result.isError) throw new Error(`${name} failed: ${JSON.stringify(result.content)}`);
  return result;
}

function median(values) {
  return quantile(values, 0.5);
}

/** Quantile by linear interpolation between closest ranks. */
function quantile(values, q) {
  const sorted = [...values].sort((a, b) => a - b);
  const position = (sorted.length - 1) * q;
  const low = Math.floor(position);
  const high = Math.ceil(position);
  return sorted[low] + (sorted[high] - sorted[low]) * (position - low);
}

const round3 = (value) => Math.round(value * 1000) / 1000;

/** Peak resident set (VmHWM) of a server process, in MiB, read from /proc. */
function peakRssMiB(host) {
  const status = readFileSync(`/proc/${host.transport.pid}/status`, 'utf8');
  const kib = Number(/^VmHWM:\s+(\d+)\s+kB/m.exec(status)?.[1]);
  return kib / 1024;
}

function checkStdout(host, label, problems) {
  if (host.transport.strayStdoutLines.length > 0) {
    problems.push(`${label}: ${host.transport.strayStdoutLines.length} non-JSON-RPC line(s) on stdout`);
  }
}

// ---------------------------------------------------------------- measurements

/**
 * (a) single-sample latency, kit and baseline interleaved in alternating blocks. The ratio is the
 * median over block pairs of (kit block median / baseline block median): neighbouring blocks share
 * the machine's state, so slow drift and noisy neighbours cancel out of each pair.
 */
async function singleSample(kitHost, baseHost) {
  const args = { text: SHORT_TEXT };
  for (let index = 0; index < WARMUP_CALLS; index += 1) {
    await call(kitHost, 'summarise', args);
    await call(baseHost, 'summarise', args);
  }
  const times = { kit: [], baseline: [] };
  const pairRatios = [];
  for (let done = 0; done < TIMED_CALLS; done += BLOCK) {
    const order = (done / BLOCK) % 2 === 0 ? ['kit', 'baseline'] : ['baseline', 'kit'];
    const blockMedians = {};
    for (const who of order) {
      const host = who === 'kit' ? kitHost : baseHost;
      const block = [];
      for (let index = 0; index < BLOCK; index += 1) {
        const start = performance.now();
        const result = await call(host, 'summarise', args);
        block.push(performance.now() - start);
        if (result.structuredContent?.summary !== 'A short summary.') throw new Error(`${who}: unexpected summary`);
      }
      times[who].push(...block);
      blockMedians[who] = median(block);
    }
    pairRatios.push(blockMedians.kit / blockMedians.baseline);
  }
  const kit = { medianMs: median(times.kit), p90Ms: quantile(times.kit, 0.9) };
  const baseline = { medianMs: median(times.baseline), p90Ms: quantile(times.baseline, 0.9) };
  return { calls: TIMED_CALLS, warmup: WARMUP_CALLS, kit, baseline, ratio: median(pairRatios), blockPairs: pairRatios.length };
}

/** (b) one kit fan-out call on the long text, with a 200 ms-per-sample host. */
async function fanOutKit(kitHost, chunks) {
  kitHost.setScript(SLOW);
  kitHost.reset();
  const start = performance.now();
  const result = await call(kitHost, 'summarise', { text: LONG_TEXT });
  const wallMs = performance.now() - start;
  const structured = result.structuredContent;
  if (structured.chunks !== chunks.length) throw new Error(`kit used ${structured.chunks} chunks, expected ${chunks.length}`);
  const hostRounds = kitHost.rounds;
  return {
    wallMs,
    hostRounds,
    provenanceRounds: structured.provenance.rounds,
    samples: kitHost.requests.length,
    floorMs: hostRounds * SAMPLE_MS,
    ratio: wallMs / (hostRounds * SAMPLE_MS),
  };
}

/** (b) the baseline samples the same chunks one after another. */
async function fanOutSequential(era, chunks, problems) {
  // One round per chunk needs more than the SDK client's default of 10 input_required rounds.
  const host = await connectStdio(BASELINE, { era, script: SLOW, maxRounds: 100 });
  try {
    const start = performance.now();
    const result = await call(host, 'summarise_sequential', { chunks });
    const wallMs = performance.now() - start;
    if (result.structuredContent?.summaries?.length !== chunks.length) throw new Error('sequential: wrong answer count');
    checkStdout(host, `baseline ${era} (sequential)`, problems);
    return { wallMs, rounds: host.rounds, samples: host.requests.length, floorMs: host.rounds * SAMPLE_MS };
  } finally {
    await host.close();
  }
}

/** (c) spawn → connect → first tools/list answer, fresh process each time; kit and baseline alternate. */
async function coldStarts(era) {
  const times = { kit: [], baseline: [] };
  for (let index = 0; index < COLD_STARTS; index += 1) {
    for (const [who, server] of [
      ['kit', KIT],
      ['baseline', BASELINE],
    ]) {
      const start = performance.now();
      const host = await connectStdio(server, { era });
      const { tools } = await host.client.listTools();
      times[who].push(performance.now() - start);
      if (tools.length === 0) throw new Error(`${who}: no tools listed`);
      await host.close();
    }
  }
  return {
    runs: COLD_STARTS,
    kit: { medianMs: median(times.kit), minMs: Math.min(...times.kit), maxMs: Math.max(...times.kit) },
    baseline: { medianMs: median(times.baseline), minMs: Math.min(...times.baseline), maxMs: Math.max(...times.baseline) },
  };
}

async function measureEra(era, chunks, problems) {
  const kitHost = await connectStdio(KIT, { era, script: INSTANT });
  const baseHost = await connectStdio(BASELINE, { era, script: INSTANT });
  let single;
  let kitFanOut;
  let rss;
  try {
    single = await singleSample(kitHost, baseHost);
    kitFanOut = await fanOutKit(kitHost, chunks);
    // The baseline's peak RSS after the same kind of load: (a), then one 400k summarise (one sample).
    await call(baseHost, 'summarise', { text: LONG_TEXT });
    rss = { kitMiB: peakRssMiB(kitHost), baselineMiB: peakRssMiB(baseHost) };
    if (kitFanOut.hostRounds !== kitFanOut.provenanceRounds) {
      problems.push(`${era}: host saw ${kitFanOut.hostRounds} rounds, provenance says ${kitFanOut.provenanceRounds}`);
    }
    checkStdout(kitHost, `kit ${era}`, problems);
    checkStdout(baseHost, `baseline ${era}`, problems);
  } finally {
    await kitHost.close();
    await baseHost.close();
  }
  const sequential = await fanOutSequential(era, chunks, problems);
  const coldStart = await coldStarts(era);
  return {
    single,
    fanOut: { kit: kitFanOut, sequential, speedup: sequential.wallMs / kitFanOut.wallMs },
    coldStart,
    peakRss: rss,
  };
}

// ---------------------------------------------------------------- report

function machine() {
  const cpuinfo = readFileSync('/proc/cpuinfo', 'utf8');
  return {
    cpus: availableParallelism(),
    cpuModel: /^model name\s*:\s*(.+)$/m.exec(cpuinfo)?.[1]?.trim() ?? 'unknown',
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
  };
}

const verdict = (value, target) => (value <= target ? 'PASS' : 'MISS');
const ms = (value) => value.toFixed(1);
const ms2 = (value) => value.toFixed(2);

function table(report) {
  const rows = [['era', 'measure', 'kit', 'baseline', 'figure', 'target', 'result']];
  for (const era of ERAS) {
    const r = report.eras[era];
    const { single: s, fanOut: f, coldStart: c, peakRss: rss } = r;
    const add = (measure, kit = '', baseline = '', figure = '', target = '', result = '') =>
      rows.push([era, measure, kit, baseline, figure, target, result]);
    add('single sample: median ms/call', ms2(s.kit.medianMs), ms2(s.baseline.medianMs));
    add('single sample: p90 ms/call', ms2(s.kit.p90Ms), ms2(s.baseline.p90Ms));
    add(
      'single sample: ratio kit/baseline (median of block pairs)',
      '',
      '',
      s.ratio.toFixed(3),
      `<= ${TARGETS.singleRatio}`,
      verdict(s.ratio, TARGETS.singleRatio),
    );
    add(`fan-out: chunks (${report.fanOutText.chars} chars)`, '', '', String(report.fanOutText.chunks));
    add('fan-out: rounds (host / provenance)', `${f.kit.hostRounds} / ${f.kit.provenanceRounds}`, String(f.sequential.rounds));
    add('fan-out: samples answered', String(f.kit.samples), String(f.sequential.samples));
    add(`fan-out: wall ms (host ${SAMPLE_MS} ms/sample)`, ms(f.kit.wallMs), ms(f.sequential.wallMs));
    add(`fan-out: rounds x ${SAMPLE_MS} ms`, ms(f.kit.floorMs), ms(f.sequential.floorMs));
    add(
      `fan-out: ratio kit wall/(rounds x ${SAMPLE_MS})`,
      '',
      '',
      f.kit.ratio.toFixed(3),
      `<= ${TARGETS.fanoutRatio}`,
      verdict(f.kit.ratio, TARGETS.fanoutRatio),
    );
    add('fan-out: speed-up sequential/kit', '', '', `${f.speedup.toFixed(2)}x`);
    add(`cold start: median ms to tools/list (n=${c.runs})`, ms(c.kit.medianMs), ms(c.baseline.medianMs));
    add('cold start: min-max ms', `${ms(c.kit.minMs)}-${ms(c.kit.maxMs)}`, `${ms(c.baseline.minMs)}-${ms(c.baseline.maxMs)}`);
    add('peak RSS MiB (VmHWM, after (a) + 400k call)', rss.kitMiB.toFixed(1), rss.baselineMiB.toFixed(1));
  }
  const widths = rows[0].map((_, column) => Math.max(...rows.map((row) => row[column].length)));
  const pad = (cell, column) => (column >= 2 ? cell.padStart(widths[column]) : cell.padEnd(widths[column]));
  const line = (row) => row.map(pad).join('  ').trimEnd();
  const rule = widths.map((width) => '-'.repeat(width)).join('  ');
  const out = [line(rows[0]), rule];
  for (let index = 1; index < rows.length; index += 1) {
    if (index > 1 && rows[index][0] !== rows[index - 1][0]) out.push(rule);
    out.push(line(rows[index]));
  }
  return out.join('\n');
}

/** Round every number in the report for the JSON file. */
function tidy(value) {
  if (typeof value === 'number') return Number.isInteger(value) ? value : round3(value);
  if (Array.isArray(value)) return value.map(tidy);
  if (value !== null && typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, tidy(v)]));
  return value;
}

async function main() {
  const started = performance.now();
  const chunks = chunkText(LONG_TEXT);
  const problems = [];
  const report = {
    benchmark: 'summarise',
    date: new Date().toISOString(),
    machine: machine(),
    settings: {
      warmupCalls: WARMUP_CALLS,
      timedCalls: TIMED_CALLS,
      blockSize: BLOCK,
      hostMsPerSample: SAMPLE_MS,
      coldStarts: COLD_STARTS,
      singleTextChars: SHORT_TEXT.length,
    },
    targets: { singleSampleRatio: TARGETS.singleRatio, fanOutRatio: TARGETS.fanoutRatio },
    fanOutText: { chars: LONG_TEXT.length, chunks: chunks.length },
    eras: {},
  };
  for (const era of ERAS) {
    process.stderr.write(`bench: measuring era ${era}…\n`);
    report.eras[era] = await measureEra(era, chunks, problems);
  }
  report.verdicts = Object.fromEntries(
    ERAS.map((era) => [
      era,
      {
        singleSampleRatio: verdict(report.eras[era].single.ratio, TARGETS.singleRatio),
        fanOutRatio: verdict(report.eras[era].fanOut.kit.ratio, TARGETS.fanoutRatio),
      },
    ]),
  );
  report.problems = problems;
  report.elapsedSeconds = (performance.now() - started) / 1000;

  const m = report.machine;
  console.log(`summarise benchmark: ${m.node}, ${m.cpus} CPU(s), ${m.cpuModel}, ${m.platform}`);
  console.log(
    `kit = dist/bin.js, baseline = bench/baseline-server.mjs; both over stdio; single-sample text ${SHORT_TEXT.length} chars, ` +
      `${TIMED_CALLS} timed calls each after ${WARMUP_CALLS} warm-up, alternating blocks of ${BLOCK}\n`,
  );
  console.log(table(report));
  console.log(problems.length === 0 ? '\nproblems: none' : `\nproblems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const outDir = path.join(repoDir, '.bench');
  mkdirSync(outDir, { recursive: true });
  const outFile = path.join(outDir, 'summarise.json');
  writeFileSync(outFile, `${JSON.stringify(tidy(report), null, 2)}\n`);
  console.log(`\nfigures written to ${path.relative(repoDir, outFile)} (${report.elapsedSeconds.toFixed(1)} s)`);
}

await main();
