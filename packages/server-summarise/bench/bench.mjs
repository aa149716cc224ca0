/**
 * `pnpm bench` for the summarise server: the built bin (dist/bin.js, kit-based) against a
 * hand-written SDK-only baseline (bench/baseline-server.mjs), both spawned over stdio, on both
 * protocol eras. Measures:
 *   (a) single-sample `summarise` latency per call, kit vs baseline (instant host; on 2026-07-28
 *       also against the baseline started with --signed-state, which signs the step it asks for
 *       and checks it on the retry by hand, as the kit must), and each
 *       server's CPU time per call over the same calls; the same over Streamable HTTP, the bin
 *       with `--http --port 0` vs bench/baseline-http-server.mjs (the baseline's tools served by
 *       hand with the SDK); and whether kit and baseline sent the model the same request;
 *   (b) fan-out of a 400,000-char text with a 200 ms-per-sample host: kit wall time vs its
 *       round floor, and vs the baseline sampling the same chunks one after another;
 *   (c) cold start (spawn → first tools/list answer), with and without a fallback provider
 *       configured (the provider module must load lazily), against the minimal raw-SDK anchor
 *       (bench/minimal-server.mjs), and peak RSS of the bin and the anchor after the same short
 *       load (bench/start-and-memory.mjs); also the peak RSS after (a) and (b), against the baseline;
 *   (d) throughput: one connection each, 1,000 single-sample calls with 50 in flight, alternating
 *       runs, kit against the baseline (bench/throughput.mjs).
 * Prints a table to stdout and writes the figures to <repo>/.bench/summarise.json.
 * A MISS is reported, never turned into a failing exit code.
 */
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { connectHttp, connectStdio, reply } from '@mcp-sampling/testing';
import { SIGNED_STATE_FLAG } from '@mcp-sampling/testing/baseline-wire';
import {
  benchServers,
  call,
  checkStdout,
  compareKitWithBaseline,
  compareLastRequests,
  comparisonTable,
  cpuMs,
  peakRssMiB,
  runBench,
  startHttpServer,
  verdict,
  verdictAtLeast,
  withKitAndBaseline,
} from '@mcp-sampling/testing/bench';
import { chunkText } from '../dist/chunking.js';
import { measureStartAndMemory, START_AND_MEMORY } from './start-and-memory.mjs';
import { measureThroughput, THROUGHPUT } from './throughput.mjs';

const SERVERS = benchServers(import.meta.url);
const { kit: KIT, baseline: BASELINE } = SERVERS;
// 2026-07-28 only: the baseline that signs the steps it asks for and checks them on the retry, by
// hand with node:crypto, as the kit must (bench/baseline-server.mjs --signed-state).
const SIGNED_SERVERS = { kit: KIT, baseline: { ...BASELINE, args: [...BASELINE.args, SIGNED_STATE_FLAG] } };
// A provider configured for the fallback: the key is checked at start-up, the AI SDK is not loaded.
const KIT_WITH_PROVIDER = { ...KIT, env: { ANTHROPIC_API_KEY: 'bench-placeholder-key' } };
// Both served over Streamable HTTP on 127.0.0.1, on a port each picks; the baseline ignores --http.
const HTTP_FLAGS = ['--http', '--port', '0'];
const HTTP_SERVERS = {
  kit: { ...KIT, args: [...KIT.args, ...HTTP_FLAGS] },
  baseline: {
    command: process.execPath,
    args: [fileURLToPath(new URL('./baseline-http-server.mjs', import.meta.url)), ...HTTP_FLAGS],
  },
};

const WARMUP_CALLS = 100;
const TIMED_CALLS = 2000;
const BLOCK = 50;
// An HTTP call costs several exchanges (two POSTs on 2026-07-28; a POST, the pushed request and its
// answer on 2025) and some ten times the time of a stdio call, so fewer calls in smaller blocks
// (20 block pairs) keep the bench's time in bounds.
const HTTP_WARMUP_CALLS = 40;
const HTTP_TIMED_CALLS = 400;
const HTTP_BLOCK = 20;
const SAMPLE_MS = 200;
const FANOUT_CHARS = 400_000;
// Cold start and peak RSS against the minimal anchor: at most; throughput against the baseline: at least.
const TARGETS = {
  singleRatio: 1.15,
  httpSingleRatio: 1.15,
  fanoutRatio: 1.3,
  coldStartRatio: 1.05,
  peakRssRatio: 1.05,
  throughputRatio: 1.0,
};

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

// ---------------------------------------------------------------- host replies

const INSTANT = reply.text('A short summary.');
const SLOW = reply.delay(SAMPLE_MS, reply.text('A short summary.'));

// ---------------------------------------------------------------- measurements

