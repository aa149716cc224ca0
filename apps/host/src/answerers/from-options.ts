/**
 * Which model answers: `--offline`, else a provider from the flags and the environment
 * (`--provider`/`--model`/`--base-url` win over `MCP_SAMPLING_PROVIDER`/`MCP_SAMPLING_MODEL`/
 * `MCP_SAMPLING_BASE_URL`; keys only ever come from the environment), else the offline model when
 * no provider is configured at all.
 */
import {
  API_KEY_VARIABLE,
  createProvider,
  PROVIDER_NAMES,
  ProviderError,
  type ProviderName,
  providerConfigFromEnv,
} from '@mcp-sampling/providers';
import { usageError } from '../errors.js';
import type { Answerer } from './answerer.js';
import { offlineAnswerer } from './offline.js';
import { providerAnswerer } from './provider.js';

/** The model flags. */
export interface ModelFlags {
  offline?: boolean;
  provider?: string;
  model?: string;
  baseUrl?: string;
}

/** The chosen answerer, and a note for stderr when the choice was implicit. */
export interface AnswererChoice {
  answerer: Answerer;
  note?: string;
}

/** Pick the answerer; a misconfiguration is a usage error (exit code 2) naming what to set. */
export function answererFromOptions(flags: ModelFlags, env: NodeJS.ProcessEnv = process.env): AnswererChoice {
  if (flags.offline) {
    if (flags.provider !== undefined || flags.model !== undefined || flags.baseUrl !== undefined) {
      throw usageError('--offline cannot be combined with --provider, --model or --base-url');
    }
    return { answerer: offlineAnswerer() };
  }
  const overlay: NodeJS.ProcessEnv = { ...env };
  if (flags.provider !== undefined) {
    const name = PROVIDER_NAMES.find((known) => known === flags.provider?.toLowerCase());
    if (name === undefined) {
      throw usageError(`unknown provider '${flags.provider}': use ${PROVIDER_NAMES.join(', ')}, or --offline`);
    }
    requireKey(name, env);
    if (name === 'openai-compatible') requireEndpoint(flags, env);
    overlay.MCP_SAMPLING_PROVIDER = name;
  }
  if (flags.baseUrl !== undefined) {
    if (flags.provider === undefined && !env.MCP_SAMPLING_PROVIDER?.trim()) {
      throw usageError('--base-url needs --provider (openai-compatible for Ollama, LM Studio or vLLM)');
    }
    overlay.MCP_SAMPLING_BASE_URL = flags.baseUrl;
  }
  if (flags.model !== undefined) overlay.MCP_SAMPLING_MODEL = flags.model;

  try {
    const config = providerConfigFromEnv(overlay);
    if (config === undefined) {
      if (flags.model !== undefined)
        throw usageError('--model needs a provider: pass --provider, or set ANTHROPIC_API_KEY or OPENAI_API_KEY');
      return {
        answerer: offlineAnswerer(),
        note: 'no provider configured (ANTHROPIC_API_KEY, OPENAI_API_KEY or --provider): answering with the offline model',
      };
    }
    return { answerer: providerAnswerer(createProvider(config)) };
  } catch (error) {
    if (error instanceof ProviderError) throw usageError(error.message);
    throw error;
  }
}

function requireKey(name: ProviderName, env: NodeJS.ProcessEnv): void {
  if (name === 'openai-compatible') return; // optional: a local Ollama needs none
  const variable = API_KEY_VARIABLE[name];
  if (!env[variable]?.trim()) throw usageError(`--provider ${name} needs ${variable} in the environment`);
}

function requireEndpoint(flags: ModelFlags, env: NodeJS.ProcessEnv): void {
  if (flags.baseUrl === undefined && !env.MCP_SAMPLING_BASE_URL?.trim()) {
    throw usageError('--provider openai-compatible needs --base-url (e.g. http://localhost:11434/v1 for Ollama)');
  }
  const tiers = ['MCP_SAMPLING_MODEL_FAST', 'MCP_SAMPLING_MODEL_BALANCED', 'MCP_SAMPLING_MODEL_SMART'];
  if (flags.model === undefined && !env.MCP_SAMPLING_MODEL?.trim() && !tiers.every((variable) => env[variable]?.trim())) {
    throw usageError('--provider openai-compatible needs --model (e.g. llama3.2)');
  }
}
