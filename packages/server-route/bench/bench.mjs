/**
 * `pnpm bench` for the route server: the built bin (dist/bin.js, kit-based) against a
 * hand-written SDK-only baseline (bench/baseline-server.mjs), both spawned over stdio, on both
 * protocol eras. Measures:
 *   (a) latency of one `route` call over 50 routes, kit vs baseline, interleaved in alternating
 *       blocks, with an instant host that answers valid JSON (one sample per call); on 2026-07-28
 *       also against the baseline started with --signed-state, which signs the step it asks for
 *       and checks it on the retry by hand, as the kit must;
 *   (b) the size of the sampling request for 100 routes (typical and largest allowed), in bytes;
 *   (c) the keyword matcher (backstop and heuristic) on its largest input, in process: 50,000
 *       characters against 100 routes of 50 keywords, against reading both inputs once (splitting
 *       and indexing the request's words, splitting every keyword), interleaved. The test suite bounds the matcher's work by counts;
 *       this is where its speed is watched.
 * Checks on the way that both servers send byte-identical requests and that stdout carries only
 * JSON-RPC. Prints a table to stdout and writes the figures to <repo>/.bench/route.json.
 * A MISS is reported, never turned into a failing exit code.
 */
import { connectStdio, reply } from '@mcp-sampling/testing';
import { SIGNED_STATE_FLAG } from '@mcp-sampling/testing/baseline-wire';
import * as bench from '@mcp-sampling/testing/bench';

const SERVERS = bench.benchServers(import.meta.url);
const SIGNED_SERVERS = bench.withSignedBaseline(SERVERS); // 2026-07-28 only

const WARMUP_CALLS = 100;
const TIMED_CALLS = 1000;
const BLOCK = 50;
const TARGET_RATIO = 1.15;
/**
 * The matcher may cost this many times one reading of its inputs: it reads them once, then looks
 * each keyword up in the request's index (measured at about 2.1 on a quiet machine).
 */
const MATCHER_TARGET_RATIO = 3;

// ---------------------------------------------------------------- deterministic routes

const TOPICS = [
  'invoices',
  'refunds',
  'subscriptions',
  'payment methods',
  'tax forms',
  'password resets',
  'two-factor login',
  'account deletion',
  'data exports',
  'API keys',
  'webhooks',
  'rate limits',
  'mobile app crashes',
  'desktop app updates',
  'browser extensions',
  'single sign-on',
  'user provisioning',
  'audit logs',
  'data retention',
  'privacy requests',
  'security incidents',
  'phishing reports',
  'vulnerability reports',
  'enterprise quotes',
  'product demos',
  'partner programme',
  'reseller orders',
  'education discounts',
  'nonprofit pricing',
  'shipping delays',
  'damaged deliveries',
  'returns',
  'warranty claims',
  'hardware repairs',
  'spare parts',
  'installation visits',
  'training courses',
  'certification exams',
  'documentation errors',
  'feature requests',
  'accessibility',
  'translations',
  'press enquiries',
  'job applications',
  'legal notices',
  'contract renewals',
  'procurement forms',
  'outage reports',
  'performance problems',
  'data imports',
];

/** `count` routes with realistic names, one-sentence descriptions and four keywords each. */
function routesOf(count) {
  return Array.from({ length: count }, (_, i) => {
    const topic = TOPICS[i % TOPICS.length];
    const name =
      i < TOPICS.length ? topic.replace(/\s+/g, '-') : `${topic.replace(/\s+/g, '-')}-${Math.floor(i / TOPICS.length) + 1}`;
    return {
      name,
      description: `Questions and problems about ${topic}: how they work, what went wrong, and what the customer can do next.`,
      keywords: [topic, `${topic.split(' ')[0]} issue`, `help with ${topic.split(' ')[0]}`, `queue ${i + 1}`],
    };
  });
}

