/**
 * `buildServer`: a fresh MCP server with the `route` tool. Free of side effects, so the SDK's
 * serving entries may call it once per connection, request or era probe.
 */
import { createRequire } from 'node:module';
import { createSamplingServer, type RegisterOptions } from '@mcp-sampling/kit';
import type { McpServer } from '@modelcontextprotocol/server';
import { routeTool } from './tool.js';

/** This package's version, read from its package.json. */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** `options` override the environment's fallback policy and provider (tests use this). */
export function buildServer(options: RegisterOptions = {}): McpServer {
  return createSamplingServer(
    {
      name: 'mcp-server-route',
      version: VERSION,
      instructions:
        'Call route with the request and every destination (name, description, optional keywords); ' +
        'the result is always one of the given names.',
      tools: [routeTool],
    },
    options,
  );
}

export { routeHeuristic } from './heuristic.js';
export { routeTool } from './tool.js';
