import type { ModelPreferences } from '@modelcontextprotocol/server';

/** The named model presets a tool or a single sample can ask for. */
export type PresetName = 'fast' | 'balanced' | 'smart';

/** A preset as both worlds understand it: MCP model preferences for the host, provider model ids for a fallback. */
export interface ModelPreset {
  /** Sent with every sampling request so the host can pick a fitting model. */
  readonly modelPreferences: ModelPreferences;
  /** Concrete default model ids per provider, for when the server calls a provider itself. */
  readonly providerModels: Readonly<Record<'anthropic' | 'openai', string>>;
}

/**
 * `fast` suits tiny answers (classify, route, outlines), `balanced` most summarising,
 * `smart` writing. Hints are substrings a host matches against its model names, in order.
 */
export const PRESETS: Readonly<Record<PresetName, ModelPreset>> = {
  fast: {
    modelPreferences: {
      hints: [{ name: 'haiku' }, { name: 'mini' }, { name: 'flash' }],
      costPriority: 0.8,
      speedPriority: 0.9,
      intelligencePriority: 0.2,
    },
    providerModels: { anthropic: 'claude-haiku-4-5', openai: 'gpt-4.1-mini' },
  },
  balanced: {
    modelPreferences: {
      hints: [{ name: 'sonnet' }, { name: 'gpt-4.1' }, { name: 'flash' }],
      costPriority: 0.5,
      speedPriority: 0.5,
      intelligencePriority: 0.6,
    },
    providerModels: { anthropic: 'claude-sonnet-4-5', openai: 'gpt-4.1' },
  },
  smart: {
    modelPreferences: {
      hints: [{ name: 'opus' }, { name: 'sonnet' }, { name: 'gpt-5' }],
      costPriority: 0.2,
      speedPriority: 0.3,
      intelligencePriority: 0.9,
    },
    providerModels: { anthropic: 'claude-opus-4-1', openai: 'gpt-5' },
  },
};
