import { STDIO_DEFAULT_MAX_BUFFER_SIZE } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { MAX_STDIO_LINE_BYTES, STATE_BUDGET_BYTES, WORST_CASE_CALL_BYTES } from '../src/index.js';

describe('the stdio line limit', () => {
  it('holds the worst retry of the largest documented input, with the arithmetic its comment shows', () => {
    expect(STATE_BUDGET_BYTES).toBe(4_194_304);
    expect(WORST_CASE_CALL_BYTES).toBe(20_454_144);
    expect(MAX_STDIO_LINE_BYTES).toBeGreaterThanOrEqual(WORST_CASE_CALL_BYTES);
    expect(MAX_STDIO_LINE_BYTES).toBe(25_165_824);
  });

  it('is above the SDK default that valid summarise calls already exceeded', () => {
    expect(MAX_STDIO_LINE_BYTES).toBeGreaterThan(STDIO_DEFAULT_MAX_BUFFER_SIZE);
  });
});
