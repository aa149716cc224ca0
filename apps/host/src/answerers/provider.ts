/**
 * The provider answerer: a real model through @mcp-sampling/providers (Anthropic, OpenAI, or any
 * OpenAI-compatible endpoint such as Ollama). The request's system prompt, turns, granted
 * maxTokens, temperature and stop sequences are passed through; a JSON Schema from the request's
 * metadata becomes the provider's native structured output.
 */
import { describeProviderError, MODEL_TIERS, type ModelTier, type Provider, ProviderError } from '@mcp-sampling/providers';
import type { Answerer } from './answerer.js';

/** Answer with `provider`; the tier picks the model (`provider.modelFor(tier)`). */
export function providerAnswerer(provider: Provider): Answerer {
  const models = Object.fromEntries(MODEL_TIERS.map((tier) => [tier, provider.modelFor(tier)])) as Record<ModelTier, string>;
  return {
    name: provider.name,
    models,
    modelFor: (tier) => provider.modelFor(tier),
    async answer({ request, tier, maxTokens, signal }) {
      try {
        const result = await provider.generate({
          ...(request.systemPrompt !== '' && { system: request.systemPrompt }),
          messages: request.messages,
          maxTokens,
          tier,
          ...(request.temperature !== undefined && { temperature: request.temperature }),
          ...(request.stopSequences !== undefined && { stopSequences: request.stopSequences }),
          ...(request.jsonSchema !== undefined && { jsonSchema: request.jsonSchema }),
          signal,
        });
        return { text: result.text, model: result.model, stopReason: result.stopReason };
      } catch (error) {
        // One paragraph with the fix; the key never appears in it (see the providers README).
        if (error instanceof ProviderError) throw new Error(describeProviderError(error));
        throw error;
      }
    },
  };
}
