/**
 * `demo` end to end (what `pnpm demo` runs): the four servers in both eras, every run answered by
 * the host's offline model on the host path with no repairs; the `--json` form; and the README's
 * demo transcript, which must match a fresh run in everything but milliseconds.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { type CallDocument, type HostRun, runHost } from './helpers.js';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const withoutTimings = (text: string) => text.replace(/\b\d+ ms\b/g, 'N ms');

let text: HostRun;
let json: HostRun;
beforeAll(async () => {
  [text, json] = await Promise.all([runHost(['demo', '--quiet']), runHost(['demo', '--json', '--quiet', '--era', '2026-07-28'])]);
});

describe('demo', () => {
  it('runs the four servers in both eras, each answered on the host path by the offline model', () => {
    expect(text.code).toBe(0);
    expect(text.stderr).toBe('');
    const summary = text.stdout.slice(text.stdout.indexOf('\nSummary\n'));
    const rows = summary.split('\n').filter((line) => /^ {2}20\d\d/.test(line));
    expect(rows.map((row) => row.split(/\s+/).slice(1, 3))).toEqual(
      ['2025', '2026-07-28'].flatMap((era) => ['summarise', 'classify', 'route', 'draft'].map((tool) => [era, tool])),
    );
    for (const row of rows) expect(row).toMatch(/path host +offline-extractive-1 /);
    expect(text.stdout).not.toContain(':repair');
    expect(text.stdout).toContain('round 1  map:1 ');
    expect(text.stdout).toContain('round 1  context:1 ');
  });

  it('--json: one document with every run, its result and its transcript', () => {
    expect(json.code).toBe(0);
    const document = JSON.parse(json.stdout) as { answeredBy: string; runs: Array<CallDocument & { task: string }> };
    expect(document.answeredBy).toBe('offline');
    expect(document.runs.map((run) => [run.era, run.tool])).toEqual([
      ['2026-07-28', 'summarise'],
      ['2026-07-28', 'classify'],
      ['2026-07-28', 'route'],
      ['2026-07-28', 'draft'],
    ]);
    for (const run of document.runs) {
      expect(run.result?.structuredContent?.provenance).toMatchObject({
        path: 'host',
        models: ['offline-extractive-1'],
        era: '2026-07-28',
      });
      expect(run.transcript.requests.length).toBeGreaterThan(0);
      expect(run.transcript.requests.every((request) => request.outcome?.status === 'answered')).toBe(true);
    }
    const draft = document.runs[3];
    expect(draft?.transcript.requests.slice(0, 3).map((request) => [request.key, request.round])).toEqual([
      ['context:0', 1],
      ['context:1', 1],
      ['outline', 2],
    ]);
  });

  it("README's demo transcript is a real run (refresh it with pnpm --filter @mcp-sampling/host readme:demo)", () => {
    const readme = readFileSync(README, 'utf8');
    const block =
      /<!-- demo-transcript:begin -->\n\n```text\n\$ mcp-sampling-host demo\n([\s\S]*?)```\n\n<!-- demo-transcript:end -->/.exec(
        readme,
      );
    expect(block, 'README.md has no demo transcript block').not.toBeNull();
    // Compared line by line, so a failure shows the lines that differ rather than two clipped strings.
    expect(withoutTimings(block?.[1] ?? '').split('\n')).toEqual(withoutTimings(text.stdout).split('\n'));
  });
});
