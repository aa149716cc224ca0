/** The AI SDK's finish reason mapped to MCP's stop reason. */
import type { FinishReason } from 'ai';
import type { StopReason } from './types.js';

/**
 * The AI SDK's finish reason in MCP's words. The SDK folds a stop sequence into `stop`, so the
 * provider's raw reason tells them apart where the provider reports it (Anthropic's
 * `stop_sequence`); OpenAI-style APIs say `stop` for both, which reads as `endTurn`.
 */
export function toStopReason(finishReason: FinishReason | undefined, rawFinishReason: string | undefined): StopReason {
  if (rawFinishReason === 'stop_sequence') return 'stopSequence';
  switch (finishReason) {
    case 'stop':
      return 'endTurn';
    case 'length':
      return 'maxTokens';
    default:
      return 'other';
  }
}
