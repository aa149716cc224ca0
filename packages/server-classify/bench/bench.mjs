/**
 * `pnpm bench` for the classify server: the built bin (dist/bin.js, kit-based) against a
 * hand-written SDK-only baseline (bench/baseline-server.mjs) that sends the same request bytes,
 * both spawned over stdio, on both protocol eras, with an instant scripted host replying valid JSON.
 * Measures:
 *   (a) one `classify` call with 50 labels, kit vs baseline, interleaved in alternating blocks;
 *   (b) the size of the sampling request for 100 labels with short descriptions (UTF-8 bytes of
 *       the sampling/createMessage params as the host received them);
 *   (c) cold start (spawn → first tools/list answer) and each server's peak RSS.
 * Prints a table to stdout and writes the figures to <repo>/.bench/classify.json.
 * A MISS is reported, never turned into a failing exit code.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { connectStdio, reply } from '@mcp-sampling/testing';
import {
  checkStdout,
  coldStarts,
  compareInterleaved,
  formatTable,
  machineInfo,
  peakRssMiB,
  verdict,
  writeBenchReport,
} from '@mcp-sampling/testing/bench';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const KIT = { command: process.execPath, args: [path.join(packageDir, 'dist', 'bin.js')] };
const BASELINE = { command: process.execPath, args: [path.join(here, 'baseline-server.mjs')] };

const ERAS = ['2025', '2026-07-28'];
const WARMUP_CALLS = 50;
const TIMED_CALLS = 2000;
const BLOCK = 25;
const COLD_STARTS = 5;
const TIMED_LABELS = 50;
const SIZE_LABELS = 100;
const TARGETS = { ratio: 1.15 };

// ---------------------------------------------------------------- inputs

const TICKET =
  'Hello, I was charged twice for my March invoice after upgrading to the annual plan. The second payment ' +
  'went through on the same afternoon and my bank shows both. Could you refund the duplicate charge and ' +
  'confirm that the plan is active? I also could not log in to the billing page this morning; it showed an ' +
  'error about an expired session. Thanks, Sam';

const TOPICS = [
  'Billing',
  'Refunds',
  'Login',
  'Outage',
  'Upgrade',
  'Cancellation',
  'Invoice copy',
  'Tax',
  'Security',
  'Feedback',
];

/** `count` distinct labels with short descriptions. */
function labelsOf(count) {
  return Array.from({ length: count }, (_, i) => ({
    name: `${TOPICS[i % TOPICS.length]} ${Math.floor(i / TOPICS.length) + 1}`,
    description: `Messages about ${TOPICS[i % TOPICS.length].toLowerCase()}, group ${Math.floor(i / TOPICS.length) + 1}.`,
  }));
}

const TIMED_ARGS = { text: TICKET, labels: labelsOf(TIMED_LABELS) };
const SIZE_ARGS = { text: TICKET, labels: labelsOf(SIZE_LABELS) };
const ANSWER = {
  labels: [
    { label: 'Refunds 1', confidence: 0.86 },
    { label: 'Billing 1', confidence: 0.55 },
    { label: 'Login 1', confidence: 0.2 },
  ],
  rationale: 'The customer asks for a duplicate charge to be refunded.',
};
const INSTANT = reply.json(ANSWER);

// ---------------------------------------------------------------- helpers

async function call(host, args) {
  const result = await host.callTool('classify', args, { timeout: 60_000 });
  if (result.isError) throw new Error(`classify failed: ${JSON.stringify(result.content)}`);
  return result;
}

const utf8Bytes = (value) => Buffer.byteLength(JSON.stringify(value), 'utf8');

// ---------------------------------------------------------------- measurements

/** (a) one 50-label classify per call, kit and baseline interleaved in alternating blocks. */
async function timedCalls(kitHost, baseHost, problems, era) {
  await call(kitHost, TIMED_ARGS);
  await call(baseHost, TIMED_ARGS);
  // The SDK's legacy shim (baseline, 2025) adds a `_meta.progressToken` of its own; the rest must match byte for byte.
  const withoutMeta = ({ _meta, ...params }) => JSON.stringify(params);
  const kitParams = withoutMeta(kitHost.requests.at(-1)?.params);
  if (kitParams !== withoutMeta(baseHost.requests.at(-1)?.params)) {
    problems.push(`${era}: the baseline's sampling request differs from the kit's`);
  }

  const classifyOn = (host, who) => async () => {
    const result = await call(host, TIMED_ARGS);
    if (result.structuredContent?.label !== 'Refunds 1') throw new Error(`${who}: unexpected label`);
    host.reset(); // keep the recorded requests from piling up over thousands of calls
  };
  const { subject, baseline, ...rest } = await compareInterleaved({
    subject: classifyOn(kitHost, 'kit'),
    baseline: classifyOn(baseHost, 'baseline'),
    calls: TIMED_CALLS,
    warmup: WARMUP_CALLS,
    block: BLOCK,
  });
  return { ...rest, kit: subject, baseline, requestBytes: Buffer.byteLength(kitParams, 'utf8') };
}

