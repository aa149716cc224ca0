/**
 * `call --trace` end to end, in both eras: the built host bin against the built summarise server
 * (a fan-out: two map requests in round 1, the reduce in round 2) and against meta-server.mjs, a
 * small SDK server that returns the `_meta` it received on every leg of the call, so the
 * traceparent the host printed can be compared with the one the server got.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CallTrace } from '../src/trace/call-trace.js';
import { type CallDocument, callJson, ERA_FLAGS, runHost, serverBin } from './helpers.js';

const REPORT = readFileSync(fileURLToPath(new URL('../demo/sample-report.txt', import.meta.url)), 'utf8');
const META_SERVER = fileURLToPath(new URL('./fixtures/meta-server.mjs', import.meta.url));
const SUMMARISE_ARGS = { text: REPORT, style: 'bullets', maxWords: 80 };

/** One span line of the printed timeline. */
interface Row {
  depth: number;
  name: string;
  summary: string;
}

/** The printed trace: its id, the traceparent line, the span lines and the provenance line. */
function printedTrace(stdout: string): { traceId: string; traceparent: string; rows: Row[]; provenance: string } {
  const lines = stdout.split('\n');
  const start = lines.findIndex((line) => /^Trace [0-9a-f]{32}$/.test(line));
  if (start === -1) throw new Error(`no trace printed:\n${stdout}`);
  const traceparent = /^ {2}sent to the server as params\._meta\.traceparent = (\S+)$/.exec(lines[start + 1] ?? '')?.[1];
  const rows: Row[] = [];
  let index = start + 2;
  for (; index < lines.length && !lines[index]?.startsWith('provenance:'); index += 1) {
    const match = /^ {2}( *)(\S.*?) {2,}\+\d+(?:\.\d+)? m?s +\d+(?:\.\d+)? m?s {2}\|[ █]{24}\| {2}(.*)$/.exec(lines[index] ?? '');
    if (match === null) throw new Error(`not a span line: '${lines[index]}'`);
    rows.push({ depth: (match[1] ?? '').length / 2, name: match[2] ?? '', summary: match[3] ?? '' });
  }
  return {
    traceId: lines[start]?.slice('Trace '.length) ?? '',
    traceparent: traceparent ?? '',
    rows,
    provenance: lines[index] ?? '',
  };
}

/** Each round row with the names of the request rows under it, sorted. */
function roundsOf(rows: Row[]): Array<{ round: string; requests: string[] }> {
  const rounds: Array<{ round: string; requests: string[] }> = [];
  for (const row of rows) {
    if (row.depth === 1) rounds.push({ round: row.name, requests: [] });
    else if (row.depth === 2) rounds.at(-1)?.requests.push(row.name);
  }
  return rounds.map((entry) => ({ ...entry, requests: entry.requests.sort() }));
}

/** What meta-server.mjs returns: the trace keys of each leg's `_meta`. */
interface Legs {
  legs: Array<{ traceparent: string | null; tracestate: string | null }>;
}

type TracedDocument = CallDocument & { trace?: CallTrace };

/** The legs meta-server.mjs reported in its result. */
function legsOf(document: CallDocument): Legs['legs'] {
  const structured = document.result?.structuredContent as Legs | undefined;
  if (structured === undefined) throw new Error(`no structured result: ${JSON.stringify(document.result)}`);
  return structured.legs;
}

