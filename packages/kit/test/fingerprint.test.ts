import { describe, expect, it } from 'vitest';
import { canonicalOf, fingerprintOf } from '../src/state/fingerprint.js';

describe('canonicalOf', () => {
  it('tells apart values that JSON tells apart, including text that imitates structure', () => {
    const values: unknown[] = [
      { a: 'b', c: 'd' },
      { a: 'b"c":"d' },
      { a: 's1:b', c: 'd' },
      { 'a}': 'b' },
      ['a', 'b'],
      ['ab'],
      ['a,b'],
      { a: ['b'] },
      { a: 'b' },
      'a',
      1,
      '1',
      true,
      'true',
      null,
      'null',
      { a: null },
      {},
      [],
      '',
      0,
      -0.5,
    ];
    const forms = values.map(canonicalOf);
    expect(new Set(forms).size).toBe(values.length);
    expect(new Set(values.map(fingerprintOf)).size).toBe(values.length);
  });

  it('leaves out undefined properties as JSON does, and keeps key order significant', () => {
    expect(canonicalOf({ a: 1, b: undefined })).toBe(canonicalOf({ a: 1 }));
    expect(canonicalOf({ a: 1, b: 2 })).not.toBe(canonicalOf({ b: 2, a: 1 }));
  });

  it('tells apart strings that differ only in a lone surrogate, which UTF-8 would merge', () => {
    expect(Buffer.from('\uD800').equals(Buffer.from('\uDFFF'))).toBe(true);
    expect(fingerprintOf('x\uD800')).not.toBe(fingerprintOf('x\uDFFF'));
    expect(fingerprintOf('x\uD800')).not.toBe(fingerprintOf('x\uFFFD'));
  });

  it('is stable: the same value in another object gives the same fingerprint', () => {
    const request = { messages: [{ role: 'user', content: { type: 'text', text: 'é 🙂 "quoted"\n' } }], maxTokens: 320 };
    expect(fingerprintOf(structuredClone(request))).toBe(fingerprintOf(request));
    expect(fingerprintOf(request)).toMatch(/^[A-Za-z0-9_-]{22}$/);
  });
});
