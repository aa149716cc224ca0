/**
 * `pnpm bench` for the classify server: the built bin (dist/bin.js, kit-based) against a
 * hand-written SDK-only baseline (bench/baseline-server.mjs) that sends the same request bytes,
 * both spawned over stdio, on both protocol eras, with an instant scripted host replying valid JSON.
 * Measures:
 *   (a) one `classify` call with 50 labels, kit vs baseline, interleaved in alternating blocks; on
 *       2026-07-28 also against the baseline started with --signed-state, which signs the step it
 *       asks for and checks it on the retry by hand, as the kit must;
 *   (b) the size of the sampling request for 100 labels with short descriptions (UTF-8 bytes of
 *       the sampling/createMessage params as the host received them);
 *   (c) cold start (spawn → first tools/list answer) and each server's peak RSS;
 *   (d) the lexical heuristic on its largest input, in process: 200,000 characters against 100
 *       labels, against reading the text's terms once, interleaved. The test suite checks the
 *       heuristic on that input without a clock; this is where its speed is watched.
 * Prints a table to stdout and writes the figures to <repo>/.bench/classify.json.
 * A MISS is reported, never turned into a failing exit code.
 */
import { reply } from '@mcp-sampling/testing';
import { SIGNED_STATE_FLAG } from '@mcp-sampling/testing/baseline-wire';
import {
  benchServers,
  call,
  coldStarts,
  compareInterleaved,
  compareKitWithBaseline,
  compareLastRequests,
  comparisonTable,
  peakRssMiB,
  runBench,
  verdict,
  withKitAndBaseline,
  withSignedBaseline,
} from '@mcp-sampling/testing/bench';

const SERVERS = benchServers(import.meta.url);
const SIGNED_SERVERS = withSignedBaseline(SERVERS); // 2026-07-28 only

/** Calls per side: warm-up, timed (in alternating blocks), cold starts; label-set sizes timed and measured. */
const RUN = { warmup: 50, timed: 2000, block: 25, coldStarts: 5, timedLabels: 50, sizeLabels: 100 };
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

const TIMED_ARGS = { text: TICKET, labels: labelsOf(RUN.timedLabels) };
const SIZE_ARGS = { text: TICKET, labels: labelsOf(RUN.sizeLabels) };
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

const classify = (host, args) => call(host, 'classify', args, 60_000);
const utf8Bytes = (value) => Buffer.byteLength(JSON.stringify(value), 'utf8');

// ---------------------------------------------------------------- measurements

/** (a) one 50-label classify per call, kit and baseline interleaved in alternating blocks. */
async function timedCalls(kitHost, baseHost, problems, era) {
  await classify(kitHost, TIMED_ARGS);
  await classify(baseHost, TIMED_ARGS);
  const { identical, requestBytes } = compareLastRequests(kitHost, baseHost);
  if (!identical) problems.push(`${era}: the baseline's sampling request differs from the kit's`);

  const classifyOn = (host, who) => async () => {
    const result = await classify(host, TIMED_ARGS);
    if (result.structuredContent?.label !== 'Refunds 1') throw new Error(`${who}: unexpected label`);
    host.reset(); // keep the recorded requests from piling up over thousands of calls
  };
  const comparison = await compareKitWithBaseline({
    kit: classifyOn(kitHost, 'kit'),
    baseline: classifyOn(baseHost, 'baseline'),
    calls: RUN.timed,
    warmup: RUN.warmup,
    block: RUN.block,
  });
  return { ...comparison, requestBytes };
}

/** (b) the sampling request for 100 labels with short descriptions, as the host received it. */
async function requestSize(kitHost) {
  kitHost.reset();
  await classify(kitHost, SIZE_ARGS);
  const [request] = kitHost.requests;
  return {
    labels: RUN.sizeLabels,
    paramsBytes: utf8Bytes(request.params),
    userTextChars: request.userText.length,
    systemPromptChars: request.systemPrompt.length,
    jsonSchemaBytes: utf8Bytes(request.params.metadata['io.github.mcp-sampling/json-schema']),
    maxTokens: request.maxTokens,
  };
}

async function measureEra(era, problems) {
  const { timed, size, rss } = await withKitAndBaseline(
    SERVERS,
    { era, script: INSTANT },
    problems,
    async (kitHost, baseHost) => {
      const timed = await timedCalls(kitHost, baseHost, problems, era);
      const size = await requestSize(kitHost);
      await classify(baseHost, SIZE_ARGS);
      return { timed, size, rss: { kitMiB: peakRssMiB(kitHost), baselineMiB: peakRssMiB(baseHost) } };
    },
  );
  const timedSigned =
    era === '2026-07-28'
      ? await withKitAndBaseline(SIGNED_SERVERS, { era, script: INSTANT }, problems, (kitHost, baseHost) =>
          timedCalls(kitHost, baseHost, problems, `${era} (signed-state baseline)`),
        )
      : undefined;
  const { kit, baseline, runs } = await coldStarts(SERVERS, era, RUN.coldStarts);
  return {
    timed,
    ...(timedSigned !== undefined && { timedSigned }),
    requestSize: size,
    coldStart: { runs, kit, baseline },
    peakRss: rss,
  };
}

