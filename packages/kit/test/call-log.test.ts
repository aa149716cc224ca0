/**
 * The log lines of a call, read through `configureLogging({ write })` from a real client calling a
 * real server in both eras: the `info` line's fields on the host, provider and heuristic paths,
 * the `warn` line of an `isError` and the `error` line of a bug, the `debug` step and round lines,
 * the levels, and that no user text, model text, `_meta` value or key ever reaches a line.
 */
import { connectInMemory, ERAS, type Era, MOCK_MODEL, type MockHost, type MockHostOptions, reply } from '@mcp-sampling/testing';
import { ANTHROPIC_API, quickConfig, useFakeProviderApis } from '@mcp-sampling/testing/provider-apis';
import { afterEach, describe, expect, it, vi } from 'vitest';
import * as z from 'zod/v4';
import {
  configureLogging,
  createSamplingServer,
  defineSamplingTool,
  type FallbackAction,
  fallbackPolicyOf,
  flushLogs,
  type LogLevel,
  logLevelFromEnv,
} from '../src/index.js';
import { fanOutTool, PATIENT_TIMEOUT_MS } from './fixtures.js';

const apis = useFakeProviderApis();

/** A tool with a bug: it throws something that is neither a failed step nor bad input. */
const brokenTool = defineSamplingTool({
  name: 'broken',
  title: 'Broken',
  description: 'Test tool: throws an unexpected error.',
  input: z.object({ note: z.string() }),
  output: z.object({ answer: z.string() }),
  preset: 'fast',
  async run() {
    throw new TypeError('a bug in the tool');
  },
});

/** The fields every call line has, besides pino's own (`level`, `time`, `pid`, `hostname`, `msg`). */
const CALL_FIELDS = ['tool', 'era', 'transport', 'path', 'reason', 'rounds', 'samples', 'models', 'durationMs', 'outcome'];
const PINO_FIELDS = ['level', 'time', 'pid', 'hostname', 'msg'];

type LogLine = Record<string, unknown> & { level: number; msg: string };

let written: string[] = [];
const hosts: MockHost[] = [];

/** Sends lines at `level` to `written`. */
function logAt(level: LogLevel) {
  written = [];
  configureLogging({ level, write: (line) => written.push(line) });
}

/** Every line logged so far, parsed, once all are written. */
async function logged(): Promise<LogLine[]> {
  await flushLogs();
  for (const line of written) expect(line.endsWith('\n') && !line.slice(0, -1).includes('\n'), line).toBe(true);
  return written.map((line) => JSON.parse(line) as LogLine);
}

/** The one call line of `tool` logged so far. */
async function callLine(tool: string): Promise<LogLine> {
  const lines = (await logged()).filter((line) => line.msg === `tools/call ${tool}`);
  expect(lines).toHaveLength(1);
  return lines[0] as LogLine;
}

afterEach(async () => {
  await Promise.all(hosts.splice(0).map((host) => host.close()));
  await flushLogs();
  configureLogging({});
});

/** A host connected to a server with the test tools, falling back with `actions`, its provider the fake Anthropic API. */
async function connect(host: MockHostOptions, actions: FallbackAction[] = ['provider', 'heuristic', 'error']) {
  const connected = await connectInMemory(
    () =>
      createSamplingServer(
        { name: 'kit-log-test', version: '0.0.0', tools: [fanOutTool, brokenTool] },
        { sampleTimeoutMs: PATIENT_TIMEOUT_MS, fallback: fallbackPolicyOf(actions), provider: quickConfig(ANTHROPIC_API) },
      ),
    host,
  );
  hosts.push(connected);
  return connected;
}

