/** One attempt at a model call through the AI SDK, with its own retries off. */
import type { JSONSchema7, LanguageModel } from 'ai';
import type { AiModule } from './sdk.js';
import { toStopReason } from './stop-reason.js';
import { fitsStrictMode } from './strict-schema.js';
import type { GenerateRequest, GenerateResult, ProviderName } from './types.js';

/** Everything one attempt needs. */
export interface Attempt {
  ai: AiModule;
  provider: ProviderName;
  model: LanguageModel;
  modelId: string;
  request: GenerateRequest;
  /** The caller's signal combined with this attempt's time limit. */
  signal: AbortSignal;
}

/**
 * One call to the model, with the AI SDK's own retries off (the caller's loop decides). A
 * `jsonSchema` goes through `Output.object`, which each provider turns into its native structured
 * output: Anthropic `output_config.format` (or a forced JSON tool on models without it), OpenAI
 * Responses `text.format`, and `response_format` on OpenAI-compatible endpoints.
 */
export async function generateOnce({ ai, provider, model, modelId, request, signal }: Attempt): Promise<GenerateResult> {
  const structured = request.jsonSchema
    ? { output: ai.Output.object({ schema: ai.jsonSchema(request.jsonSchema as JSONSchema7) }) }
    : {};
  try {
    const result = await ai.generateText({
      model,
      system: request.system,
      messages: request.messages.map(({ role, text }) => ({ role, content: text })),
      maxOutputTokens: request.maxTokens,
      temperature: request.temperature,
      ...(request.stopSequences?.length ? { stopSequences: request.stopSequences } : {}),
      ...structured,
      providerOptions: providerOptionsFor(provider, request.jsonSchema),
      maxRetries: 0,
      abortSignal: signal,
    });
    return {
      text: result.text,
      model: result.response.modelId || modelId,
      stopReason: toStopReason(result.finishReason, result.rawFinishReason),
    };
  } catch (error) {
    // The SDK parses structured output and throws when the text is not JSON; the caller validates
    // and repairs JSON itself, so the text it needs is handed back as it came.
    if (ai.NoObjectGeneratedError.isInstance(error) && error.text !== undefined) {
      return {
        text: error.text,
        model: error.response?.modelId || modelId,
        stopReason: toStopReason(error.finishReason, undefined),
      };
    }
    throw error;
  }
}

type ProviderOptions = Record<string, Record<string, boolean>>;

function providerOptionsFor(provider: ProviderName, jsonSchema: Record<string, unknown> | undefined): ProviderOptions {
  const strictJsonSchema = jsonSchema !== undefined && fitsStrictMode(jsonSchema);
  switch (provider) {
    case 'anthropic':
      return {};
    case 'openai':
      // A one-off completion has no reason to be kept on OpenAI's side.
      return { openai: { store: false, strictJsonSchema } };
    case 'openai-compatible':
      return { openaiCompatible: { strictJsonSchema } };
  }
}
