#!/usr/bin/env node
/** `mcp-server-summarise`: serves the summarise tool over stdio (2025 and 2026-07-28 eras). */
import { runServerBin } from '@mcp-sampling/kit/serve';
import { buildServer, VERSION } from './server.js';

await runServerBin({
  bin: 'mcp-server-summarise',
  version: VERSION,
  summary: 'MCP server with one tool, summarise, that summarises text of any length with the host model (MCP sampling).',
  buildServer,
});
