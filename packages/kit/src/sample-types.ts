import type { JSONObject } from '@modelcontextprotocol/server';
import type { PresetName } from './presets.js';

/** One language step a tool asks for. Everything here is chosen by the tool author. */
export interface SampleRequest {
  /** Trusted instructions written by the tool author. Never put user-supplied text here. */
  system: string;
  /** The user turn: the task, with untrusted text wrapped by `delimit()`. */
  user: string;
  /** Upper bound for the reply; the host must respect it. */
  maxTokens: number;
  /** Overrides the tool's preset for this step. */
  preset?: PresetName;
  temperature?: number;
  stopSequences?: string[];
  /** Extra request metadata (namespaced keys), e.g. a JSON Schema the host may enforce. */
  metadata?: JSONObject;
  /** Turns after `user`, e.g. the model's earlier answer and a correction (used by repairs). */
  followUps?: ReadonlyArray<{ role: 'assistant' | 'user'; text: string }>;
}

/** What a language step produced. */
export interface SampleResult {
  /** The reply text (text blocks joined). Never empty. */
  text: string;
  /** The model that answered, as the host reported it. */
  model: string;
  /** Why generation stopped, as reported (`endTurn`, `maxTokens`, `stopSequence`, …). */
  stopReason?: string;
  /** True when the reply was far longer than `maxTokens` allows and the kit cut it. */
  truncated?: boolean;
}
