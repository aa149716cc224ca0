/**
 * `buildServer`: a fresh MCP server with the `summarise` tool. Free of side effects, so the SDK's
 * serving entries may call it once per connection, request or era probe.
 */
import { createRequire } from 'node:module';
import { createSamplingServer, type RegisterOptions } from '@mcp-sampling/kit';
import type { McpServer } from '@modelcontextprotocol/server';
import { summariseTool } from './tool.js';

/** This package's version, read from its package.json. */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/** `options` override the environment's fallback policy and provider (tests use this). */
export function buildServer(options: RegisterOptions = {}): McpServer {
  return createSamplingServer(
    {
      name: 'mcp-server-summarise',
      version: VERSION,
      instructions: 'Call summarise with the full text; long documents are handled in chunks by the server.',
      tools: [summariseTool],
    },
    options,
  );
}

export { summariseTool } from './tool.js';
