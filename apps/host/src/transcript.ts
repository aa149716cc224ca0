/**
 * The record of one tool call's sampling: every request the server sent, grouped in rounds, what
 * the host decided and who answered. A new round starts when a request arrives after the host has
 * answered (or refused) one, so a fan-out sent together is one round in both eras.
 */
import type { ModelTier } from '@mcp-sampling/providers';
import type { ModelPreferences } from '@modelcontextprotocol/client';
import type { SamplingRequestView, SamplingTurn } from './sampling-request.js';

/** How the host settled a request. */
export type SamplingOutcome =
  | {
      status: 'answered';
      /** The model id reported to the server. */
      model: string;
      /** `offline`, or the provider's name. */
      answeredBy: string;
      stopReason: string;
      text: string;
      /** Time the model took. */
      latencyMs: number;
      /** Time from the request's arrival to the answer (approval included). */
      totalMs: number;
    }
  | { status: 'declined'; reason: string; totalMs: number }
  | { status: 'failed'; error: string; totalMs: number }
  | { status: 'cancelled'; totalMs: number };

/** Who approved a request (or why it was refused). */
export type Decision =
  | 'approved-auto'
  | 'approved-by-user'
  | 'edited-by-user'
  | 'denied-by-user'
  | 'denied-by-policy'
  | 'over-budget'
  | 'pending';

/** One sampling request as the host saw and settled it. */
export interface SamplingRecord {
  /** 1-based arrival number within the call. */
  seq: number;
  round: number;
  /** Name of the server that sent it. */
  server: string;
  key: string | undefined;
  systemPrompt: string;
  /** The conversation as sent to the model (after an edit, the edited text). */
  messages: SamplingTurn[];
  maxTokens: number;
  /** `maxTokens` after the per-request cap. */
  grantedMaxTokens: number;
  temperature: number | undefined;
  modelPreferences: ModelPreferences | undefined;
  /** Whether the request carried a JSON Schema for the answer. */
  jsonSchema: boolean;
  tier: ModelTier;
  tierReason: string;
  /** The model the host meant to use. */
  plannedModel: string;
  decision: Decision;
  outcome: SamplingOutcome | undefined;
}

/** What `arrive` needs besides the request. */
export interface ArrivalInfo {
  server: string;
  tier: ModelTier;
  tierReason: string;
  plannedModel: string;
  grantedMaxTokens: number;
}

/** Every sampling request of one call, in arrival order. */
export class Transcript {
  readonly records: SamplingRecord[] = [];
  private round = 0;
  private answeredThisRound = false;

  /** Number of rounds so far. */
  get rounds(): number {
    return this.round;
  }

  /** Forget everything (a new call starts). */
  reset(): void {
    this.records.length = 0;
    this.round = 0;
    this.answeredThisRound = false;
  }

  /** Record a request as it arrives; call synchronously, before anything is awaited. */
  arrive(request: SamplingRequestView, info: ArrivalInfo): SamplingRecord {
    if (this.round === 0 || this.answeredThisRound) {
      this.round += 1;
      this.answeredThisRound = false;
    }
    const record: SamplingRecord = {
      seq: this.records.length + 1,
      round: this.round,
      server: info.server,
      key: request.key,
      systemPrompt: request.systemPrompt,
      messages: request.messages,
      maxTokens: request.maxTokens,
      grantedMaxTokens: info.grantedMaxTokens,
      temperature: request.temperature,
      modelPreferences: request.modelPreferences,
      jsonSchema: request.jsonSchema !== undefined,
      tier: info.tier,
      tierReason: info.tierReason,
      plannedModel: info.plannedModel,
      decision: 'pending',
      outcome: undefined,
    };
    this.records.push(record);
    return record;
  }

  /** Record how a request was settled; a later arrival then opens a new round. */
  settle(record: SamplingRecord, outcome: SamplingOutcome): void {
    record.outcome = outcome;
    this.answeredThisRound = true;
  }

  /** A copy that later calls do not change. */
  snapshot(): Transcript {
    const copy = new Transcript();
    copy.records.push(...this.records);
    copy.round = this.round;
    copy.answeredThisRound = this.answeredThisRound;
    return copy;
  }

  /** The records of one round. */
  inRound(round: number): SamplingRecord[] {
    return this.records.filter((record) => record.round === round);
  }
}
