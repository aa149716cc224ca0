/**
 * The span tree of a 2026-07-28 call over Streamable HTTP whose rounds alternate between two
 * replicas sharing the state key: no process sees every round, yet the call is traced whole, once,
 * by the replica that served its last round, continuing the caller's trace.
 */
import { randomBytes } from 'node:crypto';
import { connectHttp, type MockHost, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { createSamplingServer, RoundStateSealer } from '../src/index.js';
import { chainTool } from './fixtures.js';
import { serveHttp } from './http-helpers.js';
import { callTreeOf, useSpanRecorder } from './telemetry-helpers.js';

const spans = useSpanRecorder();

const TRACE_ID = '4bf92f3577b34da6a3ce929d0e0e4736';
const TRACEPARENT = `00-${TRACE_ID}-00f067aa0ba902b7-01`;
const hostAnswers = reply.text((request) => `answer ${request.key}`, 'host-model-1');

describe('a 2026-07-28 call over Streamable HTTP, its rounds served by two replicas', () => {
  let host: MockHost | undefined;
  afterEach(async () => {
    await host?.close();
    host = undefined;
  });

  it('is written whole, once, by the replica that served the last round', async () => {
    const sealer = new RoundStateSealer(randomBytes(32).toString('hex'));
    const replica = () =>
      createSamplingServer({ name: 'kit-trace-test', version: '0.0.0', tools: [chainTool] }, { sealer, provider: null });
    const urls = [(await serveHttp(replica, { replica: 'a' })).url, (await serveHttp(replica, { replica: 'b' })).url];
    let next = 0;
    const alternate = (_input: string | URL, init?: RequestInit) => fetch(urls[next++ % 2] ?? '', init);
    host = await connectHttp(urls[0] ?? '', { era: '2026-07-28', script: hostAnswers, fetch: alternate });
    const result = await host.client.callTool({ name: 'chain', arguments: { steps: 3 }, _meta: { traceparent: TRACEPARENT } });
    expect(result.isError).toBeFalsy();

    const { call, rounds, stepsOf } = callTreeOf(spans.getFinishedSpans());
    expect(call.spanContext().traceId).toBe(TRACE_ID);
    expect(call.attributes).toMatchObject({
      'mcp_sampling.transport': 'http',
      'mcp_sampling.era': '2026-07-28',
      'mcp_sampling.rounds': 3,
    });
    expect(rounds.map((round) => stepsOf(round).map((step) => step.name))).toEqual([
      ['sample step:0'],
      ['sample step:1'],
      ['sample step:2'],
    ]);
  });
});