// ---------------------------------------------------------------- report

const ms = (value) => value.toFixed(1);
const ms2 = (value) => value.toFixed(2);

/** The heuristic may cost this many times one reading of the text's terms. */
const HEURISTIC_TARGET_RATIO = 2;

/** (d) the heuristic on its largest input against one reading of the text's terms. */
async function heuristicSpeed() {
  const { classifyHeuristically, terms } = await import('../dist/heuristic.js');
  const sentence = 'The invoice for March was charged twice and the refund has not arrived yet. ';
  const text = sentence.repeat(Math.ceil(200_000 / sentence.length)).slice(0, 200_000);
  const labels = Array.from({ length: 100 }, (_, i) => ({
    name: `Topic ${i + 1}`,
    description: `Messages about topic number ${i + 1}.`,
  }));
  const comparison = await compareInterleaved({
    subject: async () => classifyHeuristically({ text, labels, multiLabel: false }),
    baseline: async () => terms(text),
    calls: 60,
    warmup: 6,
    block: 6,
  });
  return { textChars: text.length, labels: labels.length, ...comparison };
}

function table(report) {
  const rows = comparisonTable();
  for (const [era, { timed: t, timedSigned: ts, requestSize: size, coldStart: c, peakRss: rss }] of Object.entries(report.eras)) {
    rows.add(era, `classify, ${RUN.timedLabels} labels: median ms/call`, ms2(t.kit.medianMs), ms2(t.baseline.medianMs));
    rows.add(era, `classify, ${RUN.timedLabels} labels: p90 ms/call`, ms2(t.kit.p90Ms), ms2(t.baseline.p90Ms));
    rows.check(era, 'ratio kit/baseline (median of block pairs)', t.ratio, TARGETS.ratio);
    if (ts !== undefined) {
      rows.add(era, 'vs signed-state baseline: median ms/call', ms2(ts.kit.medianMs), ms2(ts.baseline.medianMs));
      rows.check(era, 'vs signed-state baseline: ratio kit/baseline', ts.ratio, TARGETS.ratio);
    }
    rows.add(era, `request bytes, ${RUN.timedLabels} labels`, '', '', String(t.requestBytes));
    rows.add(era, `request bytes, ${RUN.sizeLabels} labels (params JSON, UTF-8)`, '', '', String(size.paramsBytes));
    rows.add(era, `  of which one copy of the JSON Schema (it is sent twice)`, '', '', String(size.jsonSchemaBytes));
    rows.add(era, `  user text chars / maxTokens, ${RUN.sizeLabels} labels`, '', '', `${size.userTextChars} / ${size.maxTokens}`);
    rows.add(era, `cold start: median ms to tools/list (n=${c.runs})`, ms(c.kit.medianMs), ms(c.baseline.medianMs));
    rows.add(era, 'peak RSS MiB (VmHWM)', rss.kitMiB.toFixed(1), rss.baselineMiB.toFixed(1));
  }
  const h = report.heuristic;
  rows.add(
    'heuristic',
    `${h.textChars} chars x ${h.labels} labels: median ms`,
    ms2(h.subject.medianMs),
    ms2(h.baseline.medianMs),
  );
  rows.check('heuristic', 'ratio heuristic / reading the terms once', h.ratio, HEURISTIC_TARGET_RATIO);
  return rows.format();
}

await runBench({
  name: 'classify',
  settings: {
    warmupCalls: RUN.warmup,
    timedCalls: RUN.timed,
    blockSize: RUN.block,
    coldStarts: RUN.coldStarts,
    timedLabels: RUN.timedLabels,
    sizeLabels: RUN.sizeLabels,
    textChars: TICKET.length,
  },
  targets: { ratio: TARGETS.ratio, heuristicRatio: HEURISTIC_TARGET_RATIO },
  measureEra,
  afterEras: async () => ({ heuristic: await heuristicSpeed() }),
  verdicts: (figures) => ({
    ratio: verdict(figures.timed.ratio, TARGETS.ratio),
    ...(figures.timedSigned !== undefined && { ratioVsSignedBaseline: verdict(figures.timedSigned.ratio, TARGETS.ratio) }),
  }),
  describe: () =>
    `kit = dist/bin.js, baseline = bench/baseline-server.mjs (on 2026-07-28 also with ${SIGNED_STATE_FLAG}); both over stdio, instant host; text ${TICKET.length} chars, ` +
    `${RUN.timed} timed calls each after ${RUN.warmup} warm-up, alternating blocks of ${RUN.block}`,
  table,
});