describe.each(['2025', '2026-07-28'] as const)('call --trace, protocol %s', (era) => {
  const flags = ['--approve', 'auto', '--era', ERA_FLAGS[era], '--quiet'];

  it('a fan-out summarise prints one call span, its rounds, and one line per request under the right round', async () => {
    const run = await runHost([
      'call',
      'summarise',
      '--args',
      JSON.stringify(SUMMARISE_ARGS),
      '--offline',
      '--trace',
      ...flags,
      '--',
      'node',
      serverBin('summarise'),
    ]);
    expect(run.code, run.stderr).toBe(0);
    const trace = printedTrace(run.stdout);
    expect(trace.traceparent).toMatch(new RegExp(`^00-${trace.traceId}-[0-9a-f]{16}-01$`));
    expect(trace.rows.filter((row) => row.depth === 0).map((row) => row.name)).toEqual(['tools/call summarise']);
    expect(trace.rows[0]?.summary).toBe(`protocol ${era} · stdio · ok`);
    expect(roundsOf(trace.rows)).toEqual([
      { round: 'sampling round 1', requests: ['sample map:0', 'sample map:1'] },
      { round: 'sampling round 2', requests: ['sample reduce'] },
    ]);
    expect(trace.rows.find((row) => row.name === 'sampling round 1')?.summary).toBe('2 requests');
    for (const row of trace.rows.filter((candidate) => candidate.depth === 2)) {
      expect(row.summary).toMatch(
        /^maxTokens \d+ · balanced → offline-extractive-1 in \d+ ms · endTurn · approved automatically$/,
      );
    }
    expect(trace.provenance).toBe(`provenance: path host · models offline-extractive-1 · era ${era} · rounds 2 · samples 3`);
    // The trace comes after the result and the transcript, on stdout.
    expect(run.stdout.indexOf('Result:')).toBeLessThan(run.stdout.indexOf('Sampling: 3 requests in 2 rounds'));
    expect(run.stdout.indexOf('Sampling: 3 requests in 2 rounds')).toBeLessThan(run.stdout.indexOf(`Trace ${trace.traceId}`));
  });

  it('with --json the trace is in the document: the contract attributes, and no text of the document or prompts', async () => {
    const { code, json } = (await callJson(
      'summarise',
      SUMMARISE_ARGS,
      ['node', serverBin('summarise')],
      [...flags, '--trace'],
    )) as { code: number | null; json: TracedDocument };
    expect(code).toBe(0);
    const trace = json.trace as CallTrace;
    const call = trace.spans[0];
    expect(call).toMatchObject({ name: 'tools/call summarise', kind: 'client', startMs: 0 });
    expect(call?.attributes).toMatchObject({
      'mcp.method.name': 'tools/call',
      'gen_ai.operation.name': 'execute_tool',
      'gen_ai.tool.name': 'summarise',
      'mcp_sampling.era': era,
      'mcp_sampling.transport': 'stdio',
      'mcp_sampling.path': 'host',
      'mcp_sampling.rounds': 2,
      'mcp_sampling.samples': 3,
      'mcp_sampling.models': ['offline-extractive-1'],
      'mcp_sampling.outcome': 'ok',
    });
    const steps = trace.spans.filter((span) => span.name.startsWith('sample '));
    expect(steps).toHaveLength(3);
    for (const step of steps) {
      const key = step.attributes['mcp_sampling.step.key'];
      const request = json.transcript.requests.find((candidate) => candidate.key === key);
      const round = trace.spans.find((span) => span.spanId === step.parentSpanId);
      expect(round?.name).toBe(`sampling round ${request?.round}`);
      expect(round?.parentSpanId).toBe(call?.spanId);
      expect(step).toMatchObject({
        kind: 'server',
        attributes: {
          'gen_ai.operation.name': 'chat',
          'gen_ai.request.max_tokens': request?.grantedMaxTokens,
          'gen_ai.response.model': 'offline-extractive-1',
          'gen_ai.response.finish_reasons': ['endTurn'],
          'mcp_sampling.answered_by': 'host',
        },
      });
    }
    const attributeText = JSON.stringify(trace.spans.map((span) => span.attributes));
    const prompts = json.transcript.requests.flatMap((request) => [request.systemPrompt, ...request.messages.map((m) => m.text)]);
    const answers = json.transcript.requests.map((request) =>
      request.outcome?.status === 'answered' ? request.outcome.text : '',
    );
    for (const text of [REPORT, ...prompts, ...answers]) {
      for (let at = 0; at + 40 <= text.length; at += 400) expect(attributeText).not.toContain(text.slice(at, at + 40));
    }
  });

  it('the server gets the printed trace id in _meta; a call without sampling is only the call span', async () => {
    const run = await runHost(['call', 'record-meta', '--args', '{}', '--trace', ...flags, '--', 'node', META_SERVER]);
    expect(run.code, run.stderr).toBe(0);
    const trace = printedTrace(run.stdout);
    const received = /"traceparent":"(00-([0-9a-f]{32})-[0-9a-f]{16}-01)"/.exec(run.stdout);
    expect(received?.[2]).toBe(trace.traceId);
    expect(received?.[1]).toBe(trace.traceparent);
    expect(trace.rows).toEqual([{ depth: 0, name: 'tools/call record-meta', summary: `protocol ${era} · stdio · ok` }]);
    expect(trace.provenance).toBe('provenance: none in the result (the server does not say how it answered)');
  });

  it("every leg of a sampling call carries the call span's traceparent", async () => {
    const { code, json } = (await callJson('record-meta', { sample: true }, ['node', META_SERVER], [...flags, '--trace'])) as {
      code: number | null;
      json: TracedDocument;
    };
    expect(code).toBe(0);
    const trace = json.trace as CallTrace;
    const [call, round, step] = trace.spans;
    expect(trace.spans.map((span) => span.name)).toEqual(['tools/call record-meta', 'sampling round 1', 'sample echo']);
    expect([round?.parentSpanId, step?.parentSpanId]).toEqual([call?.spanId, round?.spanId]);
    const legs = legsOf(json);
    // 2025: the legacy shim runs the handler again after the pushed request; 2026-07-28: the client retries the call.
    expect(legs).toHaveLength(2);
    for (const leg of legs) expect(leg).toEqual({ traceparent: `00-${trace.traceId}-${call?.spanId}-01`, tracestate: null });
    expect(trace.traceparent).toBe(legs[0]?.traceparent);
  });

  it('without --trace no traceparent is sent', async () => {
    const { code, json } = await callJson('record-meta', { sample: true }, ['node', META_SERVER], flags);
    expect(code).toBe(0);
    expect(legsOf(json)).toEqual([
      { traceparent: null, tracestate: null },
      { traceparent: null, tracestate: null },
    ]);
    expect((json as TracedDocument).trace).toBeUndefined();
  });

  it('a declined request shows in the trace, and the call span is an error', async () => {
    const run = await runHost([
      'call',
      'record-meta',
      '--args',
      '{"sample": true}',
      '--trace',
      '--approve',
      'deny',
      '--era',
      ERA_FLAGS[era],
      '--quiet',
      '--',
      'node',
      META_SERVER,
    ]);
    expect(run.code).toBe(1);
    const trace = printedTrace(run.stdout);
    // 2025: the server is told of the decline and returns an isError; 2026-07-28: the call ends without a result.
    const ending = era === '2025' ? 'tool_error' : 'call_failed';
    expect(trace.rows.map((row) => [row.depth, row.name])).toEqual([
      [0, 'tools/call record-meta'],
      [1, 'sampling round 1'],
      [2, 'sample echo'],
    ]);
    expect(trace.rows[0]?.summary).toBe(`protocol ${era} · stdio · error (${ending})`);
    expect(trace.rows[2]?.summary).toBe('maxTokens 40 · balanced · declined · denied by policy');
    expect(trace.provenance).toBe(
      era === '2025'
        ? 'provenance: none in the result (the server does not say how it answered)'
        : 'provenance: none: the call ended without a result',
    );
  });
});
