/** The model services this package can call directly. */
export type ProviderName = 'anthropic' | 'openai' | 'openai-compatible';

/** Every provider name, in the order they are documented. */
export const PROVIDER_NAMES: readonly ProviderName[] = ['anthropic', 'openai', 'openai-compatible'];

/** The environment variable each provider's key is read from. */
export const API_KEY_VARIABLE: Readonly<Record<ProviderName, string>> = {
  anthropic: 'ANTHROPIC_API_KEY',
  openai: 'OPENAI_API_KEY',
  'openai-compatible': 'MCP_SAMPLING_API_KEY',
};

/** How capable (and costly) a model a request asks for. Mirrors the kit's preset names. */
export type ModelTier = 'fast' | 'balanced' | 'smart';

/** Every tier, cheapest first. */
export const MODEL_TIERS: readonly ModelTier[] = ['fast', 'balanced', 'smart'];

/** How to reach one provider. `providerConfigFromEnv` builds one from the environment. */
export interface ProviderConfig {
  provider: ProviderName;
  /** Required for `anthropic` and `openai`; optional for `openai-compatible` (a local Ollama needs none). */
  apiKey?: string;
  /** Required for `openai-compatible` (e.g. `http://localhost:11434/v1`); for the others it overrides the public endpoint. */
  baseURL?: string;
  /** One model id for every tier. */
  model?: string;
  /** Per-tier model ids; they win over `model`, which wins over the built-in defaults. */
  models?: Partial<Record<ModelTier, string>>;
  /** Time limit for each attempt, in milliseconds. Default 60 000. */
  timeoutMs?: number;
  /** How many times a failed attempt may be repeated (429, 5xx, network errors, timeouts). Default 2. */
  maxRetries?: number;
  /** Base of the exponential backoff between attempts, in milliseconds. Default 500. */
  retryBaseDelayMs?: number;
  /** The fetch to send requests with. Default: the global fetch at call time. */
  fetch?: typeof globalThis.fetch;
}

/** One text generation, in the shape of an MCP sampling request. */
export interface GenerateRequest {
  /** Instructions for the model. Trusted text only: untrusted data belongs in `messages`. */
  system?: string;
  /** The conversation so far, oldest first. */
  messages: Array<{ role: 'user' | 'assistant'; text: string }>;
  /** Upper bound on the tokens the model may produce. */
  maxTokens: number;
  /** Which configured model answers. */
  tier: ModelTier;
  temperature?: number;
  /** Sequences that end the answer early. The OpenAI Responses API ignores them. */
  stopSequences?: string[];
  /** When present, the provider's native structured output constrains the answer to this JSON Schema. */
  jsonSchema?: Record<string, unknown>;
  /** Cancels the call, including any wait between retries. */
  signal?: AbortSignal;
}

/** Why the model stopped, in MCP's vocabulary. */
export type StopReason = 'endTurn' | 'maxTokens' | 'stopSequence' | 'other';

/** What the model answered. */
export interface GenerateResult {
  /** The answer. For `jsonSchema` requests, the JSON text exactly as the model wrote it (validate it yourself). */
  text: string;
  /** The model id the provider reports, else the one requested. */
  model: string;
  stopReason: StopReason;
}

/** A configured provider: a model per tier and one way to call it. */
export interface Provider {
  readonly name: ProviderName;
  /** The model id a request of this tier is sent to. */
  modelFor(tier: ModelTier): string;
  /** Calls the model, retrying transient failures. Rejects with a `ProviderError` only. */
  generate(request: GenerateRequest): Promise<GenerateResult>;
}
