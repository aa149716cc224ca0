/**
 * The kit's four metric instruments, read through the OpenTelemetry SDK's MeterProvider after a
 * real SDK client made calls on each path: calls by path and outcome, rounds per call, step
 * durations by who answered, fallbacks by reason. The provider is registered only after the kit
 * has already counted a call, as a bin's SDK is, and replaced later on.
 */
import { reply } from '@mcp-sampling/testing';
import { useMockHosts } from '@mcp-sampling/testing/hosts';
import { ANTHROPIC_API, quickConfig, useFakeProviderApis } from '@mcp-sampling/testing/provider-apis';
import type { Histogram } from '@opentelemetry/sdk-metrics';
import { afterEach, describe, expect, it } from 'vitest';
import { createSamplingServer, fallbackPolicyOf, type RegisterOptions } from '../src/index.js';
import { fanOutTool, maybeSampleTool } from './fixtures.js';
import { pointWith, registerMetricReader } from './telemetry-helpers.js';

const apis = useFakeProviderApis();
const connect = useMockHosts();

let reader: ReturnType<typeof registerMetricReader> | undefined;
afterEach(async () => {
  await reader?.unregister();
  reader = undefined;
});

const serverWith =
  (options: RegisterOptions = {}) =>
  () =>
    createSamplingServer(
      { name: 'kit-metrics-test', version: '0.0.0', tools: [fanOutTool, maybeSampleTool] },
      { provider: null, fallback: fallbackPolicyOf(['error']), ...options },
    );

const hostAnswers = reply.text((request) => `answer ${request.key}`, 'host-model-1');

/** A fan-out the host's model answers: 2 rounds, 3 steps. */
async function hostCall(era: '2025' | '2026-07-28'): Promise<void> {
  const host = await connect(serverWith(), { era, script: hostAnswers });
  expect((await host.callTool('fan_out', { parts: ['a', 'b'] })).isError).toBeFalsy();
}

const histogram = (value: unknown) => value as Histogram;

describe('the call metrics', () => {
  it('count calls, rounds, step durations and fallbacks on every path', async () => {
    await hostCall('2025'); // counted before any meter provider exists: on the API's no-op meter
    reader = registerMetricReader();

    await hostCall('2025');
    await hostCall('2026-07-28');
    const heuristic = await connect(serverWith({ fallback: fallbackPolicyOf(['heuristic', 'error']) }), { sampling: false });
    expect((await heuristic.callTool('fan_out', { parts: ['a', 'b'] })).isError).toBeFalsy();
    const failing = await connect(serverWith(), { era: '2026-07-28', sampling: false });
    expect((await failing.callTool('maybe_sample', { sample: true })).isError).toBe(true);
    apis.answerText(ANTHROPIC_API, 'provider answer', 'provider-model-7');
    const provider = await connect(
      serverWith({ fallback: fallbackPolicyOf(['provider', 'error']), provider: quickConfig(ANTHROPIC_API) }),
      { sampling: false },
    );
    expect((await provider.callTool('fan_out', { parts: ['a', 'b'] })).isError).toBeFalsy();

    const calls = await reader.collect('mcp_sampling.calls');
    const fanOut = { 'mcp_sampling.tool': 'fan_out' };
    expect(calls.map((point) => [point.attributes, point.value])).toHaveLength(4);
    expect(pointWith(calls, { ...fanOut, 'mcp_sampling.path': 'host', 'mcp_sampling.outcome': 'ok' })?.value).toBe(2);
    expect(pointWith(calls, { ...fanOut, 'mcp_sampling.path': 'heuristic', 'mcp_sampling.outcome': 'ok' })?.value).toBe(1);
    expect(pointWith(calls, { ...fanOut, 'mcp_sampling.path': 'provider', 'mcp_sampling.outcome': 'ok' })?.value).toBe(1);
    expect(pointWith(calls, { 'mcp_sampling.tool': 'maybe_sample', 'mcp_sampling.outcome': 'error' })?.value).toBe(1);

    const rounds = await reader.collect('mcp_sampling.call.rounds');
    expect(histogram(pointWith(rounds, fanOut)?.value)).toMatchObject({ count: 4, sum: 2 + 2 + 0 + 2, min: 0, max: 2 });
    expect(histogram(pointWith(rounds, { 'mcp_sampling.tool': 'maybe_sample' })?.value)).toMatchObject({ count: 1, sum: 0 });

    const steps = await reader.collect('mcp_sampling.step.duration');
    expect(steps).toHaveLength(2);
    const hostSteps = histogram(pointWith(steps, { ...fanOut, 'mcp_sampling.answered_by': 'host' })?.value);
    const providerSteps = histogram(pointWith(steps, { ...fanOut, 'mcp_sampling.answered_by': 'provider' })?.value);
    expect(hostSteps.count).toBe(3 + 3);
    expect(providerSteps.count).toBe(3);
    expect(hostSteps.min).toBeGreaterThanOrEqual(0);

    const fallbacks = await reader.collect('mcp_sampling.fallbacks');
    expect(fallbacks).toHaveLength(2);
    expect(pointWith(fallbacks, { ...fanOut, 'mcp_sampling.fallback.reason': 'no-capability' })?.value).toBe(2);
    expect(
      pointWith(fallbacks, { 'mcp_sampling.tool': 'maybe_sample', 'mcp_sampling.fallback.reason': 'no-capability' })?.value,
    ).toBe(1);
  });

  it('reach a meter provider that replaced the one they were made from', async () => {
    const first = registerMetricReader();
    await hostCall('2026-07-28');
    expect(await first.collect('mcp_sampling.calls')).toHaveLength(1);
    await first.unregister();

    reader = registerMetricReader();
    await hostCall('2026-07-28');
    await hostCall('2025');
    const [point, ...others] = await reader.collect('mcp_sampling.calls');
    expect(others).toEqual([]);
    expect(point?.value).toBe(2);
    expect(histogram((await reader.collect('mcp_sampling.step.duration'))[0]?.value).count).toBe(6);
  });
});
