/**
 * The attributes of the host's spans, named as the kit names its own (docs/operations.md) and as
 * the OpenTelemetry GenAI conventions name model calls, so the host's side and the server's side of
 * one trace read alike. Counts, names, models and decisions only: never a prompt, a model's text,
 * a decline's wording or a header.
 */
import type { Era } from '../connect.js';
import type { Provenance } from '../render/result-text.js';
import type { SamplingRecord } from '../transcript.js';
import type { TraceAttributeValue } from './call-trace.js';
import type { StepTimes } from './sampling-timeline.js';

type Attributes = Record<string, TraceAttributeValue>;

/** What the host knows of a call before it starts. */
export interface CallInfo {
  tool: string;
  era: Era;
  transport: 'stdio' | 'http';
}

/** The call span's attributes at its start. */
export function callStartAttributes(info: CallInfo): Attributes {
  return {
    'mcp.method.name': 'tools/call',
    'gen_ai.operation.name': 'execute_tool',
    'gen_ai.tool.name': info.tool,
    'mcp_sampling.era': info.era,
    'mcp_sampling.transport': info.transport,
  };
}

/** How a call ended, as the call span records it. */
export interface CallEnd {
  outcome: 'ok' | 'error';
  /** `tool_error` for an `isError` result, `call_failed` when there was no result. */
  errorType?: 'tool_error' | 'call_failed';
  /** What the result says of how it was produced, when it says. */
  provenance?: Provenance;
  /** Requests and rounds as the host counted them. */
  requests: number;
  rounds: number;
}

/** The call span's attributes at its end: the result's provenance, the outcome, the host's own counts. */
export function callEndAttributes(end: CallEnd): Attributes {
  const attributes: Attributes = {
    'mcp_sampling.outcome': end.outcome,
    'mcp_sampling.host.requests': end.requests,
    'mcp_sampling.host.rounds': end.rounds,
  };
  if (end.errorType !== undefined) attributes['error.type'] = end.errorType;
  const provenance = end.provenance;
  if (provenance !== undefined) {
    attributes['mcp_sampling.path'] = provenance.path;
    attributes['mcp_sampling.rounds'] = provenance.rounds;
    attributes['mcp_sampling.samples'] = provenance.samples;
    attributes['mcp_sampling.models'] = provenance.models;
    const reason = reasonCode(provenance.reason);
    if (reason !== undefined) attributes['mcp_sampling.fallback.reason'] = reason;
  }
  return attributes;
}

/** The code at the head of a provenance reason (`declined: …` → `declined`), if it has one. */
export function reasonCode(reason: string | undefined): string | undefined {
  return reason === undefined ? undefined : /^([a-z][a-z-]*):/.exec(reason)?.[1];
}

/** A round span's attributes. */
export function roundAttributes(round: number, requests: number): Attributes {
  return { 'mcp_sampling.round': round, 'mcp_sampling.round.steps': requests };
}

/** A step span's attributes: what was asked, what the host decided, who answered. */
export function stepAttributes(record: SamplingRecord, times: StepTimes | undefined): Attributes {
  const attributes: Attributes = {
    'gen_ai.operation.name': 'chat',
    'gen_ai.request.max_tokens': record.grantedMaxTokens,
    'gen_ai.request.model': record.plannedModel,
    'mcp_sampling.step.tier': record.tier,
    'mcp_sampling.approval.decision': record.decision,
    'mcp_sampling.step.outcome': record.outcome?.status ?? 'unsettled',
  };
  if (record.key !== undefined) attributes['mcp_sampling.step.key'] = record.key;
  if (record.grantedMaxTokens < record.maxTokens) attributes['mcp_sampling.request.max_tokens_asked'] = record.maxTokens;
  if (record.jsonSchema) attributes['mcp_sampling.step.json_schema'] = true;
  if (times?.askedPerson && times.approvingAt !== undefined && times.decidedAt !== undefined) {
    attributes['mcp_sampling.approval.wait_ms'] = Math.round(times.decidedAt - times.approvingAt);
  }
  const outcome = record.outcome;
  if (outcome?.status === 'answered') {
    attributes['gen_ai.response.model'] = outcome.model;
    attributes['gen_ai.provider.name'] = outcome.answeredBy;
    attributes['mcp_sampling.answered_by'] = 'host';
    attributes['mcp_sampling.model.latency_ms'] = outcome.latencyMs;
    if (outcome.stopReason !== '') attributes['gen_ai.response.finish_reasons'] = [outcome.stopReason];
    if (outcome.stopReason === 'maxTokens') attributes['mcp_sampling.step.truncated'] = true;
  }
  return attributes;
}