/** 100 routes at every limit: 100-character names, 1,000-character descriptions, 50 keywords of 100 characters. */
function largestRoutes() {
  return Array.from({ length: 100 }, (_, i) => ({
    name: `route ${i + 1} `.padEnd(100, 'n'),
    description: `Destination ${i + 1}. `.padEnd(1_000, 'd'),
    keywords: Array.from({ length: 50 }, (_, k) => `keyword ${i + 1} ${k + 1} `.padEnd(100, 'k')),
  }));
}

const ROUTES_50 = routesOf(50);
const REQUEST =
  'Hello, since yesterday our webhook deliveries fail with a 401 and the dashboard says our API key was rotated. ' +
  'Nobody on the team rotated it. Could someone check whether the key leaked, and tell us how to get deliveries working again?';
const CHOSEN = ROUTES_50[10].name; // webhooks
const INSTANT = reply.json({ route: CHOSEN, confidence: 0.9, reason: 'Webhook deliveries fail after a key change.' });

// ---------------------------------------------------------------- measurements

/** One `route` call that must pick the chosen route. */
async function route(host, args) {
  const result = await bench.call(host, 'route', args);
  if (result.structuredContent?.route !== CHOSEN) throw new Error(`unexpected route ${result.structuredContent?.route}`);
  return result;
}

const bytes = (value) => Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');

/** One call on each server; both must have sent the same request bytes. */
async function sameRequest(kitHost, baseHost, era, problems) {
  kitHost.reset();
  baseHost.reset();
  await route(kitHost, { request: REQUEST, routes: ROUTES_50 });
  await route(baseHost, { request: REQUEST, routes: ROUTES_50 });
  const comparison = bench.compareLastRequests(kitHost, baseHost);
  if (!comparison.identical) problems.push(`${era}: the kit and the baseline sent different sampling requests`);
  return comparison;
}

async function latency(kitHost, baseHost) {
  const args = { request: REQUEST, routes: ROUTES_50 };
  return bench.compareKitWithBaseline({
    kit: () => route(kitHost, args),
    baseline: () => route(baseHost, args),
    calls: TIMED_CALLS,
    warmup: WARMUP_CALLS,
    block: BLOCK,
  });
}

async function measureEra(era, problems) {
  const figures = await bench.withKitAndBaseline(SERVERS, { era, script: INSTANT }, problems, async (kitHost, baseHost) => ({
    request: await sameRequest(kitHost, baseHost, era, problems),
    single: await latency(kitHost, baseHost),
  }));
  if (era !== '2026-07-28') return figures;
  const singleSigned = await bench.withKitAndBaseline(
    SIGNED_SERVERS,
    { era, script: INSTANT },
    problems,
    async (kitHost, baseHost) => {
      await sameRequest(kitHost, baseHost, `${era} (signed-state baseline)`, problems);
      return latency(kitHost, baseHost);
    },
  );
  return { ...figures, singleSigned };
}

/** (b) what the kit sends for 100 routes, typical and largest. */
async function requestSizes(problems) {
  const sizes = {};
  for (const [label, routes] of [
    ['typical', routesOf(100)],
    ['largest', largestRoutes()],
  ]) {
    const host = await connectStdio(SERVERS.kit, {
      era: '2025',
      script: reply.json({ route: routes[0].name, confidence: 0.9, reason: 'r' }),
    });
    try {
      const result = await host.callTool('route', { request: REQUEST, routes }, { timeout: 120_000 });
      if (result.isError) problems.push(`request size (${label}): ${JSON.stringify(result.content)}`);
      const [sent] = host.requests;
      sizes[label] = {
        routes: routes.length,
        argumentBytes: bytes({ request: REQUEST, routes }),
        requestBytes: bytes(sent.params),
        systemPromptBytes: bytes(sent.systemPrompt),
        userTextBytes: bytes(sent.userText),
        metadataSchemaBytes: bytes(sent.params.metadata['io.github.mcp-sampling/json-schema']),
      };
    } finally {
      await host.close();
    }
  }
  return sizes;
}

