/**
 * Host policy reaching the server: `--approve deny` and an exhausted `--budget` are sent back as
 * declines (JSON-RPC code -1, "Sampling request declined: …"). On 2025 the server's kit sees the
 * decline and applies its fallback policy; on 2026-07-28 a declined embedded request ends the
 * host's own call, which the host reports as one line and exit code 1.
 */
import { describe, expect, it } from 'vitest';
import { callJson, expectOneLine, runHost, serverBin } from './helpers.js';

const TICKET = {
  text: 'I was charged twice for my March invoice. Please refund the duplicate payment.',
  labels: ['Billing', 'Technical', 'Sales'],
};
const BRIEF = { brief: 'Tell the volunteers that the harbour museum reopens on Saturday.', kind: 'note', maxWords: 60 };

describe('declines on protocol 2025', () => {
  it('--approve deny: with MCP_SAMPLING_FALLBACK=error the tool reports the decline as its error', async () => {
    const run = await callJson(
      'classify',
      TICKET,
      ['node', serverBin('classify')],
      ['--era', 'legacy', '--approve', 'deny', '--quiet'],
      {
        MCP_SAMPLING_FALLBACK: 'error',
      },
    );
    expect(run.code).toBe(1);
    expect(run.json.result?.isError).toBe(true);
    expect(run.json.result?.content[0]?.text).toMatch(/declined step 'classify'.*--approve deny/);
    expect(run.json.transcript.requests[0]).toMatchObject({ key: 'classify', decision: 'denied-by-policy' });
    expect(run.json.transcript.requests[0]?.outcome).toMatchObject({ status: 'declined' });
    expect(expectOneLine(run.stderr)).toMatch(/^mcp-sampling-host: classify returned an error: .*declined/);
  });

  it('--approve deny: with the default policy the server answers with its heuristic, saying it was declined', async () => {
    const run = await callJson(
      'classify',
      TICKET,
      ['node', serverBin('classify')],
      ['--era', 'legacy', '--approve', 'deny', '--quiet'],
    );
    expect(run.code).toBe(0);
    const provenance = run.json.result?.structuredContent?.provenance;
    expect(provenance).toMatchObject({ path: 'heuristic', models: [] });
    expect(provenance?.reason).toMatch(/^declined: .*Sampling request declined: the host's policy denies every sampling request/);
    expect(run.stderr).toBe('');
  });

  it('--budget: the request that no longer fits is declined, after the ones that did', async () => {
    // The outline asks for 400 tokens; a budget of 450 grants it and refuses the draft.
    const run = await callJson(
      'draft',
      BRIEF,
      ['node', serverBin('draft')],
      ['--era', 'legacy', '--approve', 'auto', '--budget', '450'],
      {
        MCP_SAMPLING_FALLBACK: 'error',
      },
    );
    expect(run.code).toBe(1);
    const [outline, draft] = run.json.transcript.requests;
    expect(outline).toMatchObject({ key: 'outline', maxTokens: 400, decision: 'approved-auto', outcome: { status: 'answered' } });
    expect(draft).toMatchObject({ key: 'draft', decision: 'over-budget' });
    expect(draft?.outcome).toMatchObject({
      status: 'declined',
      reason: expect.stringMatching(/session token budget is exhausted \(400 of 450 tokens granted; this request needs \d+\)/),
    });
    expect(run.json.result?.content[0]?.text).toMatch(/declined step 'draft'.*budget/);
  });

  it('--budget with the default server policy: the heuristic answers and provenance says why', async () => {
    const run = await callJson(
      'classify',
      TICKET,
      ['node', serverBin('classify')],
      ['--era', 'legacy', '--approve', 'auto', '--budget', '10', '--quiet'],
    );
    expect(run.code).toBe(0);
    expect(run.json.result?.structuredContent?.provenance).toMatchObject({
      path: 'heuristic',
      reason: expect.stringMatching(/^declined: .*token budget is exhausted/),
    });
  });
});

describe('declines on protocol 2026-07-28', () => {
  it('a denied request ends the call: one line on stderr, exit code 1', async () => {
    const run = await runHost([
      'call',
      'classify',
      '--args',
      JSON.stringify(TICKET),
      '--offline',
      '--era',
      '2026-07-28',
      '--approve',
      'deny',
      '--quiet',
      '--',
      'node',
      serverBin('classify'),
    ]);
    expect(run.code).toBe(1);
    expect(expectOneLine(run.stderr)).toBe(
      "mcp-sampling-host: the call ended without a result: sampling request 'classify' was declined " +
        "(the host's policy denies every sampling request (--approve deny)); on protocol 2026-07-28 a declined request ends the tool call; " +
        'with --era legacy the server is told of the decline and can answer with its own fallback',
    );
    expect(run.stdout).toBe('');
  });

  it('with --json the transcript still shows the declined request', async () => {
    const run = await callJson(
      'route',
      {
        request: 'My invoice is wrong.',
        routes: [
          { name: 'billing', description: 'Invoices.' },
          { name: 'other', description: 'Anything else.' },
        ],
      },
      ['node', serverBin('route')],
      ['--era', '2026-07-28', '--budget', '100', '--approve', 'auto', '--quiet'],
    );
    expect(run.code).toBe(1);
    expect(run.json.result).toBeNull();
    expect(run.json.error).toMatch(/sampling request 'route' was declined \(the session token budget is exhausted/);
    expect(run.json.transcript.requests[0]).toMatchObject({ key: 'route', decision: 'over-budget' });
    expect(expectOneLine(run.stderr)).toMatch(/^mcp-sampling-host: the call ended without a result/);
  });
});
