/**
 * `pnpm bench` for the draft server: the built bin (dist/bin.js) over stdio, on both protocol eras,
 * against a host that takes 200 ms to answer every sample. Two calls are timed:
 *   (a) a full `draft` with required points, where the first draft misses one so one revision is
 *       forced: outline → draft → revise:1, 3 rounds;
 *   (b) the same with a 100,000-character context: context fan-out → outline → draft → revise:1,
 *       4 rounds.
 * The figure is wall time / (host rounds × 200 ms): how much the server, the kit and the transport
 * add on top of the time the host spends sampling. Target <= 1.2.
 * Prints a table to stdout and writes the figures to <repo>/.bench/draft.json.
 * A MISS is reported, never turned into a failing exit code.
 */
import { performance } from 'node:perf_hooks';
import { connectStdio, reply, threadOf } from '@mcp-sampling/testing';
import { benchServers, call, checkStdout, formatTable, median, runBench, verdict } from '@mcp-sampling/testing/bench';
import { chunkText } from '../dist/chunking.js';

const { kit: KIT } = benchServers(import.meta.url);

const SAMPLE_MS = 200;
const WARMUP_CALLS = 2;
const TIMED_CALLS = 10;
const CONTEXT_CHARS = 100_000;
const TARGET_RATIO = 1.2;

// ---------------------------------------------------------------- deterministic material

/** A context of exactly `CONTEXT_CHARS` characters: numbered messages, as in a long email thread. */
const CONTEXT = threadOf(CONTEXT_CHARS).slice(0, CONTEXT_CHARS);
const MUST_INCLUDE = ['The harbour reopens on 3 May', 'Parking is free', 'Volunteers meet at 9 am on Saturday'];
const CALLS = {
  points: { brief: 'Announce that the harbour reopens and invite volunteers.', kind: 'announcement', mustInclude: MUST_INCLUDE },
  'long context': {
    brief: 'Reply to the committees, answering their questions and inviting volunteers.',
    kind: 'reply',
    mustInclude: MUST_INCLUDE,
    context: CONTEXT,
  },
};

const FIRST_DRAFT = 'The harbour reopens on 3 May, and parking is free. Thank you all.';
const REVISED = `${FIRST_DRAFT} Volunteers meet at 9 am on Saturday by the gate.`;

/** Every sample takes 200 ms; the first draft misses a point, so exactly one revision follows. */
const SLOW_HOST = {
  rules: [
    {
      match: 'context',
      reply: reply.delay(
        SAMPLE_MS,
        reply.text((request) => `Notes on ${request.key}: visitor numbers, Friday.`),
      ),
    },
    {
      match: 'outline',
      reply: reply.delay(SAMPLE_MS, reply.json({ points: ['Announce the reopening.', 'Invite volunteers.'] })),
    },
    { match: 'draft', reply: reply.delay(SAMPLE_MS, reply.text(FIRST_DRAFT)) },
    { match: 'revise', reply: reply.delay(SAMPLE_MS, reply.text(REVISED)) },
  ],
};

// ---------------------------------------------------------------- measurement

async function timedCall(host, args) {
  host.reset();
  const start = performance.now();
  const result = await call(host, 'draft', args);
  const wallMs = performance.now() - start;
  const structured = result.structuredContent;
  if (structured.revisions !== 1 || structured.coverage.some((entry) => !entry.included)) {
    throw new Error(`unexpected result: ${JSON.stringify(structured)}`);
  }
  return { wallMs, hostRounds: host.rounds, provenanceRounds: structured.provenance.rounds, samples: host.requests.length };
}

async function measure(era, name, problems) {
  const host = await connectStdio(KIT, { era, script: SLOW_HOST });
  try {
    for (let index = 0; index < WARMUP_CALLS; index += 1) await timedCall(host, CALLS[name]);
    const runs = [];
    for (let index = 0; index < TIMED_CALLS; index += 1) runs.push(await timedCall(host, CALLS[name]));
    const [first] = runs;
    for (const run of runs) {
      if (run.hostRounds !== first.hostRounds || run.provenanceRounds !== run.hostRounds) {
        problems.push(`${era} ${name}: host saw ${run.hostRounds} rounds, provenance says ${run.provenanceRounds}`);
      }
    }
    checkStdout(host, `${era} ${name}`, problems);
    const wallMs = median(runs.map((run) => run.wallMs));
    const floorMs = first.hostRounds * SAMPLE_MS;
    return {
      calls: TIMED_CALLS,
      hostRounds: first.hostRounds,
      samples: first.samples,
      medianWallMs: wallMs,
      minWallMs: Math.min(...runs.map((run) => run.wallMs)),
      maxWallMs: Math.max(...runs.map((run) => run.wallMs)),
      floorMs,
      ratio: wallMs / floorMs,
    };
  } finally {
    await host.close();
  }
}

// ---------------------------------------------------------------- report

const ms = (value) => value.toFixed(1);

function table(report) {
  const rows = [
    ['era', 'call', 'rounds', 'samples', 'median wall ms', 'min-max ms', `rounds x ${SAMPLE_MS} ms`, 'ratio', 'target', 'result'],
  ];
  for (const [era, calls] of Object.entries(report.eras)) {
    for (const [name, r] of Object.entries(calls)) {
      rows.push([
        era,
        name,
        String(r.hostRounds),
        String(r.samples),
        ms(r.medianWallMs),
        `${ms(r.minWallMs)}-${ms(r.maxWallMs)}`,
        ms(r.floorMs),
        r.ratio.toFixed(3),
        `<= ${TARGET_RATIO}`,
        verdict(r.ratio, TARGET_RATIO),
      ]);
    }
  }
  return formatTable(rows);
}

const CONTEXT_PARTS = chunkText(CONTEXT).length;

await runBench({
  name: 'draft',
  settings: {
    hostMsPerSample: SAMPLE_MS,
    warmupCalls: WARMUP_CALLS,
    timedCalls: TIMED_CALLS,
    contextChars: CONTEXT.length,
    contextParts: CONTEXT_PARTS,
    mustInclude: MUST_INCLUDE.length,
  },
  targets: { wallOverRoundsRatio: TARGET_RATIO },
  measureEra: async (era, problems) => {
    const figures = {};
    for (const name of Object.keys(CALLS)) figures[name] = await measure(era, name, problems);
    return figures;
  },
  verdicts: (figures) => Object.fromEntries(Object.entries(figures).map(([name, r]) => [name, verdict(r.ratio, TARGET_RATIO)])),
  describe: () =>
    `dist/bin.js over stdio; host answers every sample after ${SAMPLE_MS} ms; one revision forced; ` +
    `long context ${CONTEXT.length} chars in ${CONTEXT_PARTS} parts; median of ${TIMED_CALLS} calls after ${WARMUP_CALLS} warm-up`,
  table,
});