/**
 * (a) single-sample latency, kit and baseline interleaved in alternating blocks; each server's CPU
 * time per call over the same calls (from /proc, by process id), the steadier of the two figures;
 * and whether the two servers' last sampling requests were the same.
 */
async function singleSample(kit, baseline, counts, problems, label) {
  const args = { text: SHORT_TEXT };
  const summariseOn = (host, who) => async () => {
    const result = await call(host, 'summarise', args);
    if (result.structuredContent?.summary !== 'A short summary.') throw new Error(`${who}: unexpected summary`);
  };
  const before = { kit: cpuMs(kit.pid), baseline: cpuMs(baseline.pid) };
  const latency = await compareKitWithBaseline({
    kit: summariseOn(kit.host, 'kit'),
    baseline: summariseOn(baseline.host, 'baseline'),
    ...counts,
  });
  const perCall = (ms) => (ms * 1000) / (counts.calls + counts.warmup);
  const cpu = { kitUs: perCall(cpuMs(kit.pid) - before.kit), baselineUs: perCall(cpuMs(baseline.pid) - before.baseline) };
  const request = compareLastRequests(kit.host, baseline.host);
  if (!request.identical) problems.push(`${label}: the baseline's sampling request differs from the kit's`);
  return { ...latency, cpu: { ...cpu, ratio: cpu.kitUs / cpu.baselineUs }, request };
}

/** (a) on 2026-07-28 over stdio, against the baseline that signs and checks its state by hand. */
function singleSampleSigned(era, problems) {
  return withKitAndBaseline(SIGNED_SERVERS, { era, script: INSTANT }, problems, (kitHost, baseHost) =>
    singleSample(
      { host: kitHost, pid: kitHost.transport.pid },
      { host: baseHost, pid: baseHost.transport.pid },
      { calls: TIMED_CALLS, warmup: WARMUP_CALLS, block: BLOCK },
      problems,
      `${era} over stdio (signed-state baseline)`,
    ),
  );
}

/** (a) over HTTP: both servers spawned with an HTTP endpoint, one mock host on each. */
async function singleSampleHttp(era, problems) {
  const kitServer = await startHttpServer(HTTP_SERVERS.kit);
  try {
    const baseServer = await startHttpServer(HTTP_SERVERS.baseline);
    try {
      const kitHost = await connectHttp(kitServer.url, { era, script: INSTANT });
      try {
        const baseHost = await connectHttp(baseServer.url, { era, script: INSTANT });
        try {
          return await singleSample(
            { host: kitHost, pid: kitServer.pid },
            { host: baseHost, pid: baseServer.pid },
            { calls: HTTP_TIMED_CALLS, warmup: HTTP_WARMUP_CALLS, block: HTTP_BLOCK },
            problems,
            `${era} over HTTP`,
          );
        } finally {
          await baseHost.close();
        }
      } finally {
        await kitHost.close();
      }
    } finally {
      await closeHttpServer(baseServer, `baseline ${era} (HTTP)`, problems);
    }
  } finally {
    await closeHttpServer(kitServer, `kit ${era} (HTTP)`, problems);
  }
}

