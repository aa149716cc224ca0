/** Which model each tier (fast, balanced, smart) uses for a configuration. */
import { ProviderError } from './errors.js';
import { MODEL_TIERS, type ModelTier, type ProviderConfig } from './types.js';

/**
 * The model each tier uses when the configuration names none. `openai-compatible` has no defaults:
 * the models an endpoint serves are the operator's choice.
 */
export const DEFAULT_MODELS: Readonly<Record<'anthropic' | 'openai', Readonly<Record<ModelTier, string>>>> = {
  anthropic: { fast: 'claude-haiku-4-5', balanced: 'claude-sonnet-4-5', smart: 'claude-opus-4-1' },
  openai: { fast: 'gpt-4.1-mini', balanced: 'gpt-4.1', smart: 'gpt-5' },
};

/**
 * The model id for every tier: `models[tier]`, else `model`, else the provider's default.
 * Throws a `config` error when a tier is left without one (only possible for `openai-compatible`).
 */
export function resolveModels(config: ProviderConfig): Record<ModelTier, string> {
  const defaults = config.provider === 'openai-compatible' ? undefined : DEFAULT_MODELS[config.provider];
  const resolved: Partial<Record<ModelTier, string>> = {};
  for (const tier of MODEL_TIERS) {
    const id = nonEmpty(config.models?.[tier]) ?? nonEmpty(config.model) ?? defaults?.[tier];
    if (id === undefined) {
      throw new ProviderError(
        'config',
        `The openai-compatible provider has no model for the '${tier}' tier: set \`model\` (MCP_SAMPLING_MODEL), or a model for every tier.`,
        { provider: config.provider },
      );
    }
    resolved[tier] = id;
  }
  return resolved as Record<ModelTier, string>;
}

function nonEmpty(value: string | undefined): string | undefined {
  const trimmed = value?.trim();
  return trimmed ? trimmed : undefined;
}