describe.each(ERAS)('the call line, %s', (era: Era) => {
  it('on the host path: info, with every field of the call and nothing else', async () => {
    logAt('info');
    const host = await connect({ era, script: reply.text('part answer') });
    const result = await host.callTool('fan_out', { parts: ['one', 'two'] });
    expect(result.isError).toBeFalsy();
    const line = await callLine('fan_out');
    expect(line).toMatchObject({
      level: 30,
      msg: 'tools/call fan_out',
      tool: 'fan_out',
      era,
      transport: 'stdio',
      path: 'host',
      rounds: 2,
      samples: 3,
      models: [MOCK_MODEL],
      outcome: 'ok',
    });
    expect(line.durationMs).toEqual(expect.any(Number));
    expect(line.durationMs as number).toBeGreaterThanOrEqual(0);
    expect(line.reason).toBeUndefined();
    expect(Object.keys(line).sort()).toEqual([...PINO_FIELDS, ...CALL_FIELDS].filter((field) => field !== 'reason').sort());
    expect(await logged()).toHaveLength(1);
  });

  it('on the provider path: the reason code and the provider models', async () => {
    logAt('info');
    apis.answerText(ANTHROPIC_API, 'provider answer');
    const host = await connect({ era, sampling: false });
    const result = await host.callTool('fan_out', { parts: ['one', 'two'] });
    expect(result.isError).toBeFalsy();
    expect(await callLine('fan_out')).toMatchObject({
      level: 30,
      era,
      path: 'provider',
      reason: 'no-capability',
      rounds: 2,
      samples: 3,
      models: ['claude-haiku-4-5-fake', 'claude-opus-4-1-fake'],
      outcome: 'ok',
    });
  });

  it('on the heuristic path: no rounds, no samples, no models', async () => {
    logAt('info');
    const host = await connect({ era, sampling: false }, ['heuristic', 'error']);
    const result = await host.callTool('fan_out', { parts: ['one'] });
    expect(result.isError).toBeFalsy();
    const line = await callLine('fan_out');
    expect(line).toMatchObject({
      level: 30,
      path: 'heuristic',
      reason: 'no-capability',
      rounds: 0,
      samples: 0,
      models: [],
      outcome: 'ok',
    });
    expect(Object.keys(line).sort()).toEqual([...PINO_FIELDS, ...CALL_FIELDS].sort());
  });

  it('of an isError: warn, with the reason and no path', async () => {
    logAt('info');
    const host = await connect({ era, sampling: false }, ['error']);
    const result = await host.callTool('fan_out', { parts: ['one'] });
    expect(result.isError).toBe(true);
    const line = await callLine('fan_out');
    expect(line).toMatchObject({ level: 40, reason: 'no-capability', outcome: 'error', rounds: 0, samples: 0, models: [] });
    expect(line.path).toBeUndefined();
  });

  it('of a bug: error, with the reason internal', async () => {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    logAt('info');
    const host = await connect({ era, script: reply.text('unused') });
    const result = await host.callTool('broken', { note: 'hello' });
    expect(result.isError).toBe(true);
    expect(await callLine('broken')).toMatchObject({ level: 50, reason: 'internal', outcome: 'error', era });
    vi.restoreAllMocks();
  });
});

describe('debug lines', () => {
  it('2026-07-28: a round line per round that asks for more, then a step line per step, then the call line', async () => {
    logAt('debug');
    const host = await connect({ era: '2026-07-28', script: reply.text('part answer') });
    await host.callTool('fan_out', { parts: ['one', 'two'] });
    const lines = await logged();
    expect(lines.map((line) => line.msg)).toEqual([
      'round 1',
      'round 2',
      'step part:0',
      'step part:1',
      'step join',
      'tools/call fan_out',
    ]);
    expect(lines.slice(0, 5).every((line) => line.level === 20)).toBe(true);
    expect(lines[0]).toMatchObject({ tool: 'fan_out', round: 1, asked: ['part:0', 'part:1'] });
    expect(lines[1]).toMatchObject({ tool: 'fan_out', round: 2, asked: ['join'] });
    expect(Object.keys(lines[0] ?? {}).sort()).toEqual([...PINO_FIELDS, 'tool', 'round', 'asked'].sort());
    expectStepLines(lines.slice(2, 5));
  });

  it('2025: a step line per step, then the call line; no round lines', async () => {
    logAt('debug');
    const host = await connect({ era: '2025', script: reply.text('part answer') });
    await host.callTool('fan_out', { parts: ['one', 'two'] });
    const lines = await logged();
    expect(lines.map((line) => line.msg).sort()).toEqual(['step join', 'step part:0', 'step part:1', 'tools/call fan_out']);
    expect(lines.at(-1)?.msg).toBe('tools/call fan_out');
    expectStepLines(lines.slice(0, 3));
  });

  it('a provider step says who answered it', async () => {
    logAt('debug');
    apis.answerText(ANTHROPIC_API, 'provider answer');
    const host = await connect({ era: '2025', sampling: false });
    await host.callTool('fan_out', { parts: ['one'] });
    const steps = (await logged()).filter((line) => line.msg.startsWith('step '));
    expect(steps.map((line) => [line.key, line.answeredBy, line.model])).toEqual([
      ['part:0', 'provider', 'claude-haiku-4-5-fake'],
      ['join', 'provider', 'claude-opus-4-1-fake'],
    ]);
  });
});

/** The step lines of a two-part fan-out answered by the mock host: fields, presets, token limits, rounds. */
function expectStepLines(steps: LogLine[]): void {
  const byKey = new Map(steps.map((line) => [line.key, line]));
  expect(byKey.get('part:0')).toMatchObject({ tool: 'fan_out', round: 1, preset: 'fast', maxTokens: 50, answeredBy: 'host' });
  expect(byKey.get('part:1')).toMatchObject({ round: 1, preset: 'fast', maxTokens: 50, model: MOCK_MODEL });
  expect(byKey.get('join')).toMatchObject({ round: 2, preset: 'smart', maxTokens: 80, model: MOCK_MODEL });
  for (const line of steps) {
    expect(line.level).toBe(20);
    expect(line.waitMs as number).toBeGreaterThanOrEqual(0);
    expect(Object.keys(line).sort()).toEqual(
      [...PINO_FIELDS, 'tool', 'key', 'round', 'preset', 'maxTokens', 'waitMs', 'answeredBy', 'model'].sort(),
    );
  }
}

