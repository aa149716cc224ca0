/**
 * `buildServer`: a fresh MCP server with the `draft` tool. Free of side effects, so the SDK's
 * serving entries may call it once per connection, request or era probe.
 */
import { createRequire } from 'node:module';
import { createSamplingServer, type RegisterOptions } from '@mcp-sampling/kit';
import type { McpServer } from '@modelcontextprotocol/server';
import { draftTool } from './tool.js';

/** This package's version, read from its package.json. */
export const VERSION: string = (createRequire(import.meta.url)('../package.json') as { version: string }).version;

/**
 * A new server with the `draft` tool registered. `options` override the environment's fallback
 * policy and provider (tests use this).
 */
export function buildServer(options: RegisterOptions = {}): McpServer {
  return createSamplingServer(
    {
      name: 'mcp-server-draft',
      version: VERSION,
      instructions:
        'Call draft with a brief (and the message being replied to as context, if any); the server outlines, drafts, ' +
        'checks and revises with the host model.',
      tools: [draftTool],
    },
    options,
  );
}

export { draftTool } from './tool.js';
