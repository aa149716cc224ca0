import type { CallToolResult } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import { newToken, tokensIn, WORKLOADS, wrongAnswer } from '../src/workloads.js';

const text = (value: string, isError = false): CallToolResult => ({ content: [{ type: 'text', text: value }], isError });

describe('tokens', () => {
  it('are unique and found again in text', () => {
    const [a, b] = [newToken(), newToken()];
    expect(a).not.toBe(b);
    expect(tokensIn(`first ${a}, then ${b}, then ${a} again`)).toEqual([a, b]);
  });

  it("are in every workload's arguments", () => {
    const token = newToken();
    for (const workload of Object.values(WORKLOADS)) expect(tokensIn(JSON.stringify(workload.args(token)))).toEqual([token]);
  });
});

describe('wrongAnswer', () => {
  const token = newToken();

  it('accepts a result carrying its own token only', () => {
    expect(wrongAnswer(text(`Summary of ${token}.`), token)).toBeUndefined();
  });

  it('flags a missing token, a foreign token, and an error result', () => {
    expect(wrongAnswer(text('A summary.'), token)).toMatch(/missing/);
    expect(wrongAnswer(text(`Summary of ${token} and ${newToken()}.`), token)).toMatch(/another call's token/);
    expect(wrongAnswer(text(`refused ${token}`, true), token)).toMatch(/^isError/);
  });

  it('looks in structuredContent too', () => {
    const other = newToken();
    expect(wrongAnswer({ ...text(`Summary of ${token}.`), structuredContent: { outline: [other] } }, token)).toMatch(other);
  });
});
