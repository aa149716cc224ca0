/**
 * The offline answerer: `offlineAnswer` from @mcp-sampling/text, a deterministic extractive model
 * that reads the request's own data (the delimited blocks of the user turns) and, for a request
 * with a JSON Schema, answers JSON that validates against it. No key, no network.
 */
import type { ModelTier } from '@mcp-sampling/providers';
import { OFFLINE_MODEL, offlineAnswer } from '@mcp-sampling/text';
import { userTextOf } from '../sampling-request.js';
import type { Answerer } from './answerer.js';

/** The offline stand-in model; every tier is the same model. */
export function offlineAnswerer(): Answerer {
  return {
    name: 'offline',
    models: undefined,
    modelFor: (_tier: ModelTier) => OFFLINE_MODEL,
    async answer({ request, maxTokens }) {
      const text = offlineAnswer({
        systemPrompt: request.systemPrompt,
        userText: userTextOf(request),
        maxTokens,
        ...(request.jsonSchema !== undefined && { jsonSchema: request.jsonSchema }),
      });
      return { text, model: OFFLINE_MODEL, stopReason: 'endTurn' };
    },
  };
}
