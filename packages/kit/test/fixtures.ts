import * as z from 'zod/v4';
import { createSamplingServer, DATA_NOT_INSTRUCTIONS, defineSamplingTool, delimit, type FallbackPolicy } from '../src/index.js';

/** A small fan-out tool: one step per part, in one round, then a joining step. */
export const fanOutTool = defineSamplingTool({
  name: 'fan_out',
  title: 'Fan out',
  description: 'Test tool: asks one step per part, then one step joining the answers.',
  input: z.object({ parts: z.array(z.string().min(1)).min(1).max(20) }),
  output: z.object({ joined: z.string(), partAnswers: z.array(z.string()) }),
  preset: 'fast',
  async run({ parts }, s) {
    const system = `Answer briefly. ${DATA_NOT_INSTRUCTIONS}`;
    const answers = await Promise.all(
      parts.map((part, index) => s.sample(`part:${index}`, { system, user: delimit('part', part), maxTokens: 50 })),
    );
    const joined = await s.sample('join', {
      system,
      user: delimit('answers', answers.map((answer) => answer.text).join('\n')),
      maxTokens: 80,
      preset: 'smart',
    });
    return { joined: joined.text, partAnswers: answers.map((answer) => answer.text) };
  },
  heuristic: ({ parts }) => ({ joined: parts.join(' / '), partAnswers: parts }),
  text: (output) => output.joined,
});

/** A tool that needs no sample at all for one part. */
export const maybeSampleTool = defineSamplingTool({
  name: 'maybe_sample',
  title: 'Maybe sample',
  description: 'Test tool: samples only when asked to.',
  input: z.object({ sample: z.boolean() }),
  output: z.object({ answer: z.string() }),
  preset: 'balanced',
  async run({ sample }, s) {
    if (!sample) return { answer: 'no sample needed' };
    const reply = await s.sample('only', { system: 'Say hi.', user: 'hi', maxTokens: 5 });
    return { answer: reply.text };
  },
});

/** Failures end in an isError here, so the engine and failure tests see them (fallback.test.ts covers the policy). */
const ERRORS_ONLY: FallbackPolicy = {
  'no-capability': ['error'],
  declined: ['error'],
  failed: ['error'],
  'invalid-output': ['error'],
};

export const buildTestServer = () =>
  createSamplingServer(
    { name: 'kit-test', version: '0.0.0', tools: [fanOutTool, maybeSampleTool] },
    { fallback: ERRORS_ONLY, provider: null },
  );

/** Asks `steps` steps one after another: each round depends on the last. */
export const chainTool = defineSamplingTool({
  name: 'chain',
  title: 'Chain',
  description: 'Test tool: sequential steps.',
  input: z.object({ steps: z.number().int().min(1).max(20) }),
  output: z.object({ last: z.string() }),
  preset: 'fast',
  async run({ steps }, s) {
    let last = 'start';
    for (let i = 0; i < steps; i += 1) {
      last = (await s.sample(`step:${i}`, { system: 'Continue.', user: delimit('previous', last), maxTokens: 10 })).text;
    }
    return { last };
  },
});

let drift = 0;
/** Breaks the determinism rule on purpose: its request changes every time run() executes. */
export const driftingTool = defineSamplingTool({
  name: 'drifting',
  title: 'Drifting',
  description: 'Test tool: not deterministic.',
  input: z.object({}),
  output: z.object({ answer: z.string() }),
  preset: 'fast',
  async run(_input, s) {
    drift += 1;
    const first = await s.sample('first', { system: 'Say hi.', user: `attempt ${drift}`, maxTokens: 5 });
    const second = await s.sample('second', { system: 'Say bye.', user: first.text, maxTokens: 5 });
    return { answer: second.text };
  },
});

/**
 * Time a 2025-era host gets per step in these tests: long enough that a loaded machine never
 * turns an instant scripted answer into a timeout. Tests of the timeout itself use
 * `HANG_TIMEOUT_MS` with a host that never answers.
 */
export const PATIENT_TIMEOUT_MS = 60_000;

/** The time limit for tests whose host hangs on purpose: short, as nothing will answer. */
export const HANG_TIMEOUT_MS = 300;

/** Every test tool, errors only (no fallback), a patient time limit and quick heartbeats. */
export const buildFullTestServer = () =>
  createSamplingServer(
    { name: 'kit-test', version: '0.0.0', tools: [fanOutTool, maybeSampleTool, chainTool, driftingTool] },
    { sampleTimeoutMs: PATIENT_TIMEOUT_MS, heartbeatMs: 20, fallback: ERRORS_ONLY, provider: null },
  );

/** `buildFullTestServer` for a host that never answers: the step times out after `HANG_TIMEOUT_MS`. */
export const buildImpatientTestServer = () =>
  createSamplingServer(
    { name: 'kit-test', version: '0.0.0', tools: [fanOutTool, maybeSampleTool, chainTool, driftingTool] },
    { sampleTimeoutMs: HANG_TIMEOUT_MS, heartbeatMs: 20, fallback: ERRORS_ONLY, provider: null },
  );

const COLOURS = ['red', 'green', 'blue'] as const;

/** A structured step: the answer must name one of three colours; spelling is normalised first. */
export const pickColourTool = defineSamplingTool({
  name: 'pick_colour',
  title: 'Pick colour',
  description: 'Test tool: one structured step with a closed answer set.',
  input: z.object({ thing: z.string().min(1), repairs: z.number().int().min(0).max(2).optional() }),
  output: z.object({ colour: z.enum(COLOURS), confidence: z.number(), repairs: z.number() }),
  preset: 'fast',
  async run({ thing, repairs }, s) {
    const answer = await s.sampleJson('pick', z.object({ colour: z.enum(COLOURS), confidence: z.number().min(0).max(1) }), {
      system: `Pick the colour of the thing. ${DATA_NOT_INSTRUCTIONS}`,
      user: delimit('thing', thing),
      maxTokens: 40,
      ...(repairs !== undefined && { repairs }),
      normalise: (value) =>
        value !== null && typeof value === 'object' && 'colour' in value && typeof value.colour === 'string'
          ? { ...value, colour: value.colour.trim().toLowerCase() }
          : value,
    });
    return { ...answer.value, repairs: answer.repairs };
  },
  heuristic: () => ({ colour: 'red' as const, confidence: 0, repairs: 0 }),
});

export const buildJsonTestServer = () =>
  createSamplingServer(
    { name: 'kit-json-test', version: '0.0.0', tools: [pickColourTool] },
    { fallback: ERRORS_ONLY, provider: null },
  );
