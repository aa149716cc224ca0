#!/usr/bin/env node
/** `mcp-server-draft`: serves the draft tool over stdio (2025 and 2026-07-28 eras). */
import { runServerBin } from '@mcp-sampling/kit/serve';
import { buildServer, VERSION } from './server.js';

await runServerBin({
  bin: 'mcp-server-draft',
  version: VERSION,
  summary:
    'MCP server with one tool, draft, that writes emails, replies, announcements, posts and notes with the host model ' +
    '(MCP sampling): outline, draft, server-side checks, up to two revisions.',
  buildServer,
});
