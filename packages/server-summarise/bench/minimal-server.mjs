#!/usr/bin/env node
/**
 * Benchmark anchor only: the smallest raw-SDK v2 server that does what the summarise bin does on
 * the wire, for the cold-start and peak-RSS rows of bench.mjs. One tool, `summarise`, that asks the
 * host for one sample in the SDK's write-once form (`inputRequired` on 2026-07-28; the SDK's
 * legacy shim pushes it on 2025) and returns its text. `McpServer` + `serveStdio` and zod, nothing
 * else: no kit, no workspace package, nothing from the server's dist, so it measures what any
 * SDK-based server costs to start and to hold in memory.
 *
 * stdout is JSON-RPC only; logs go to stderr.
 */
import { pathToFileURL } from 'node:url';
import { inputRequired, inputResponse, McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import * as z from 'zod/v4';

/** A fresh server with the one tool. */
export function buildMinimal() {
  const server = new McpServer({ name: 'bench-minimal-summarise', version: '0.0.0' });
  server.registerTool(
    'summarise',
    {
      description: 'Minimal anchor: one sample of the whole text.',
      inputSchema: z.object({ text: z.string().min(1) }),
      outputSchema: z.object({ summary: z.string() }),
    },
    async ({ text }, ctx) => {
      const view = inputResponse(ctx.mcpReq.inputResponses, 'summary');
      if (view.kind !== 'sampling') {
        return inputRequired({
          inputRequests: {
            summary: inputRequired.createMessage({
              systemPrompt: 'Summarise the document in at most 150 words.',
              messages: [{ role: 'user', content: { type: 'text', text } }],
              maxTokens: 320,
            }),
          },
        });
      }
      const content = Array.isArray(view.result.content) ? view.result.content : [view.result.content];
      const summary = content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
      return { content: [{ type: 'text', text: summary }], structuredContent: { summary } };
    },
  );
  return server;
}

if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const handle = serveStdio(buildMinimal, { onerror: (error) => process.stderr.write(`bench-minimal: ${error.message}\n`) });
  const shutdown = () => {
    void handle.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.stdin.once('end', shutdown);
  process.stderr.write('bench-minimal ready on stdio\n');
}
