/**
 * The host's answer to `sampling/createMessage`, for both protocol eras: on 2025 connections the
 * server pushes each request on the live connection; on 2026-07-28 the SDK client finds the same
 * requests embedded in an `input_required` tool result and calls this same handler before it
 * retries the call. Either way one request goes through the same steps:
 *
 *   read → choose a tier and model → clamp maxTokens → check the budget → ask for approval
 *   (approve, deny, edit) → take the tokens from the budget → answer → record it
 *
 * A refusal is thrown as `SamplingDeclinedError` (JSON-RPC code -1, "Sampling request declined:
 * …"): on 2025 the server receives it as the error of its request; on 2026-07-28 the client's
 * `callTool` rejects with it (the spec: a declined input request ends the call).
 */
import type { CreateMessageResult } from '@modelcontextprotocol/client';
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/client';
import type { Answerer } from './answerers/answerer.js';
import type { ApprovalDecision, Approver } from './approval.js';
import { clampMaxTokens, TokenBudget } from './budget.js';
import { SamplingDeclinedError } from './declines.js';
import { messageOf } from './errors.js';
import { chooseTier } from './model-choice.js';
import { readSamplingRequest, type SamplingParams, withLastUserText } from './sampling-request.js';
import { type SamplingRecord, Transcript } from './transcript.js';

/** Notified as requests arrive, are put to the approver, decided on and settled (to show or time them). */
export interface SamplingObserver {
  arrived?(record: SamplingRecord): void;
  /** The request is put to the approver (after the round's gathering window and the budget check). */
  approving?(record: SamplingRecord): void;
  /** The approver decided; an approved request goes to the model next. */
  decided?(record: SamplingRecord, decision: ApprovalDecision): void;
  settled?(record: SamplingRecord): void;
}

/** One observer that notifies each of `observers` in turn. */
export function combineObservers(...observers: SamplingObserver[]): SamplingObserver {
  return {
    arrived: (record) => {
      for (const observer of observers) observer.arrived?.(record);
    },
    approving: (record) => {
      for (const observer of observers) observer.approving?.(record);
    },
    decided: (record, decision) => {
      for (const observer of observers) observer.decided?.(record, decision);
    },
    settled: (record) => {
      for (const observer of observers) observer.settled?.(record);
    },
  };
}

/** Everything the handler needs; only `answerer` and `approver` are required. */
export interface SamplingHandlerOptions {
  /** Answers approved requests: `offlineAnswerer()` or `providerAnswerer(provider)`. */
  answerer: Answerer;
  /** Decides on each request: `promptApprover(...)`, `autoApprover()` or `denyApprover()`. */
  approver: Approver;
  /** The server's name for display; a function because it is known only once connected. */
  server?: () => string;
  /** The session budget (sum of granted maxTokens). Default: unlimited. */
  budget?: TokenBudget;
  /** Requests asking for more are clamped to this. Default: no cap. */
  maxTokensPerRequest?: number;
  /** Where requests are recorded. Default: a fresh transcript. */
  transcript?: Transcript;
  /**
   * How long the first request of a round waits before it is answered, so that requests a server
   * sends together (a fan-out) are counted as one round. Default `ROUND_GATHER_MS`.
   */
  roundGatherMs?: number;
  observer?: SamplingObserver;
}

/**
 * Default gathering window. On 2026-07-28 a round's requests arrive together by construction; on a
 * 2025 connection each pushed request is its own message (over HTTP, its own event on the stream),
 * and a busy machine can hold a server between two of them, so the first answer waits this long
 * for its siblings. Still negligible next to any model's latency.
 */
export const ROUND_GATHER_MS = 50;

/** A `sampling/createMessage` handler, ready for `client.setRequestHandler('sampling/createMessage', handler)`. */
export type SamplingHandler = (
  request: { params: SamplingParams },
  ctx?: { mcpReq: { signal: AbortSignal } },
) => Promise<CreateMessageResult>;

