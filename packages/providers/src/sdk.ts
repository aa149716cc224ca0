/**
 * The only file that loads the AI SDK, and only with dynamic `import()`: importing this package
 * costs nothing until the first `generate`. Everything else here sees the SDK through types.
 */
import type { LanguageModel } from 'ai';
import { baseUrlOf } from './endpoints.js';
import { ProviderError } from './errors.js';
import type { ProviderConfig } from './types.js';

export type AiModule = typeof import('ai');

let aiModule: Promise<AiModule> | undefined;

/** The `ai` module, loaded once. */
export function loadAi(): Promise<AiModule> {
  aiModule ??= loadOrExplain(() => import('ai')).then((ai) => {
    routeSdkWarningsToStderr();
    return ai;
  });
  return aiModule;
}

/**
 * A language model for `modelId` that sends with `fetch`, from the provider package the
 * configuration names (loaded on first use). Cheap to build: a model is a small settings object.
 */
export async function createLanguageModel(
  config: ProviderConfig,
  modelId: string,
  fetch: typeof globalThis.fetch,
): Promise<LanguageModel> {
  const baseURL = baseUrlOf(config);
  switch (config.provider) {
    case 'anthropic': {
      const { createAnthropic } = await loadOrExplain(() => import('@ai-sdk/anthropic'));
      return createAnthropic({ apiKey: config.apiKey, baseURL, fetch })(modelId);
    }
    case 'openai': {
      const { createOpenAI } = await loadOrExplain(() => import('@ai-sdk/openai'));
      // `responses` is what `openai(modelId)` means in @ai-sdk/openai 3.x; spelled out so it stays put.
      return createOpenAI({ apiKey: config.apiKey, baseURL, fetch }).responses(modelId);
    }
    case 'openai-compatible': {
      const { createOpenAICompatible } = await loadOrExplain(() => import('@ai-sdk/openai-compatible'));
      return createOpenAICompatible({
        name: 'openai-compatible',
        baseURL,
        ...(config.apiKey ? { apiKey: config.apiKey } : {}),
        // Send `response_format: { type: 'json_schema' }` rather than plain JSON mode: Ollama, vLLM,
        // LM Studio and llama.cpp's server all accept it.
        supportsStructuredOutputs: true,
        fetch,
      }).chatModel(modelId);
    }
  }
}

async function loadOrExplain<T>(load: () => Promise<T>): Promise<T> {
  try {
    return await load();
  } catch {
    throw new ProviderError(
      'config',
      'The AI SDK packages (ai, @ai-sdk/*) could not be loaded: reinstall the package that uses them (a server, or @mcp-sampling/providers) with its dependencies.',
    );
  }
}

/**
 * Left alone, the AI SDK announces its first warning (a setting the model ignores, such as
 * `temperature` on a reasoning model) with `console.info`, which is stdout: on a stdio MCP server
 * that would corrupt the JSON-RPC stream. Unless the process already chose a logger, warnings go to
 * stderr instead, one line each.
 */
function routeSdkWarningsToStderr(): void {
  globalThis.AI_SDK_LOG_WARNINGS ??= ({ warnings, provider, model }) => {
    for (const warning of warnings) {
      const what =
        warning.type === 'other' ? warning.message : `${warning.feature}${warning.details ? `: ${warning.details}` : ''}`;
      console.error(`[providers] ${provider} / ${model}: ${warning.type} ${what}`);
    }
  };
}
