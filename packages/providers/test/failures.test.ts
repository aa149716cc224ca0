import { HttpResponse } from 'msw';
import { describe, expect, it } from 'vitest';
import { createProvider, describeProviderError, type ProviderConfig, ProviderError } from '../src/index.js';
import {
  ANTHROPIC,
  errorResponse,
  expectKeyHidden,
  FAST_RETRIES,
  FIXTURES,
  type Fixture,
  FULL_REQUEST,
  neverAnswer,
  useMockApis,
} from './fixtures.js';

const { answer, server, consoleOutput } = useMockApis();

/** Runs `generate` and returns the ProviderError it must reject with. */
async function failure(config: ProviderConfig, request = FULL_REQUEST): Promise<ProviderError> {
  const outcome = await createProvider(config)
    .generate(request)
    .then(
      (result) => result,
      (error: unknown) => error,
    );
  expect(outcome).toBeInstanceOf(ProviderError);
  return outcome as ProviderError;
}

/** A retry base so long that a test would time out if the backoff were used instead of the provider's header. */
const BACKOFF_THAT_WOULD_TIME_OUT = 60_000;

describe.each<Fixture>(FIXTURES)('$name failures', (fixture) => {
  const config = { ...fixture.config, ...FAST_RETRIES };
  const leakyMessage = `Incorrect API key provided: ${fixture.key}. Bearer ${fixture.key}`;

  it.each([401, 403])('%i is an auth error, not retried, and the echoed key is not repeated', async (status) => {
    const sent = answer(fixture, () => errorResponse(fixture, status, leakyMessage));

    const error = await failure(config);

    expect(error).toMatchObject({ kind: 'auth', status, provider: fixture.name, retryable: false });
    expect(sent).toHaveLength(1);
    expect(error.message).toMatch(/rejected the API key \(HTTP 40[13], model /);
    expect(describeProviderError(error)).toMatch(/holds a current key/);
    expectKeyHidden(error, fixture.key, consoleOutput());
  });

  it('429 with retry-after: 0 is retried at once (not after the backoff) and then succeeds', async () => {
    const sent = answer(fixture, (n) =>
      n === 1 ? errorResponse(fixture, 429, 'slow down', { 'retry-after': '0' }) : HttpResponse.json(fixture.success('ok', 'm')),
    );

    const result = await createProvider({ ...config, retryBaseDelayMs: BACKOFF_THAT_WOULD_TIME_OUT }).generate(FULL_REQUEST);

    expect(result.text).toBe('ok');
    expect(sent).toHaveLength(2);
  });

  it('429 with retry-after-ms: 1 is honoured the same way', async () => {
    const sent = answer(fixture, (n) =>
      n === 1
        ? errorResponse(fixture, 429, 'slow down', { 'retry-after-ms': '1' })
        : HttpResponse.json(fixture.success('ok', 'm')),
    );

    const result = await createProvider({ ...config, retryBaseDelayMs: BACKOFF_THAT_WOULD_TIME_OUT }).generate(FULL_REQUEST);

    expect(result.text).toBe('ok');
    expect(sent).toHaveLength(2);
  });

  it('429 on every attempt ends as a rate-limit error after maxRetries + 1 requests', async () => {
    const sent = answer(fixture, () => errorResponse(fixture, 429, leakyMessage, { 'retry-after': '0' }));

    const error = await failure(config);

    expect(error).toMatchObject({ kind: 'rate-limit', status: 429, attempts: 3 });
    expect(sent).toHaveLength(3);
    expectKeyHidden(error, fixture.key, consoleOutput());
  });

  it('429 asking for longer than 30 s stops at once and says how long to wait', async () => {
    const sent = answer(fixture, () => errorResponse(fixture, 429, 'quota', { 'retry-after': '120' }));

    const error = await failure(config);

    expect(error).toMatchObject({ kind: 'rate-limit', retryAfterMs: 120_000, retryable: false });
    expect(error.message).toContain('it asked to wait 120 s');
    expect(sent).toHaveLength(1);
    expectKeyHidden(error, fixture.key, consoleOutput());
  });

  it('500 is retried, then reported as a server error quoting the scrubbed reason', async () => {
    const sent = answer(fixture, () => errorResponse(fixture, 500, `internal failure for ${fixture.key}`));

    const error = await failure(config);

    expect(error).toMatchObject({ kind: 'server', status: 500, attempts: 3 });
    expect(sent).toHaveLength(FAST_RETRIES.maxRetries + 1);
    expect(error.message).toMatch(/failed with HTTP 500 .* after 3 attempts: internal failure for \[redacted\]\.$/);
    expectKeyHidden(error, fixture.key, consoleOutput());
  });

  it('500 then success returns the answer', async () => {
    const sent = answer(fixture, (n) =>
      n === 1 ? errorResponse(fixture, 503, 'busy') : HttpResponse.json(fixture.success('ok', 'm')),
    );

    expect((await createProvider(config).generate(FULL_REQUEST)).text).toBe('ok');
    expect(sent).toHaveLength(2);
  });

  it.each([
    [400, 'bad-request'],
    [404, 'bad-request'],
    [413, 'bad-request'],
  ])('%i is a %s error and is not retried', async (status, kind) => {
    const sent = answer(fixture, () => errorResponse(fixture, status, `model not found; key ${fixture.key}`));

    const error = await failure(config);

    expect(error).toMatchObject({ kind, status, retryable: false });
    expect(sent).toHaveLength(1);
    expect(error.message).toContain('model not found; key [redacted]');
    expectKeyHidden(error, fixture.key, consoleOutput());
  });

  it('an endpoint that never answers times out on every attempt', async () => {
    const sent = answer(fixture, (_, request) => neverAnswer(request));

    const error = await failure({ ...config, timeoutMs: 40, maxRetries: 1 });

    expect(error).toMatchObject({ kind: 'timeout', attempts: 2, retryable: true });
    expect(error.message).toMatch(/did not answer within 40 ms .* after 2 attempts\.$/);
    expect(sent).toHaveLength(2);
    expectKeyHidden(error, fixture.key, consoleOutput());
  });

  it('a success status with a body that is not JSON is malformed and not retried', async () => {
    const sent = answer(
      fixture,
      () => new HttpResponse(`{"oops": ${fixture.key}`, { status: 200, headers: { 'content-type': 'application/json' } }),
    );

    const error = await failure(config);

    expect(error).toMatchObject({ kind: 'malformed', status: 200 });
    expect(sent).toHaveLength(1);
    expectKeyHidden(error, fixture.key, consoleOutput());
  });

  it('a success status with JSON of the wrong shape is malformed too', async () => {
    answer(fixture, () => HttpResponse.json({ unexpected: [fixture.key] }));

    const error = await failure(config);

    expect(error.kind).toBe('malformed');
    expectKeyHidden(error, fixture.key, consoleOutput());
  });

  it('a connection failure is a network error, retried', async () => {
    const sent = answer(fixture, () => HttpResponse.error());

    const error = await failure(config);

    expect(error).toMatchObject({ kind: 'network', attempts: 3 });
    expect(error.message).toMatch(/^Could not reach .* at https?:\/\/[^ ]+ \(model /);
    expect(sent).toHaveLength(3);
    expectKeyHidden(error, fixture.key, consoleOutput());
  });

  it('the caller aborting mid-request rejects at once as aborted, without retrying', async () => {
    const controller = new AbortController();
    let arrived: () => void = () => undefined;
    const requestArrived = new Promise<void>((resolve) => {
      arrived = resolve;
    });
    const sent = answer(fixture, (_, request) => {
      arrived();
      return neverAnswer(request);
    });

    const pending = failure({ ...config, timeoutMs: 60_000 }, { ...FULL_REQUEST, signal: controller.signal });
    await requestArrived;
    controller.abort();
    const error = await pending;

    // 'aborted', not 'timeout': it did not sit out the 60 s limit.
    expect(error).toMatchObject({ kind: 'aborted', retryable: false });
    expect(sent).toHaveLength(1);
    expect(describeProviderError(error)).toContain('cancelled');
    expectKeyHidden(error, fixture.key, consoleOutput());
  });

  it('the caller aborting during the wait between attempts does not sit out the backoff', async () => {
    const controller = new AbortController();
    const sent = answer(fixture, () => errorResponse(fixture, 500, 'down'));
    server.events.on('response:mocked', () => setImmediate(() => controller.abort()));

    const error = await failure(
      { ...config, retryBaseDelayMs: BACKOFF_THAT_WOULD_TIME_OUT },
      { ...FULL_REQUEST, signal: controller.signal },
    );
    server.events.removeAllListeners('response:mocked');

    expect(error.kind).toBe('aborted');
    expect(sent).toHaveLength(1);
    expectKeyHidden(error, fixture.key, consoleOutput());
  });

  it('an already aborted signal sends nothing', async () => {
    const sent = answer(fixture, () => HttpResponse.json(fixture.success('never', 'm')));

    const error = await failure(config, { ...FULL_REQUEST, signal: AbortSignal.abort() });

    expect(error.kind).toBe('aborted');
    expect(sent).toHaveLength(0);
  });
});

describe('request checks', () => {
  it.each([
    [{ maxTokens: 0 }, "'maxTokens' must be a whole number"],
    [{ maxTokens: 2.5 }, "'maxTokens' must be a whole number"],
    [{ messages: [] }, "'messages' must hold at least one message"],
    [{ tier: 'huge' }, "'tier' must be one of fast, balanced, smart"],
  ])('%o is a bad request and sends nothing', async (change, message) => {
    const sent = answer(ANTHROPIC, () => HttpResponse.json({}));

    const error = await failure(ANTHROPIC.config, { ...FULL_REQUEST, ...change } as typeof FULL_REQUEST);

    expect(error).toMatchObject({ kind: 'bad-request' });
    expect(error.message).toContain(message);
    expect(sent).toHaveLength(0);
  });
});