/** SIGTERM with no call in flight must end an HTTP server with exit code 0. */
async function closeHttpServer(server, label, problems) {
  const code = await server.close();
  if (code !== 0) problems.push(`${label}: exit code ${code} after SIGTERM`);
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

async function measureEra(era, chunks, problems) {
  const { single, kitFanOut, rss } = await withKitAndBaseline(
    SERVERS,
    { era, script: INSTANT },
    problems,
    async (kitHost, baseHost) => {
      const single = await singleSample(
        { host: kitHost, pid: kitHost.transport.pid },
        { host: baseHost, pid: baseHost.transport.pid },
        { calls: TIMED_CALLS, warmup: WARMUP_CALLS, block: BLOCK },
        problems,
        `${era} over stdio`,
      );
      const kitFanOut = await fanOutKit(kitHost, chunks);
      // The baseline's peak RSS after the same kind of load: (a), then one 400k summarise (one sample).
      await call(baseHost, 'summarise', { text: LONG_TEXT });
      const rss = { kitMiB: peakRssMiB(kitHost), baselineMiB: peakRssMiB(baseHost) };
      if (kitFanOut.hostRounds !== kitFanOut.provenanceRounds) {
        problems.push(`${era}: host saw ${kitFanOut.hostRounds} rounds, provenance says ${kitFanOut.provenanceRounds}`);
      }
      return { single, kitFanOut, rss };
    },
  );
  const signed = era === '2026-07-28' ? await singleSampleSigned(era, problems) : undefined;
  const http = { single: await singleSampleHttp(era, problems) };
  const sequential = await fanOutSequential(era, chunks, problems);
  const { coldStart, peakRss: anchorRss } = await measureStartAndMemory(
    { kit: KIT, kitWithProvider: KIT_WITH_PROVIDER },
    era,
    INSTANT,
    { text: SHORT_TEXT },
  );
  const throughput = await measureThroughput(SERVERS, era, INSTANT, { text: SHORT_TEXT }, 'A short summary.', problems);
  const throughputSigned =
    era === '2026-07-28'
      ? await measureThroughput(SIGNED_SERVERS, era, INSTANT, { text: SHORT_TEXT }, 'A short summary.', problems)
      : undefined;
  return {
    single,
    ...(signed !== undefined && { singleSigned: signed }),
    http,
    fanOut: { kit: kitFanOut, sequential, speedup: sequential.wallMs / kitFanOut.wallMs },
    coldStart,
    peakRssAfterLoad: anchorRss,
    peakRss: rss,
    throughput,
    ...(throughputSigned !== undefined && { throughputSigned }),
  };
}

// ---------------------------------------------------------------- report

const ms = (value) => value.toFixed(1);
const ms2 = (value) => value.toFixed(2);

/** The single-sample rows of one transport (`prefix` names it in each measure). */
function singleRows(rows, era, prefix, s, target) {
  rows.add(era, `${prefix}single sample: median ms/call`, ms2(s.kit.medianMs), ms2(s.baseline.medianMs));
  rows.add(era, `${prefix}single sample: p90 ms/call`, ms2(s.kit.p90Ms), ms2(s.baseline.p90Ms));
  rows.check(era, `${prefix}single sample: ratio kit/baseline (median of block pairs)`, s.ratio, target);
  rows.add(
    era,
    `${prefix}single sample: server CPU µs/call`,
    s.cpu.kitUs.toFixed(0),
    s.cpu.baselineUs.toFixed(0),
    s.cpu.ratio.toFixed(3),
  );
  rows.add(
    era,
    `${prefix}single sample: request to the model (bytes)`,
    String(s.request.requestBytes),
    '',
    s.request.identical ? 'same' : 'DIFFERENT',
  );
}

/** The throughput rows against one baseline (`prefix` names it in each measure). */
function throughputRows(rows, era, prefix, t) {
  rows.add(
    era,
    `${prefix}throughput: calls/s (${t.calls} calls, ${t.inFlight} in flight, median of ${t.kit.runs.length} runs)`,
    t.kit.callsPerSecond.toFixed(0),
    t.baseline.callsPerSecond.toFixed(0),
  );
  rows.checkAtLeast(era, `${prefix}throughput: ratio kit/baseline (median of run pairs)`, t.ratio, TARGETS.throughputRatio);
}

function table(report) {
  const rows = comparisonTable();
  for (const [era, figures] of Object.entries(report.eras)) {
    const { single, singleSigned, http, fanOut: f, coldStart: c, peakRssAfterLoad: load, peakRss: rss } = figures;
    singleRows(rows, era, '', single, TARGETS.singleRatio);
    if (singleSigned !== undefined) singleRows(rows, era, 'vs signed-state baseline: ', singleSigned, TARGETS.singleRatio);
    singleRows(rows, era, 'HTTP ', http.single, TARGETS.httpSingleRatio);
    rows.add(era, `fan-out: chunks (${report.fanOutText.chars} chars)`, '', '', String(report.fanOutText.chunks));
    rows.add(
      era,
      'fan-out: rounds (host / provenance)',
      `${f.kit.hostRounds} / ${f.kit.provenanceRounds}`,
      String(f.sequential.rounds),
    );
    rows.add(era, 'fan-out: samples answered', String(f.kit.samples), String(f.sequential.samples));
    rows.add(era, `fan-out: wall ms (host ${SAMPLE_MS} ms/sample)`, ms(f.kit.wallMs), ms(f.sequential.wallMs));
    rows.add(era, `fan-out: rounds x ${SAMPLE_MS} ms`, ms(f.kit.floorMs), ms(f.sequential.floorMs));
    rows.check(era, `fan-out: ratio kit wall/(rounds x ${SAMPLE_MS})`, f.kit.ratio, TARGETS.fanoutRatio);
    rows.add(era, 'fan-out: speed-up sequential/kit', '', '', `${f.speedup.toFixed(2)}x`);
    rows.add(
      era,
      `cold start: median ms to tools/list (n=${c.runs}; baseline = anchor)`,
      ms(c.kit.medianMs),
      ms(c.anchor.medianMs),
    );
    rows.add(
      era,
      'cold start: min-max ms',
      `${ms(c.kit.minMs)}-${ms(c.kit.maxMs)}`,
      `${ms(c.anchor.minMs)}-${ms(c.anchor.maxMs)}`,
    );
    rows.check(era, 'cold start: ratio kit (no provider)/anchor', c.ratio, TARGETS.coldStartRatio);
    rows.add(era, 'cold start: median ms, provider configured', ms(c.kitWithProvider.medianMs), '', c.providerRatio.toFixed(3));
    rows.add(
      era,
      `peak RSS MiB (VmHWM, ${START_AND_MEMORY.loadCalls} calls; baseline = anchor)`,
      load.kitMiB.toFixed(1),
      load.anchorMiB.toFixed(1),
    );
    rows.check(era, 'peak RSS: ratio kit/anchor', load.ratio, TARGETS.peakRssRatio);
    rows.add(era, 'peak RSS MiB (VmHWM, after (a) + 400k call)', rss.kitMiB.toFixed(1), rss.baselineMiB.toFixed(1));
    throughputRows(rows, era, '', figures.throughput);
    if (figures.throughputSigned !== undefined) throughputRows(rows, era, 'vs signed-state baseline: ', figures.throughputSigned);
  }
  return rows.format();
}

const chunks = chunkText(LONG_TEXT);
await runBench({
  name: 'summarise',
  settings: {
    warmupCalls: WARMUP_CALLS,
    timedCalls: TIMED_CALLS,
    blockSize: BLOCK,
    httpWarmupCalls: HTTP_WARMUP_CALLS,
    httpTimedCalls: HTTP_TIMED_CALLS,
    httpBlockSize: HTTP_BLOCK,
    hostMsPerSample: SAMPLE_MS,
    coldStarts: START_AND_MEMORY.coldStarts,
    peakRssLoadCalls: START_AND_MEMORY.loadCalls,
    peakRssLoadInFlight: START_AND_MEMORY.loadInFlight,
    peakRssRuns: START_AND_MEMORY.rssRuns,
    throughputCalls: THROUGHPUT.calls,
    throughputInFlight: THROUGHPUT.inFlight,
    throughputRuns: THROUGHPUT.runs,
    throughputWarmupCalls: THROUGHPUT.warmup,
    singleTextChars: SHORT_TEXT.length,
  },
  targets: {
    singleSampleRatio: TARGETS.singleRatio,
    httpSingleSampleRatio: TARGETS.httpSingleRatio,
    fanOutRatio: TARGETS.fanoutRatio,
    coldStartNoProviderRatio: TARGETS.coldStartRatio,
    peakRssRatio: TARGETS.peakRssRatio,
    throughputRatioAtLeast: TARGETS.throughputRatio,
  },
  inputs: { fanOutText: { chars: LONG_TEXT.length, chunks: chunks.length } },
  measureEra: (era, problems) => measureEra(era, chunks, problems),
  verdicts: (figures) => ({
    singleSampleRatio: verdict(figures.single.ratio, TARGETS.singleRatio),
    ...(figures.singleSigned !== undefined && {
      singleSampleVsSignedBaselineRatio: verdict(figures.singleSigned.ratio, TARGETS.singleRatio),
    }),
    httpSingleSampleRatio: verdict(figures.http.single.ratio, TARGETS.httpSingleRatio),
    fanOutRatio: verdict(figures.fanOut.kit.ratio, TARGETS.fanoutRatio),
    coldStartNoProviderRatio: verdict(figures.coldStart.ratio, TARGETS.coldStartRatio),
    peakRssRatio: verdict(figures.peakRssAfterLoad.ratio, TARGETS.peakRssRatio),
    throughputRatio: verdictAtLeast(figures.throughput.ratio, TARGETS.throughputRatio),
    ...(figures.throughputSigned !== undefined && {
      throughputVsSignedBaselineRatio: verdictAtLeast(figures.throughputSigned.ratio, TARGETS.throughputRatio),
    }),
  }),
  describe: () =>
    `kit = dist/bin.js, baseline = bench/baseline-server.mjs (on 2026-07-28 also with ${SIGNED_STATE_FLAG}); both over stdio; single-sample text ${SHORT_TEXT.length} chars, ` +
    `${TIMED_CALLS} timed calls each after ${WARMUP_CALLS} warm-up, alternating blocks of ${BLOCK}.\n` +
    `HTTP rows: dist/bin.js ${HTTP_FLAGS.join(' ')} vs bench/baseline-http-server.mjs (SDK only), on 127.0.0.1, ` +
    `${HTTP_TIMED_CALLS} timed calls each after ${HTTP_WARMUP_CALLS} warm-up, alternating blocks of ${HTTP_BLOCK}.\n` +
    `Cold start and the first peak RSS row: anchor = bench/minimal-server.mjs (McpServer + serveStdio, one tool, no kit), ` +
    `servers taking turns. Throughput: baseline = bench/baseline-server.mjs (on 2026-07-28 also with ${SIGNED_STATE_FLAG}), ${THROUGHPUT.warmup} warm-up calls each, ` +
    `then ${THROUGHPUT.runs} alternating run pairs`,
  table,
});
