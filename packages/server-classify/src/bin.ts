#!/usr/bin/env node
/** `mcp-server-classify`: serves the classify tool over stdio (2025 and 2026-07-28 eras). */
import { runServerBin } from '@mcp-sampling/kit/serve';
import { buildServer, VERSION } from './server.js';

await runServerBin({
  bin: 'mcp-server-classify',
  version: VERSION,
  summary:
    "MCP server with one tool, classify, that puts a text into one of the caller's labels (or every label that applies) " +
    'with the host model (MCP sampling). Answers always come from the given labels.',
  buildServer,
});