/** (c) the keyword matcher on its largest input against one reading of its inputs. */
async function matcherSpeed() {
  const { RequestWords, decideByKeywords } = await import('../dist/keywords.js');
  const { foldedWordsOf: wordsOf } = await import('@mcp-sampling/text');
  const routes = Array.from({ length: 100 }, (_, i) => ({
    name: `route-${i + 1}`,
    keywords: Array.from({ length: 50 }, (_, k) => `word${(i * 50 + k) % 997} next${k}`),
  }));
  const request = Array.from({ length: 8_000 }, (_, i) => `word${i % 997}`)
    .join(' ')
    .slice(0, 50_000);
  const comparison = await bench.compareInterleaved({
    subject: async () => decideByKeywords(new RequestWords(request), routes),
    baseline: async () => {
      new RequestWords(request);
      for (const route of routes) for (const keyword of route.keywords) wordsOf(keyword);
    },
    calls: 200,
    warmup: 20,
    block: 10,
  });
  return { requestChars: request.length, keywords: 100 * 50, ...comparison };
}

// ---------------------------------------------------------------- report

const ms2 = (value) => value.toFixed(2);

function table(report) {
  const rows = bench.comparisonTable();
  for (const [era, { single: s, singleSigned: ss, request }] of Object.entries(report.eras)) {
    rows.add(era, 'route, 50 routes: median ms/call', ms2(s.kit.medianMs), ms2(s.baseline.medianMs));
    rows.add(era, 'route, 50 routes: p90 ms/call', ms2(s.kit.p90Ms), ms2(s.baseline.p90Ms));
    rows.check(era, 'ratio kit/baseline (median of block pairs)', s.ratio, TARGET_RATIO);
    if (ss !== undefined) {
      rows.add(era, 'vs signed-state baseline: median ms/call', ms2(ss.kit.medianMs), ms2(ss.baseline.medianMs));
      rows.check(era, 'vs signed-state baseline: ratio kit/baseline', ss.ratio, TARGET_RATIO);
    }
    rows.add(
      era,
      'sampling request bytes, 50 routes (identical?)',
      String(request.requestBytes),
      request.identical ? 'same' : 'DIFFERENT',
    );
  }
  for (const [label, size] of Object.entries(report.requestSize)) {
    rows.add(
      'size',
      `100 routes, ${label}: request / user text / schema bytes`,
      `${size.requestBytes} / ${size.userTextBytes} / ${size.metadataSchemaBytes}`,
      '',
      `args ${size.argumentBytes}`,
    );
  }
  const m = report.matcher;
  rows.add(
    'matcher',
    `keywords, ${m.requestChars} chars x ${m.keywords} keywords: median ms`,
    ms2(m.subject.medianMs),
    ms2(m.baseline.medianMs),
  );
  rows.check('matcher', 'ratio matcher / reading its inputs once', m.ratio, MATCHER_TARGET_RATIO);
  return rows.format();
}

await bench.runBench({
  name: 'route',
  settings: {
    warmupCalls: WARMUP_CALLS,
    timedCalls: TIMED_CALLS,
    blockSize: BLOCK,
    routes: ROUTES_50.length,
    requestChars: REQUEST.length,
  },
  targets: { ratio: TARGET_RATIO, matcherRatio: MATCHER_TARGET_RATIO },
  measureEra,
  afterEras: async (problems) => ({ requestSize: await requestSizes(problems), matcher: await matcherSpeed() }),
  verdicts: (figures) => ({
    ratio: bench.verdict(figures.single.ratio, TARGET_RATIO),
    ...(figures.singleSigned !== undefined && { ratioVsSignedBaseline: bench.verdict(figures.singleSigned.ratio, TARGET_RATIO) }),
  }),
  describe: () =>
    `kit = dist/bin.js, baseline = bench/baseline-server.mjs (on 2026-07-28 also with ${SIGNED_STATE_FLAG}); both over stdio; one route call over ${ROUTES_50.length} routes, ` +
    `${TIMED_CALLS} timed calls each after ${WARMUP_CALLS} warm-up, alternating blocks of ${BLOCK}`,
  table,
});