describe('nothing secret in any line', () => {
  const USER_TEXT = 'ZEBRA-PLUM-7731 my private note';
  const HOST_REPLY = 'QUINCE-ORBIT-5519 the model says';
  const PROVIDER_REPLY = 'MANGO-RIVET-8842 the provider says';
  const HOST_ERROR = 'WALNUT-FJORD-3306 backend exploded';
  const META_VALUE = 'LILAC-GRAVEL-1957';

  it('at debug, on the host, provider and heuristic paths of both eras', async () => {
    logAt('debug');
    apis.answerText(ANTHROPIC_API, PROVIDER_REPLY);
    const call = (host: MockHost) =>
      host.client.callTool({ name: 'fan_out', arguments: { parts: [USER_TEXT, USER_TEXT] }, _meta: { note: META_VALUE } });
    const outcomes: unknown[] = [];
    for (const era of ERAS) {
      outcomes.push(await call(await connect({ era, script: reply.text(HOST_REPLY) })));
      outcomes.push(await call(await connect({ era, sampling: false })));
      outcomes.push(await call(await connect({ era, sampling: false }, ['heuristic', 'error'])));
      outcomes.push(await call(await connect({ era, script: reply.text(HOST_REPLY) }, ['error'])));
    }
    outcomes.push(await call(await connect({ era: '2025', script: reply.error(HOST_ERROR) })));
    outcomes.push(await call(await connect({ era: '2025', script: reply.decline(HOST_ERROR) }, ['heuristic', 'error'])));

    const all = JSON.stringify(outcomes);
    for (const secret of [USER_TEXT, HOST_REPLY, PROVIDER_REPLY, HOST_ERROR]) expect(all).toContain(secret.split(' ')[0]);
    const paths = (await logged()).filter((line) => line.msg === 'tools/call fan_out').map((line) => line.path);
    expect(new Set(paths)).toEqual(new Set(['host', 'provider', 'heuristic']));

    const text = written.join('');
    expect(written.length).toBeGreaterThan(20);
    for (const secret of [USER_TEXT, HOST_REPLY, PROVIDER_REPLY, HOST_ERROR, META_VALUE, ANTHROPIC_API.key]) {
      expect(text).not.toContain(secret.split(' ')[0]);
    }
    // The reason is a code, never the provenance's free text.
    expect(text).not.toContain('This tool needs the host');
  });
});

describe('the levels', () => {
  /** One ok call, one isError and one bug, each on a host that cannot sample. */
  async function threeCalls() {
    vi.spyOn(console, 'error').mockImplementation(() => {});
    const heuristic = await connect({ era: '2025', sampling: false }, ['heuristic', 'error']);
    expect((await heuristic.callTool('fan_out', { parts: ['one'] })).isError).toBeFalsy();
    const failing = await connect({ era: '2025', sampling: false }, ['error']);
    expect((await failing.callTool('fan_out', { parts: ['one'] })).isError).toBe(true);
    expect((await failing.callTool('broken', { note: 'x' })).isError).toBe(true);
    vi.restoreAllMocks();
  }

  it('off: nothing', async () => {
    logAt('off');
    await threeCalls();
    expect(await logged()).toEqual([]);
  });

  it('error: only the bug', async () => {
    logAt('error');
    await threeCalls();
    expect((await logged()).map((line) => [line.level, line.msg])).toEqual([[50, 'tools/call broken']]);
  });

  it('info: the three call lines, no step lines', async () => {
    logAt('info');
    await threeCalls();
    expect((await logged()).map((line) => [line.level, line.msg])).toEqual([
      [30, 'tools/call fan_out'],
      [40, 'tools/call fan_out'],
      [50, 'tools/call broken'],
    ]);
  });

  it('a sink that throws never fails a call', async () => {
    configureLogging({
      level: 'debug',
      write: () => {
        throw new Error('disk full');
      },
    });
    const host = await connect({ era: '2026-07-28', script: reply.text('fine') });
    const result = await host.callTool('fan_out', { parts: ['one'] });
    expect(result.structuredContent).toMatchObject({ joined: 'fine' });
  });
});

describe('logLevelFromEnv', () => {
  it('reads each level in any case, and the fallback when unset or empty', () => {
    expect(logLevelFromEnv('error', { MCP_SAMPLING_LOG: 'debug' })).toBe('debug');
    expect(logLevelFromEnv('error', { MCP_SAMPLING_LOG: ' Info ' })).toBe('info');
    expect(logLevelFromEnv('error', { MCP_SAMPLING_LOG: 'OFF' })).toBe('off');
    expect(logLevelFromEnv('info', { MCP_SAMPLING_LOG: '' })).toBe('info');
    expect(logLevelFromEnv('error', {})).toBe('error');
  });

  it('refuses anything else, naming the variable and the levels', () => {
    expect(() => logLevelFromEnv('error', { MCP_SAMPLING_LOG: 'verbose' })).toThrow(
      'MCP_SAMPLING_LOG must be one of off, error, info, debug (got verbose).',
    );
  });
});
