#!/usr/bin/env node
import { pathToFileURL } from 'node:url';
/**
 * Benchmark baseline only: a hand-written MCP server with no kit machinery, used by bench.mjs to
 * measure what the kit costs on top of the bare SDK. It is not shipped and not a usable server.
 *
 * `classify`: the SDK's write-once form (inputRequired / inputResponse), one sample with the same
 * request bytes as the kit's `classify` step (the same prompt builders from dist/, the same JSON
 * Schema in the user message and metadata, the same preset and temperature), then the same
 * canonicalisation, validation and ranking. It does not repair: an invalid answer is an isError.
 * 2026-07-28: input_required; 2025: the SDK's legacy shim pushes the sample.
 *
 * stdout is JSON-RPC only; logs go to stderr.
 */
import { inputRequired, inputResponse, McpServer, PROTOCOL_VERSION_META_KEY } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import * as z from 'zod/v4';
import { answerSchema, canonicaliseAnswer, rankLabels } from '../dist/answer.js';
import { excerptOf } from '../dist/excerpt.js';
import { labelSpecs } from '../dist/labels.js';
import { maxTokensFor, systemPromptFor, userMessage } from '../dist/prompt.js';
import { classifyTool, describeClassification } from '../dist/tool.js';

/** The provenance shape every classify result carries (declared here, not imported from the kit). */
const provenanceSchema = z.object({
  path: z.enum(['host', 'provider', 'heuristic', 'delegated']),
  models: z.array(z.string()),
  era: z.enum(['2025', '2026-07-28']),
  rounds: z.number().int().min(0),
  samples: z.number().int().min(0),
  reason: z.string().optional(),
});

/** The rule line and metadata keys the kit's sampleJson adds, written out by hand. */
const JSON_REPLY_RULES =
  'Reply with a single JSON value that matches the JSON Schema given in the user message. ' +
  'Output only the JSON: no code fences, no comments, no text before or after it.';
const JSON_SCHEMA_KEY = 'io.github.mcp-sampling/json-schema';
const STEP_KEY = 'io.github.mcp-sampling/step';

/** The `fast` preset's model preferences, as the kit sends them. */
const FAST = {
  hints: [{ name: 'haiku' }, { name: 'mini' }, { name: 'flash' }],
  costPriority: 0.8,
  speedPriority: 0.9,
  intelligencePriority: 0.2,
};

/** The JSON Schema of an answer schema, memoised per schema object as the kit's `jsonSchemaOf` is. */
const jsonSchemas = new WeakMap();
function jsonSchemaOf(schema) {
  let jsonSchema = jsonSchemas.get(schema);
  if (jsonSchema === undefined) {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
    jsonSchema = rest;
    jsonSchemas.set(schema, jsonSchema);
  }
  return jsonSchema;
}

/** The same sampling/createMessage params as the kit's `classify` step, key order included. */
function classifyParams({ text, multiLabel, instructions }, specs, names) {
  const jsonSchema = jsonSchemaOf(answerSchema(names, multiLabel));
  return {
    systemPrompt: `${systemPromptFor(multiLabel)}\n\n${JSON_REPLY_RULES}`,
    messages: [
      {
        role: 'user',
        content: {
          type: 'text',
          text: `${userMessage(excerptOf(text), specs, instructions)}\n\nJSON Schema of the answer:\n${JSON.stringify(jsonSchema)}`,
        },
      },
    ],
    maxTokens: maxTokensFor(names, multiLabel),
    modelPreferences: FAST,
    temperature: 0,
    metadata: { [JSON_SCHEMA_KEY]: jsonSchema, [STEP_KEY]: 'classify' },
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
  const server = new McpServer({ name: 'bench-baseline-classify', version: '0.0.0' });

  // The same tool contract as the kit's classify (its input and output schemas), written by hand
  // against the raw SDK: only the kit's machinery differs.
  server.registerTool(
    'classify',
    {
      description: 'Baseline: one structured sample, write-once form, no repairs.',
      inputSchema: classifyTool.input,
      outputSchema: classifyTool.output.extend({ provenance: provenanceSchema }),
    },
    async (args, ctx) => {
      const specs = labelSpecs(args.labels);
      const names = specs.map((spec) => spec.name);
      const view = inputResponse(ctx.mcpReq.inputResponses, 'classify');
      if (view.kind !== 'sampling') {
        return inputRequired({ inputRequests: { classify: inputRequired.createMessage(classifyParams(args, specs, names)) } });
      }
      const parsed = answerSchema(names, args.multiLabel).safeParse(canonicaliseAnswer(names)(JSON.parse(textOf(view.result))));
      if (!parsed.success) return { content: [{ type: 'text', text: `invalid answer: ${parsed.error.message}` }], isError: true };
      const classification = { ...rankLabels(parsed.data.labels, args.multiLabel), rationale: parsed.data.rationale.trim() };
      const era = isModern(ctx) ? '2026-07-28' : '2025';
      const provenance = { path: 'host', models: [view.result.model], era, rounds: 1, samples: 1 };
      return {
        content: [{ type: 'text', text: describeClassification(classification) }],
        structuredContent: { ...classification, provenance },
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
