/**
 * The sampling handler on its own (the end-to-end files drive it through real servers): rounds,
 * declines on the wire, edits, the budget, clamping, unsupported requests and cancellation. The
 * model is a small recording answerer; no SDK piece is replaced.
 */
import { ProtocolErrorCode } from '@modelcontextprotocol/client';
import { describe, expect, it } from 'vitest';
import type { Answerer, AnswerRequest } from '../src/answerers/answerer.js';
import { offlineAnswerer } from '../src/answerers/offline.js';
import { type ApprovalDecision, type Approver, autoApprover, denyApprover } from '../src/approval.js';
import { TokenBudget } from '../src/budget.js';
import { DECLINED_ERROR_CODE, SamplingDeclinedError } from '../src/declines.js';
import { createSamplingHandler, type SamplingHandlerOptions } from '../src/sampling-handler.js';
import { Transcript } from '../src/transcript.js';
import { kitRequest, LABEL_SCHEMA } from './presets.js';

/** An answerer that records what it was asked and echoes the last user text. */
function recordingAnswerer(): Answerer & { asked: AnswerRequest[] } {
  const asked: AnswerRequest[] = [];
  return {
    name: 'recording',
    models: undefined,
    asked,
    modelFor: (tier) => `model-${tier}`,
    async answer(request) {
      asked.push(request);
      return { text: `echo: ${request.request.messages.at(-1)?.text}`, model: `model-${request.tier}`, stopReason: 'endTurn' };
    },
  };
}

function setup(options: Partial<SamplingHandlerOptions> = {}) {
  const answerer = recordingAnswerer();
  const transcript = new Transcript();
  const handler = createSamplingHandler({
    answerer,
    approver: autoApprover(),
    transcript,
    server: () => 'test-server',
    ...options,
  });
  return { answerer, transcript, handler };
}

describe('rounds', () => {
  it('requests that arrive together form one round; one after an answer opens the next', async () => {
    const { handler, transcript } = setup();
    await Promise.all([
      handler(kitRequest({ key: 'map:0', preset: 'balanced' })),
      handler(kitRequest({ key: 'map:1', preset: 'balanced' })),
    ]);
    await handler(kitRequest({ key: 'reduce', preset: 'balanced' }));
    expect(transcript.records.map((record) => [record.key, record.round])).toEqual([
      ['map:0', 1],
      ['map:1', 1],
      ['reduce', 2],
    ]);
    expect(transcript.rounds).toBe(2);
  });

  it('a request arriving a moment after the first of its round joins it, in every call', async () => {
    const { handler, transcript } = setup({ roundGatherMs: 50 });
    for (const call of [1, 2]) {
      transcript.reset();
      const first = handler(kitRequest({ key: `map:0`, preset: 'balanced' }));
      await new Promise<void>((resolve) => setImmediate(resolve));
      await Promise.all([first, handler(kitRequest({ key: 'map:1', preset: 'balanced' }))]);
      expect(
        transcript.records.map((record) => [record.key, record.round]),
        `call ${call}`,
      ).toEqual([
        ['map:0', 1],
        ['map:1', 1],
      ]);
    }
  });

  it('records what was asked and who answered', async () => {
    const { handler, transcript } = setup();
    const result = await handler(kitRequest({ key: 'classify', preset: 'fast', schema: LABEL_SCHEMA, maxTokens: 145 }));
    expect(result).toEqual({
      role: 'assistant',
      content: { type: 'text', text: expect.stringMatching(/^echo: /) },
      model: 'model-fast',
      stopReason: 'endTurn',
    });
    expect(transcript.records[0]).toMatchObject({
      seq: 1,
      server: 'test-server',
      key: 'classify',
      maxTokens: 145,
      grantedMaxTokens: 145,
      jsonSchema: true,
      tier: 'fast',
      plannedModel: 'model-fast',
      decision: 'approved-auto',
      outcome: { status: 'answered', model: 'model-fast', answeredBy: 'recording' },
    });
  });
});

