import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_MODELS,
  MAX_RETRY_AFTER_MS,
  MODEL_TIERS,
  PROVIDER_DEFAULTS,
  PROVIDER_ENV_VARS,
  PROVIDER_ERROR_KINDS,
} from '../src/index.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');

/** The rows of the markdown table that follows `heading`, as arrays of trimmed cells. */
function tableAfter(heading: string): string[][] {
  const section = README.slice(README.indexOf(heading));
  const lines = section.split('\n');
  const start = lines.findIndex((line) => line.startsWith('|'));
  const rows: string[][] = [];
  for (const line of lines.slice(start + 2)) {
    if (!line.startsWith('|')) break;
    rows.push(
      line
        .split(/(?<!\\)\|/)
        .slice(1, -1)
        .map((cell) => cell.trim()),
    );
  }
  return rows;
}

describe('the README matches the code', () => {
  it('lists every environment variable, and no other, in the configuration table', () => {
    const names = tableAfter('## Configuration from the environment').map(([name]) => name?.replaceAll('`', ''));
    expect(names).toEqual([...PROVIDER_ENV_VARS]);
  });

  it('gives the default timeout the code uses', () => {
    const timeoutRow = tableAfter('## Configuration from the environment').find(
      ([name]) => name === '`MCP_SAMPLING_PROVIDER_TIMEOUT_MS`',
    );
    expect(timeoutRow?.[1]).toBe(`\`${PROVIDER_DEFAULTS.timeoutMs}\``);
  });

  it('shows the default model of every provider and tier', () => {
    const rows = tableAfter('## Default models');
    expect(rows.map(([tier]) => tier?.replaceAll('`', ''))).toEqual([...MODEL_TIERS]);
    for (const [tier, anthropic, openai] of rows) {
      const name = tier?.replaceAll('`', '') as (typeof MODEL_TIERS)[number];
      expect(anthropic).toBe(`\`${DEFAULT_MODELS.anthropic[name]}\``);
      expect(openai).toBe(`\`${DEFAULT_MODELS.openai[name]}\``);
    }
  });

  it('describes the retry policy with the numbers the code uses, and every error kind', () => {
    const kinds = tableAfter('## Retries and timeouts').map(([, kind]) => kind?.replaceAll('`', ''));
    expect([...kinds].sort()).toEqual([...PROVIDER_ERROR_KINDS].sort());
    expect(README).toContain(`more than ${MAX_RETRY_AFTER_MS / 1000} s ends the retries`);
    expect(README).toContain(`(default ${PROVIDER_DEFAULTS.maxRetries + 1})`);
    expect(README).toContain(`(${PROVIDER_DEFAULTS.retryBaseDelayMs} ms, 1 s, 2 s, …)`);
  });
});