/**
 * Build the host's sampling handler. Register it on a `Client` that declares
 * `capabilities: { sampling: {} }`; it then serves pushed requests (2025) and embedded
 * `input_required` requests (2026-07-28) alike.
 */
export function createSamplingHandler(options: SamplingHandlerOptions): SamplingHandler {
  const { answerer, approver } = options;
  const budget = options.budget ?? new TokenBudget();
  const transcript = options.transcript ?? new Transcript();
  const serverName = options.server ?? (() => 'server');
  const gatherMs = options.roundGatherMs ?? ROUND_GATHER_MS;
  // Every request of a round waits for the same gathering window (kept on the round's first
  // record, so a new call's round 1 gets a window of its own), then they go on in arrival order.
  const gates = new WeakMap<SamplingRecord, Promise<void>>();
  const roundGate = (record: SamplingRecord): Promise<void> => {
    const opener = transcript.inRound(record.round)[0] ?? record;
    let gate = gates.get(opener);
    if (gate === undefined) {
      gate = new Promise<void>((resolve) => setTimeout(resolve, gatherMs));
      gates.set(opener, gate);
    }
    return gate;
  };

  return async (incoming, ctx) => {
    const signal = ctx?.mcpReq.signal ?? new AbortController().signal;
    const request = readSamplingRequest(incoming.params);
    const { tier, reason } = chooseTier(request.modelPreferences, answerer.models);
    const grant = clampMaxTokens(request.maxTokens, options.maxTokensPerRequest);
    const record = transcript.arrive(request, {
      server: serverName(),
      tier,
      tierReason: reason,
      plannedModel: answerer.modelFor(tier),
      grantedMaxTokens: grant.granted,
    });
    options.observer?.arrived?.(record);
    const started = performance.now();
    const elapsed = () => Math.round(performance.now() - started);
    await roundGate(record);
    try {
      if (request.unsupported !== undefined) {
        throw new ProtocolError(ProtocolErrorCode.InvalidParams, `This host cannot answer the request: ${request.unsupported}.`);
      }
      if (!budget.fits(grant.granted)) {
        record.decision = 'over-budget';
        throw new SamplingDeclinedError(budget.refusal(grant.granted));
      }
      options.observer?.approving?.(record);
      const decision = await approver.decide({ record, request }, signal);
      options.observer?.decided?.(record, decision);
      signal.throwIfAborted();
      if (decision.kind === 'deny') {
        record.decision = decision.by === 'user' ? 'denied-by-user' : 'denied-by-policy';
        throw new SamplingDeclinedError(decision.reason);
      }
      if (!budget.take(grant.granted)) {
        record.decision = 'over-budget';
        throw new SamplingDeclinedError(budget.refusal(grant.granted));
      }
      const sent = decision.kind === 'edit' ? withLastUserText(request, decision.text) : request;
      record.decision =
        decision.kind === 'edit' ? 'edited-by-user' : decision.by === 'user' ? 'approved-by-user' : 'approved-auto';
      record.messages = sent.messages;
      const asked = performance.now();
      const answer = await answerer.answer({ request: sent, tier, maxTokens: grant.granted, signal });
      transcript.settle(record, {
        status: 'answered',
        model: answer.model,
        answeredBy: answerer.name,
        stopReason: answer.stopReason,
        text: answer.text,
        latencyMs: Math.round(performance.now() - asked),
        totalMs: elapsed(),
      });
      options.observer?.settled?.(record);
      return {
        role: 'assistant',
        content: { type: 'text', text: answer.text },
        model: answer.model,
        stopReason: answer.stopReason,
      };
    } catch (error) {
      if (signal.aborted) transcript.settle(record, { status: 'cancelled', totalMs: elapsed() });
      else if (error instanceof SamplingDeclinedError) {
        transcript.settle(record, { status: 'declined', reason: error.reason, totalMs: elapsed() });
      } else transcript.settle(record, { status: 'failed', error: messageOf(error), totalMs: elapsed() });
      options.observer?.settled?.(record);
      throw error;
    }
  };
}
