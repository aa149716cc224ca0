#!/usr/bin/env node
/** `mcp-server-route`: serves the route tool over stdio (2025 and 2026-07-28 eras). */
import { runServerBin } from '@mcp-sampling/kit/serve';
import { buildServer, VERSION } from './server.js';

await runServerBin({
  bin: 'mcp-server-route',
  version: VERSION,
  summary:
    "MCP server with one tool, route, that sends a request to one of the caller's destinations with the host model " +
    '(MCP sampling), with a keyword and fallback backstop.',
  buildServer,
});