describe('declines', () => {
  it('a denial is a JSON-RPC error with code -1 whose message the servers read as a decline', async () => {
    const { handler, answerer, transcript } = setup({ approver: denyApprover() });
    const failure = handler(kitRequest({ key: 'route', preset: 'fast' }));
    await expect(failure).rejects.toBeInstanceOf(SamplingDeclinedError);
    await expect(failure).rejects.toMatchObject({
      code: DECLINED_ERROR_CODE,
      message: "Sampling request declined: the host's policy denies every sampling request (--approve deny).",
    });
    expect(answerer.asked).toHaveLength(0);
    expect(transcript.records[0]).toMatchObject({ decision: 'denied-by-policy', outcome: { status: 'declined' } });
  });

  it('the budget is checked before asking, and charged only for approved requests', async () => {
    const budget = new TokenBudget(100);
    const asked: string[] = [];
    const approver: Approver = {
      mode: 'prompt',
      decide: async (pending): Promise<ApprovalDecision> => {
        asked.push(pending.record.key ?? '');
        return pending.record.key === 'b'
          ? { kind: 'deny', by: 'user', reason: 'the user denied it' }
          : { kind: 'approve', by: 'user' };
      },
    };
    const { handler, transcript } = setup({ budget, approver });
    await handler(kitRequest({ key: 'a', preset: 'fast', maxTokens: 60 }));
    await expect(handler(kitRequest({ key: 'b', preset: 'fast', maxTokens: 30 }))).rejects.toThrow(
      'Sampling request declined: the user denied it.',
    );
    await expect(handler(kitRequest({ key: 'c', preset: 'fast', maxTokens: 60 }))).rejects.toThrow(
      'Sampling request declined: the session token budget is exhausted (60 of 100 tokens granted; this request needs 60).',
    );
    await handler(kitRequest({ key: 'd', preset: 'fast', maxTokens: 40 }));
    expect(asked).toEqual(['a', 'b', 'd']);
    expect(budget.granted).toBe(100);
    expect(transcript.records.map((record) => record.decision)).toEqual([
      'approved-by-user',
      'denied-by-user',
      'over-budget',
      'approved-by-user',
    ]);
  });
});

describe('what reaches the model', () => {
  it('an edit replaces the last user message, and the transcript shows the edited text', async () => {
    const approver: Approver = {
      mode: 'prompt',
      decide: async () => ({ kind: 'edit', text: 'Summarise only the first paragraph.' }),
    };
    const { handler, answerer, transcript } = setup({ approver });
    const result = await handler(kitRequest({ key: 'summary', preset: 'balanced', user: 'The whole document.' }));
    expect(answerer.asked[0]?.request.messages).toEqual([{ role: 'user', text: 'Summarise only the first paragraph.' }]);
    expect(result.content).toEqual({ type: 'text', text: 'echo: Summarise only the first paragraph.' });
    expect(transcript.records[0]).toMatchObject({
      decision: 'edited-by-user',
      messages: [{ role: 'user', text: 'Summarise only the first paragraph.' }],
    });
  });

  it('maxTokens over the per-request cap is clamped', async () => {
    const { handler, answerer, transcript } = setup({ maxTokensPerRequest: 100 });
    await handler(kitRequest({ key: 'draft', preset: 'smart', maxTokens: 560 }));
    expect(answerer.asked[0]?.maxTokens).toBe(100);
    expect(transcript.records[0]).toMatchObject({ maxTokens: 560, grantedMaxTokens: 100 });
  });

  it('the offline answerer returns JSON that fits the attached schema', async () => {
    const handler = createSamplingHandler({ answerer: offlineAnswerer(), approver: autoApprover(), roundGatherMs: 0 });
    const result = await handler(
      kitRequest({
        key: 'classify',
        preset: 'fast',
        schema: LABEL_SCHEMA,
        user: '<untrusted-input name="text">\nThe app shows a technical error.\n</untrusted-input>',
      }),
    );
    expect(result.model).toBe('offline-extractive-1');
    const answer = JSON.parse((result.content as { text: string }).text);
    expect(['Billing', 'Technical']).toContain(answer.label);
    expect(answer.confidence).toBeGreaterThanOrEqual(0);
    expect(answer.confidence).toBeLessThanOrEqual(1);
  });

  it('a request with image content is refused as invalid params, naming the part', async () => {
    const { handler, answerer, transcript } = setup();
    const request = kitRequest({ key: 'look', preset: 'fast' });
    const image = {
      ...request,
      params: {
        ...request.params,
        messages: [{ role: 'user' as const, content: { type: 'image' as const, data: 'AAAA', mimeType: 'image/png' } }],
      },
    };
    await expect(handler(image)).rejects.toMatchObject({
      code: ProtocolErrorCode.InvalidParams,
      message: expect.stringContaining('message 1 has image content, and this host answers text only'),
    });
    expect(answerer.asked).toHaveLength(0);
    expect(transcript.records[0]?.outcome?.status).toBe('failed');
  });

  it('a request the server cancels while it waits for approval is recorded as cancelled', async () => {
    const controller = new AbortController();
    const approver: Approver = {
      mode: 'prompt',
      decide: async () => {
        controller.abort(new Error('the tool call was cancelled'));
        return { kind: 'approve', by: 'user' };
      },
    };
    const { handler, answerer, transcript } = setup({ approver });
    await expect(handler(kitRequest({ key: 'x', preset: 'fast' }), { mcpReq: { signal: controller.signal } })).rejects.toThrow(
      'the tool call was cancelled',
    );
    expect(answerer.asked).toHaveLength(0);
    expect(transcript.records[0]?.outcome?.status).toBe('cancelled');
  });
});
