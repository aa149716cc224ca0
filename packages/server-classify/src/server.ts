/**
 * `buildServer`: a fresh MCP server with the `classify` tool. Free of side effects, so the SDK's
 * serving entries may call it once per connection, request or era probe.
 */
import { createRequire } from 'node:module';
import { createSamplingServer, type RegisterOptions } from '@mcp-sampling/kit';
import type { McpServer } from '@modelcontextprotocol/server';
import { classifyTool } from './tool.js';

/** This package's version, read from its package.json. */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** `options` override the environment's fallback policy and provider (tests use this). */
export function buildServer(options: RegisterOptions = {}): McpServer {
  return createSamplingServer(
    {
      name: 'mcp-server-classify',
      version: VERSION,
      instructions: 'Call classify with the text and the allowed labels; the answer is always one of those labels.',
      tools: [classifyTool],
    },
    options,
  );
}

export { classifyHeuristically } from './heuristic.js';
export { classifyTool } from './tool.js';
