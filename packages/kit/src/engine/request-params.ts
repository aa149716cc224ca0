/**
 * A step's `SampleRequest` turned into the MCP `sampling/createMessage` params every path sends or
 * reads: the host's model (either era), the provider, and a delegated task all start from these.
 */
import type { CreateMessageRequestParams } from '@modelcontextprotocol/server';
import type { SampleRequest } from '../tool/contract.js';
import { PRESETS, type PresetName } from '../tool/presets.js';
import { STEP_METADATA_KEY } from '../tool/request-metadata.js';

/**
 * The MCP `sampling/createMessage` params for one step. The system prompt carries only the tool
 * author's instructions; the user's material is the single user message.
 */
// Deprecated API, used on purpose: sampling is deprecated (SEP-2577) but is exactly what this kit speaks.
export function toCreateMessageParams(key: string, request: SampleRequest, toolPreset: PresetName): CreateMessageRequestParams {
  if (!Number.isInteger(request.maxTokens) || request.maxTokens < 1) {
    throw new RangeError(`maxTokens must be a positive integer (got ${request.maxTokens})`);
  }
  return {
    systemPrompt: request.system,
    messages: [
      { role: 'user', content: { type: 'text', text: request.user } },
      ...(request.followUps ?? []).map((turn) => ({ role: turn.role, content: { type: 'text' as const, text: turn.text } })),
    ],
    maxTokens: request.maxTokens,
    modelPreferences: PRESETS[request.preset ?? toolPreset].modelPreferences,
    ...(request.temperature !== undefined && { temperature: request.temperature }),
    ...(request.stopSequences !== undefined && { stopSequences: request.stopSequences }),
    metadata: { ...request.metadata, [STEP_METADATA_KEY]: key },
  };
}
