/**
 * The model presets a tool or a single step names (`fast`, `balanced`, `smart`): MCP model
 * preferences for the host, and the model tier on the provider fallback.
 */
import type { ModelPreferences } from '@modelcontextprotocol/server';

/** The named model presets a tool or a single sample can ask for. */
export type PresetName = 'fast' | 'balanced' | 'smart';

/**
 * A preset as the host understands it: MCP model preferences. On the provider fallback the same
 * name is the model tier, mapped to a concrete model id by `@mcp-sampling/providers`
 * (`DEFAULT_MODELS`, overridable with `MCP_SAMPLING_MODEL_<TIER>`), so the choice survives the fallback.
 */
export interface ModelPreset {
  /** Sent with every sampling request so the host can pick a fitting model. */
  readonly modelPreferences: ModelPreferences;
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
  },
  balanced: {
    modelPreferences: {
      hints: [{ name: 'sonnet' }, { name: 'gpt-4.1' }, { name: 'flash' }],
      costPriority: 0.5,
      speedPriority: 0.5,
      intelligencePriority: 0.6,
    },
  },
  smart: {
    modelPreferences: {
      hints: [{ name: 'opus' }, { name: 'sonnet' }, { name: 'gpt-5' }],
      costPriority: 0.2,
      speedPriority: 0.3,
      intelligencePriority: 0.9,
    },
  },
};
