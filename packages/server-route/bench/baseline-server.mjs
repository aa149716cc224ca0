#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
/**
 * Benchmark baseline only: a hand-written MCP server with no kit, used by bench.mjs to measure
 * what the kit costs on top of the bare SDK. It is not shipped and not a usable server.
 *
 * `route`: the SDK's write-once form (inputRequired / inputResponse), one sample with the same
 * request bytes as the kit's `route` step (system prompt plus the JSON reply rule, user message
 * plus the JSON Schema, the schema in metadata, the `fast` preferences, temperature 0), the same
 * input and output schemas, and the answer read with JSON.parse and checked with the same answer
 * schema. No repairs, no keyword backstop: the bench host always answers valid JSON.
 * 2026-07-28: input_required; 2025: the SDK's legacy shim pushes the sample.
 *
 * stdout is JSON-RPC only; logs go to stderr.
 */
import { inputRequired, inputResponse, McpServer, PROTOCOL_VERSION_META_KEY } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import * as z from 'zod/v4';
import { RouteBook } from '../dist/input.js';
import { answerSchema, normaliseAnswer, ROUTE_SYSTEM_PROMPT, routeUserMessage } from '../dist/prompt.js';
import { routeTool } from '../dist/tool.js';

/** The provenance shape every route result carries (declared here, not imported from the kit). */
const provenanceSchema = z.object({
  path: z.enum(['host', 'provider', 'heuristic', 'delegated']),
  models: z.array(z.string()),
  era: z.enum(['2025', '2026-07-28']),
  rounds: z.number().int().min(0),
  samples: z.number().int().min(0),
  reason: z.string().optional(),
});

/** The kit's JSON reply rule and metadata keys, written out so both servers send the same bytes. */
const JSON_REPLY_RULES =
  'Reply with a single JSON value that matches the JSON Schema given in the user message. ' +
  'Output only the JSON: no code fences, no comments, no text before or after it.';
const SCHEMA_KEY = 'io.github.mcp-sampling/json-schema';
const STEP_KEY = 'io.github.mcp-sampling/step';
const FAST = {
  hints: [{ name: 'haiku' }, { name: 'mini' }, { name: 'flash' }],
  costPriority: 0.8,
  speedPriority: 0.9,
  intelligencePriority: 0.2,
};

function jsonSchemaOf(schema) {
  const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return rest;
}

/** The same params as the kit's `route` step. */
function routeParams(request, routes, schema) {
  const jsonSchema = jsonSchemaOf(schema);
  return {
    systemPrompt: `${ROUTE_SYSTEM_PROMPT}\n\n${JSON_REPLY_RULES}`,
    messages: [
      {
        role: 'user',
        content: {
          type: 'text',
          text: `${routeUserMessage(request, routes)}\n\nJSON Schema of the answer:\n${JSON.stringify(jsonSchema)}`,
        },
      },
    ],
    maxTokens: 160,
    modelPreferences: FAST,
    temperature: 0,
    metadata: { [SCHEMA_KEY]: jsonSchema, [STEP_KEY]: 'route' },
  };
}

function textOf(result) {
  const blocks = Array.isArray(result.content) ? result.content : [result.content];
  return blocks
    .filter((block) => block?.type === 'text')
    .map((block) => block.text)
    .join('\n');
}

const isModern = (ctx) => ctx.mcpReq.envelope?.[PROTOCOL_VERSION_META_KEY] !== undefined;

export function buildBaseline() {
  const server = new McpServer({ name: 'bench-baseline-route', version: '0.0.0' });
  server.registerTool(
    'route',
    {
      description: 'Baseline: one sample, write-once form.',
      inputSchema: routeTool.input,
      outputSchema: routeTool.output.extend({ provenance: provenanceSchema }),
    },
    async ({ request, routes }, ctx) => {
      const book = new RouteBook(routes);
      const schema = answerSchema(book);
      const view = inputResponse(ctx.mcpReq.inputResponses, 'route');
      if (view.kind !== 'sampling') {
        return inputRequired({ inputRequests: { route: inputRequired.createMessage(routeParams(request, routes, schema)) } });
      }
      const parsed = schema.safeParse(normaliseAnswer(book)(JSON.parse(textOf(view.result))));
      if (!parsed.success) return { content: [{ type: 'text', text: 'invalid answer' }], isError: true };
      const { route, confidence, reason } = parsed.data;
      const era = isModern(ctx) ? '2026-07-28' : '2025';
      const provenance = { path: 'host', models: [view.result.model], era, rounds: 1, samples: 1 };
      return {
        content: [{ type: 'text', text: `${route} (model, confidence ${confidence}): ${reason}` }],
        structuredContent: { route, confidence, reason, matchedBy: 'model', provenance },
      };
    },
  );
  return server;
}

// Serve over stdio only when run as a program; importing it just gives the factory.
if (process.argv[1] !== undefined && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const handle = serveStdio(() => buildBaseline(), {
    onerror: (error) => process.stderr.write(`bench-baseline: ${error.message}\n`),
  });
  const shutdown = () => {
    void handle.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.stdin.once('end', shutdown);
  process.stderr.write('bench-baseline ready on stdio\n');
}