/** (b) the sampling request for 100 labels with short descriptions, as the host received it. */
async function requestSize(kitHost) {
  kitHost.reset();
  await call(kitHost, SIZE_ARGS);
  const [request] = kitHost.requests;
  return {
    labels: SIZE_LABELS,
    paramsBytes: utf8Bytes(request.params),
    userTextChars: request.userText.length,
    systemPromptChars: request.systemPrompt.length,
    jsonSchemaBytes: utf8Bytes(request.params.metadata['io.github.mcp-sampling/json-schema']),
    maxTokens: request.maxTokens,
  };
}

async function measureEra(era, problems) {
  const kitHost = await connectStdio(KIT, { era, script: INSTANT });
  const baseHost = await connectStdio(BASELINE, { era, script: INSTANT });
  let timed;
  let size;
  let rss;
  try {
    timed = await timedCalls(kitHost, baseHost, problems, era);
    size = await requestSize(kitHost);
    await call(baseHost, SIZE_ARGS);
    rss = { kitMiB: peakRssMiB(kitHost), baselineMiB: peakRssMiB(baseHost) };
    checkStdout(kitHost, `kit ${era}`, problems);
    checkStdout(baseHost, `baseline ${era}`, problems);
  } finally {
    await kitHost.close();
    await baseHost.close();
  }
  const { kit, baseline, runs } = await coldStarts({ kit: KIT, baseline: BASELINE }, era, COLD_STARTS);
  return { timed, requestSize: size, coldStart: { runs, kit, baseline }, peakRss: rss };
}

// ---------------------------------------------------------------- report

const ms = (value) => value.toFixed(1);
const ms2 = (value) => value.toFixed(2);

function table(report) {
  const rows = [['era', 'measure', 'kit', 'baseline', 'figure', 'target', 'result']];
  for (const era of ERAS) {
    const { timed: t, requestSize: size, coldStart: c, peakRss: rss } = report.eras[era];
    const add = (measure, kit = '', baseline = '', figure = '', target = '', result = '') =>
      rows.push([era, measure, kit, baseline, figure, target, result]);
    add(`classify, ${TIMED_LABELS} labels: median ms/call`, ms2(t.kit.medianMs), ms2(t.baseline.medianMs));
    add(`classify, ${TIMED_LABELS} labels: p90 ms/call`, ms2(t.kit.p90Ms), ms2(t.baseline.p90Ms));
    add(
      'ratio kit/baseline (median of block pairs)',
      '',
      '',
      t.ratio.toFixed(3),
      `<= ${TARGETS.ratio}`,
      verdict(t.ratio, TARGETS.ratio),
    );
    add(`request bytes, ${TIMED_LABELS} labels`, '', '', String(t.requestBytes));
    add(`request bytes, ${SIZE_LABELS} labels (params JSON, UTF-8)`, '', '', String(size.paramsBytes));
    add(`  of which one copy of the JSON Schema (it is sent twice)`, '', '', String(size.jsonSchemaBytes));
    add(`  user text chars / maxTokens, ${SIZE_LABELS} labels`, '', '', `${size.userTextChars} / ${size.maxTokens}`);
    add(`cold start: median ms to tools/list (n=${c.runs})`, ms(c.kit.medianMs), ms(c.baseline.medianMs));
    add('peak RSS MiB (VmHWM)', rss.kitMiB.toFixed(1), rss.baselineMiB.toFixed(1));
  }
  return formatTable(rows);
}

async function main() {
  const started = performance.now();
  const problems = [];
  const report = {
    benchmark: 'classify',
    date: new Date().toISOString(),
    machine: machineInfo(),
    settings: {
      warmupCalls: WARMUP_CALLS,
      timedCalls: TIMED_CALLS,
      blockSize: BLOCK,
      coldStarts: COLD_STARTS,
      timedLabels: TIMED_LABELS,
      sizeLabels: SIZE_LABELS,
      textChars: TICKET.length,
    },
    targets: { ratio: TARGETS.ratio },
    eras: {},
  };
  for (const era of ERAS) {
    process.stderr.write(`bench: measuring era ${era}…\n`);
    report.eras[era] = await measureEra(era, problems);
  }
  report.verdicts = Object.fromEntries(ERAS.map((era) => [era, { ratio: verdict(report.eras[era].timed.ratio, TARGETS.ratio) }]));
  report.problems = problems;
  report.elapsedSeconds = (performance.now() - started) / 1000;

  const m = report.machine;
  console.log(`classify benchmark: ${m.node}, ${m.cpus} CPU(s), ${m.cpuModel}, ${m.platform}`);
  console.log(
    `kit = dist/bin.js, baseline = bench/baseline-server.mjs; both over stdio, instant host; text ${TICKET.length} chars, ` +
      `${TIMED_CALLS} timed calls each after ${WARMUP_CALLS} warm-up, alternating blocks of ${BLOCK}\n`,
  );
  console.log(table(report));
  console.log(problems.length === 0 ? '\nproblems: none' : `\nproblems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const written = writeBenchReport('classify', report);
  console.log(`\nfigures written to ${written} (${report.elapsedSeconds.toFixed(1)} s)`);
}

await main();
