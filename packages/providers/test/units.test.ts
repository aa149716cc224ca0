import { describe, expect, it } from 'vitest';
import { ProviderError } from '../src/errors.js';
import { printableUrl, redactSecrets, shortReason } from '../src/redact.js';
import { delayBeforeRetry, MAX_BACKOFF_MS, retryAfterFromHeaders } from '../src/retry.js';
import { toStopReason } from '../src/stop-reason.js';
import { fitsStrictMode } from '../src/strict-schema.js';

describe('retryAfterFromHeaders', () => {
  const now = Date.parse('2026-01-01T00:00:00Z');
  it.each<[Record<string, string> | undefined, number | undefined]>([
    [undefined, undefined],
    [{}, undefined],
    [{ 'retry-after': '0' }, 0],
    [{ 'retry-after': '2' }, 2000],
    [{ 'retry-after': '1.5' }, 1500],
    [{ 'Retry-After': '3' }, 3000],
    [{ 'retry-after-ms': '250', 'retry-after': '9' }, 250],
    [{ 'retry-after-ms': 'soon', 'retry-after': '9' }, 9000],
    [{ 'retry-after': 'Thu, 01 Jan 2026 00:00:05 GMT' }, 5000],
    [{ 'retry-after': 'Wed, 31 Dec 2025 23:00:00 GMT' }, 0],
    [{ 'retry-after': 'whenever' }, undefined],
    [{ 'retry-after': '-1' }, undefined],
  ])('%o → %s ms', (headers, expected) => {
    expect(retryAfterFromHeaders(headers, now)).toBe(expected);
  });
});

describe('delayBeforeRetry', () => {
  it('doubles from the base on each failed attempt, up to the cap', () => {
    const error = new ProviderError('server', 'x', { retryable: true });
    expect([1, 2, 3, 4].map((attempt) => delayBeforeRetry(error, attempt, 500))).toEqual([500, 1000, 2000, 4000]);
    expect(delayBeforeRetry(error, 20, 500)).toBe(MAX_BACKOFF_MS);
  });

  it('uses the wait the provider asked for instead', () => {
    expect(delayBeforeRetry(new ProviderError('rate-limit', 'x', { retryAfterMs: 1234 }), 1, 500)).toBe(1234);
  });
});

describe('fitsStrictMode', () => {
  const closed = (properties: Record<string, unknown>) => ({
    type: 'object',
    properties,
    required: Object.keys(properties),
    additionalProperties: false,
  });
  it.each<[string, unknown, boolean]>([
    ['a closed object with every property required', closed({ a: { type: 'string' } }), true],
    [
      'nested closed objects in arrays and anyOf',
      closed({ list: { type: 'array', items: closed({ b: { anyOf: [{ type: 'string' }, { type: 'null' }] } }) } }),
      true,
    ],
    ['a non-object root', { type: 'string' }, true],
    ['an optional property', { ...closed({ a: { type: 'string' } }), required: [] }, false],
    ['an open object', { type: 'object', properties: { a: { type: 'string' } }, required: ['a'] }, false],
    ['an open object deep inside', closed({ list: { type: 'array', items: { type: 'object', properties: {} } } }), false],
    ['an open object in $defs', { ...closed({ a: { $ref: '#/$defs/x' } }), $defs: { x: { type: 'object' } } }, false],
  ])('%s → %s', (_, schema, expected) => {
    expect(fitsStrictMode(schema)).toBe(expected);
  });
});

describe('toStopReason', () => {
  it.each([
    ['stop', undefined, 'endTurn'],
    ['stop', 'end_turn', 'endTurn'],
    ['stop', 'stop_sequence', 'stopSequence'],
    ['length', 'max_tokens', 'maxTokens'],
    ['content-filter', 'refusal', 'other'],
    ['tool-calls', 'tool_use', 'other'],
    [undefined, undefined, 'other'],
  ] as const)('%s / %s → %s', (finish, raw, expected) => {
    expect(toStopReason(finish, raw)).toBe(expected);
  });
});

describe('redaction', () => {
  it('removes the known secret wherever it appears, even when it is not shaped like a key', () => {
    expect(redactSecrets('token plain-secret-value here, again plain-secret-value', ['plain-secret-value'])).toBe(
      'token [redacted] here, again [redacted]',
    );
  });

  it('removes key-shaped tokens and masked keys the provider echoes', () => {
    const text = 'Incorrect API key provided: sk-proj-abc123def456. Masked sk-an*********wxyz, header Bearer abc.def';
    const clean = redactSecrets(text, []);
    expect(clean).not.toMatch(/sk-proj-abc|wxyz|abc\.def/);
    expect(clean).toContain('Incorrect API key provided: [redacted]');
  });

  it('shortens a reason to one line of at most 200 characters', () => {
    const reason = shortReason(`line one\nline two ${'x'.repeat(300)}`, []);
    expect(reason).toMatch(/^line one line two x+…$/);
    expect(reason).toHaveLength(200);
    expect(shortReason('   ', [])).toBeUndefined();
  });

  it('prints a URL without credentials or query', () => {
    expect(printableUrl('https://user:pass@gateway.example:8443/v1/?key=abc#frag')).toBe('https://gateway.example:8443/v1');
    expect(printableUrl('not a url')).toBe('(an invalid URL)');
  });
});
