/**
 * `pnpm bench` for the route server: the built bin (dist/bin.js, kit-based) against a
 * hand-written SDK-only baseline (bench/baseline-server.mjs), both spawned over stdio, on both
 * protocol eras. Measures:
 *   (a) latency of one `route` call over 50 routes, kit vs baseline, interleaved in alternating
 *       blocks, with an instant host that answers valid JSON (one sample per call);
 *   (b) the size of the sampling request for 100 routes (typical and largest allowed), in bytes.
 * Checks on the way that both servers send byte-identical requests and that stdout carries only
 * JSON-RPC. Prints a table to stdout and writes the figures to <repo>/.bench/route.json.
 * A MISS is reported, never turned into a failing exit code.
 */
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { fileURLToPath } from 'node:url';
import { connectStdio, reply } from '@mcp-sampling/testing';
import {
  checkStdout,
  compareInterleaved,
  formatTable,
  machineInfo,
  verdict,
  writeBenchReport,
} from '@mcp-sampling/testing/bench';

const here = path.dirname(fileURLToPath(import.meta.url));
const packageDir = path.resolve(here, '..');
const KIT = { command: process.execPath, args: [path.join(packageDir, 'dist', 'bin.js')] };
const BASELINE = { command: process.execPath, args: [path.join(here, 'baseline-server.mjs')] };

const ERAS = ['2025', '2026-07-28'];
const WARMUP_CALLS = 100;
const TIMED_CALLS = 1000;
const BLOCK = 50;
const TARGET_RATIO = 1.15;

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

async function call(host, args) {
  const result = await host.callTool('route', args, { timeout: 120_000 });
  if (result.isError) throw new Error(`route failed: ${JSON.stringify(result.content)}`);
  if (result.structuredContent?.route !== CHOSEN) throw new Error(`unexpected route ${result.structuredContent?.route}`);
  return result;
}

const bytes = (value) => Buffer.byteLength(typeof value === 'string' ? value : JSON.stringify(value), 'utf8');

/** Request params without `_meta`, which the SDK's 2025 shim adds to the baseline's pushed request (a progress token). */
const paramsOf = (host) => {
  const { _meta: _added, ...params } = host.requests[0]?.params ?? {};
  return JSON.stringify(params);
};

/** One call on each server; both must have sent the same request bytes. */
async function sameRequest(kitHost, baseHost, era, problems) {
  kitHost.reset();
  baseHost.reset();
  await call(kitHost, { request: REQUEST, routes: ROUTES_50 });
  await call(baseHost, { request: REQUEST, routes: ROUTES_50 });
  const kit = paramsOf(kitHost);
  const baseline = paramsOf(baseHost);
  if (kit !== baseline) problems.push(`${era}: the kit and the baseline sent different sampling requests`);
  return { identical: kit === baseline, requestBytes: bytes(kit) };
}

async function latency(kitHost, baseHost) {
  const args = { request: REQUEST, routes: ROUTES_50 };
  const { subject, baseline, ...rest } = await compareInterleaved({
    subject: () => call(kitHost, args),
    baseline: () => call(baseHost, args),
    calls: TIMED_CALLS,
    warmup: WARMUP_CALLS,
    block: BLOCK,
  });
  return { ...rest, kit: subject, baseline };
}

async function measureEra(era, problems) {
  const kitHost = await connectStdio(KIT, { era, script: INSTANT });
  const baseHost = await connectStdio(BASELINE, { era, script: INSTANT });
  try {
    const request = await sameRequest(kitHost, baseHost, era, problems);
    const single = await latency(kitHost, baseHost);
    checkStdout(kitHost, `kit ${era}`, problems);
    checkStdout(baseHost, `baseline ${era}`, problems);
    return { request, single };
  } finally {
    await kitHost.close();
    await baseHost.close();
  }
}

/** (b) what the kit sends for 100 routes, typical and largest. */
async function requestSizes(problems) {
  const sizes = {};
  for (const [label, routes] of [
    ['typical', routesOf(100)],
    ['largest', largestRoutes()],
  ]) {
    const host = await connectStdio(KIT, {
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

// ---------------------------------------------------------------- report

const ms2 = (value) => value.toFixed(2);

function table(report) {
  const rows = [['era', 'measure', 'kit', 'baseline', 'figure', 'target', 'result']];
  for (const era of ERAS) {
    const { single: s, request } = report.eras[era];
    const add = (measure, kit = '', baseline = '', figure = '', target = '', result = '') =>
      rows.push([era, measure, kit, baseline, figure, target, result]);
    add('route, 50 routes: median ms/call', ms2(s.kit.medianMs), ms2(s.baseline.medianMs));
    add('route, 50 routes: p90 ms/call', ms2(s.kit.p90Ms), ms2(s.baseline.p90Ms));
    add(
      'ratio kit/baseline (median of block pairs)',
      '',
      '',
      s.ratio.toFixed(3),
      `<= ${TARGET_RATIO}`,
      verdict(s.ratio, TARGET_RATIO),
    );
    add('sampling request bytes, 50 routes (identical?)', String(request.requestBytes), request.identical ? 'same' : 'DIFFERENT');
  }
  for (const [label, size] of Object.entries(report.requestSize)) {
    rows.push([
      'size',
      `100 routes, ${label}: request / user text / schema bytes`,
      `${size.requestBytes} / ${size.userTextBytes} / ${size.metadataSchemaBytes}`,
      '',
      `args ${size.argumentBytes}`,
      '',
      '',
    ]);
  }
  return formatTable(rows);
}

async function main() {
  const started = performance.now();
  const problems = [];
  const report = {
    benchmark: 'route',
    date: new Date().toISOString(),
    machine: machineInfo(),
    settings: {
      warmupCalls: WARMUP_CALLS,
      timedCalls: TIMED_CALLS,
      blockSize: BLOCK,
      routes: ROUTES_50.length,
      requestChars: REQUEST.length,
    },
    targets: { ratio: TARGET_RATIO },
    eras: {},
  };
  for (const era of ERAS) {
    process.stderr.write(`bench: measuring era ${era}…\n`);
    report.eras[era] = await measureEra(era, problems);
  }
  report.requestSize = await requestSizes(problems);
  report.verdicts = Object.fromEntries(ERAS.map((era) => [era, { ratio: verdict(report.eras[era].single.ratio, TARGET_RATIO) }]));
  report.problems = problems;
  report.elapsedSeconds = (performance.now() - started) / 1000;

  const m = report.machine;
  console.log(`route benchmark: ${m.node}, ${m.cpus} CPU(s), ${m.cpuModel}, ${m.platform}`);
  console.log(
    `kit = dist/bin.js, baseline = bench/baseline-server.mjs; both over stdio; one route call over ${ROUTES_50.length} routes, ` +
      `${TIMED_CALLS} timed calls each after ${WARMUP_CALLS} warm-up, alternating blocks of ${BLOCK}\n`,
  );
  console.log(table(report));
  console.log(problems.length === 0 ? '\nproblems: none' : `\nproblems:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
  const written = writeBenchReport('route', report);
  console.log(`\nfigures written to ${written} (${report.elapsedSeconds.toFixed(1)} s)`);
}

await main();
