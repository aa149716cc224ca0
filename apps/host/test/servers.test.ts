/**
 * The built host bin against each server bin of this repository, over stdio, in both eras: real
 * processes end to end, answered by the offline model. The offline model's JSON must validate
 * against each request's schema at once (no `:repair` step anywhere).
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { callJson, ERA_FLAGS, keysInRound, runHost, serverBin } from './helpers.js';

const REPORT = readFileSync(fileURLToPath(new URL('../demo/sample-report.txt', import.meta.url)), 'utf8');
const TICKET = JSON.parse(readFileSync(fileURLToPath(new URL('../demo/support-ticket.json', import.meta.url)), 'utf8'));
const ROUTING = JSON.parse(readFileSync(fileURLToPath(new URL('../demo/route-request.json', import.meta.url)), 'utf8'));

describe.each(['2025', '2026-07-28'] as const)('the host bin over stdio, protocol %s', (era) => {
  const flags = ['--approve', 'auto', '--era', ERA_FLAGS[era]];

  it('summarise: a two-chunk report fans out in round 1 and reduces in round 2', async () => {
    const { code, json } = await callJson(
      'summarise',
      { text: REPORT, style: 'bullets', maxWords: 80 },
      ['node', serverBin('summarise')],
      flags,
    );
    expect(code).toBe(0);
    expect(json.era).toBe(era);
    expect(json.result?.structuredContent?.provenance).toMatchObject({
      path: 'host',
      models: ['offline-extractive-1'],
      era,
      rounds: 2,
      samples: 3,
    });
    expect(json.transcript.rounds).toBe(2);
    expect(keysInRound(json, 1)).toEqual(['map:0', 'map:1']);
    expect(keysInRound(json, 2)).toEqual(['reduce']);
    const reduce = json.transcript.requests.find((request) => request.key === 'reduce');
    expect(reduce).toMatchObject({ tier: 'balanced', jsonSchema: false, decision: 'approved-auto' });
    expect(reduce?.outcome).toMatchObject({ status: 'answered', model: 'offline-extractive-1', answeredBy: 'offline' });
    expect(reduce?.systemPrompt).toContain('bulleted list');
  });

  it('classify: one structured request, answered with valid JSON at once', async () => {
    const { code, json } = await callJson('classify', TICKET, ['node', serverBin('classify')], flags);
    expect(code).toBe(0);
    expect(json.result?.structuredContent?.provenance).toMatchObject({
      path: 'host',
      models: ['offline-extractive-1'],
      rounds: 1,
    });
    expect(json.transcript.requests.map((request) => request.key)).toEqual(['classify']);
    expect(json.transcript.requests[0]).toMatchObject({ jsonSchema: true, tier: 'fast', temperature: 0 });
    const names = (TICKET.labels as Array<{ name: string }>).map((label) => label.name);
    expect(names).toContain(json.result?.structuredContent?.label);
  });

  it('route: one structured request, answered with a route from the set', async () => {
    const { code, json } = await callJson('route', ROUTING, ['node', serverBin('route')], flags);
    expect(code).toBe(0);
    expect(json.result?.structuredContent).toMatchObject({ route: 'security', matchedBy: 'model' });
    expect(json.result?.structuredContent?.provenance).toMatchObject({ path: 'host', models: ['offline-extractive-1'] });
    expect(json.transcript.requests.map((request) => request.key)).toEqual(['route']);
    expect(json.transcript.requests[0]?.maxTokens).toBe(160);
  });

  it('draft: a valid outline in round 1, the draft in round 2, and no repairs', async () => {
    const brief = {
      brief: 'Tell the volunteers that the harbour museum reopens on Saturday. The new exhibition covers the old ferry.',
      kind: 'email',
      maxWords: 80,
      mustInclude: ['Doors open at 10 am'],
    };
    const { code, json } = await callJson('draft', brief, ['node', serverBin('draft')], flags);
    expect(code).toBe(0);
    expect(json.result?.structuredContent?.provenance).toMatchObject({ path: 'host', models: ['offline-extractive-1'] });
    expect(keysInRound(json, 1)).toEqual(['outline']);
    expect(keysInRound(json, 2)).toEqual(['draft']);
    expect(json.transcript.requests.every((request) => !request.key?.includes(':repair'))).toBe(true);
    expect(json.transcript.requests[0]).toMatchObject({ key: 'outline', jsonSchema: true, tier: 'fast' });
    expect(json.transcript.requests[1]).toMatchObject({ key: 'draft', tier: 'smart' });
  });
});

describe('output options', () => {
  it('--verbose shows each request in full on stderr as it arrives, and the server stderr', async () => {
    const run = await runHost([
      'call',
      'route',
      '--args',
      JSON.stringify(ROUTING),
      '--offline',
      '--approve',
      'auto',
      '--verbose',
      '--era',
      'legacy',
      '--',
      'node',
      serverBin('route'),
    ]);
    expect(run.code).toBe(0);
    expect(run.stderr).toContain('[server] mcp-server-route 0.1.0 ready on stdio');
    expect(run.stderr).toContain('◆ Sampling request 1 · from mcp-server-route · round 1 · step route');
    expect(run.stderr).toMatch(/ {2}maxTokens {4}160 {3}temperature 0\n/);
    expect(run.stderr).toContain('You route a request to exactly one destination from a fixed list.');
    expect(run.stdout).toMatch(/^Result:\n {2}security \(model, confidence/m);
    expect(run.stdout).toMatch(/^ {2}round 1 {2}route +maxTokens 160 +fast, JSON +answered by offline-extractive-1/m);
  });

  it('list --json prints the raw tools/list result', async () => {
    const run = await runHost(['list', '--json', '--era', 'legacy', '--', 'node', serverBin('route')]);
    expect(run.code).toBe(0);
    const document = JSON.parse(run.stdout) as {
      server: { name: string };
      era: string;
      tools: Array<{ name: string; inputSchema: { required: string[] } }>;
    };
    expect(document).toMatchObject({ server: { name: 'mcp-server-route' }, era: '2025' });
    expect(document.tools.map((tool) => tool.name)).toEqual(['route']);
    expect(document.tools[0]?.inputSchema.required).toEqual(['request', 'routes']);
  });
});
