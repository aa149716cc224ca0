/** The contract every answerer meets: what the host asks its model for after approval, and the answer. */
import type { ModelTier } from '@mcp-sampling/providers';
import type { SamplingRequestView } from '../sampling-request.js';

/** One completion the host asks its model for, after approval and clamping. */
export interface AnswerRequest {
  request: SamplingRequestView;
  tier: ModelTier;
  /** `maxTokens` as granted (never more than the server asked for). */
  maxTokens: number;
  signal: AbortSignal;
}

/** The model's answer. */
export interface Answer {
  text: string;
  /** The model id to report in the result's `model`. */
  model: string;
  stopReason: 'endTurn' | 'maxTokens' | 'stopSequence' | 'other';
}

/** Something that answers sampling requests: the offline model or a provider. */
export interface Answerer {
  /** `offline`, or the provider's name (`anthropic`, `openai`, `openai-compatible`). */
  readonly name: string;
  /** The model a request of this tier goes to. */
  modelFor(tier: ModelTier): string;
  /** The configured model per tier (what hints are matched against), when there is a choice. */
  readonly models: Readonly<Record<ModelTier, string>> | undefined;
  answer(request: AnswerRequest): Promise<Answer>;
}
