/** The `CallToolResult` shapes every kit tool returns: a success with structured content, or an `isError`. */
import type { CallToolResult } from '@modelcontextprotocol/server';
import { ToolInputError } from '../tool/contract.js';
import { describeFailure, SamplingFailure } from '../tool/failures.js';

/** A successful result: the text content plus the structured result. */
export function successResult(text: string, structuredContent: Record<string, unknown>): CallToolResult {
  return { content: [{ type: 'text', text }], structuredContent };
}

/** An `isError` result whose text says what went wrong and how to recover. */
export function errorResult(text: string): CallToolResult {
  return { content: [{ type: 'text', text }], isError: true };
}

/** The `isError` for anything `run` or a sampler threw. Unexpected errors are logged to stderr. */
export function failureResult(toolName: string, error: unknown): CallToolResult {
  if (error instanceof SamplingFailure) return errorResult(describeFailure(error));
  if (error instanceof ToolInputError) return errorResult(error.message);
  console.error(`[${toolName}] internal error:`, error);
  return errorResult(`Internal error in tool '${toolName}': ${error instanceof Error ? error.message : String(error)}`);
}
