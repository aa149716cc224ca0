#!/usr/bin/env node
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
 * The kit's wire (the JSON reply rule, metadata keys, presets, provenance) and the stdio serving come
 * from `@mcp-sampling/testing/baseline-wire`, where they are restated by hand rather than imported from the kit.
 *
 * Started with `--signed-state` (2026-07-28 benches only), it also does what the kit must on every
 * round: the `input_required` carries a signed state naming the step it asks for ('route'), bound to
 * the arguments, and a retry's answer is read only when that state checks out
 * (`wire.stepGate`, written by hand with node:crypto). Without the flag it carries no state.
 *
 * stdout is JSON-RPC only; logs go to stderr.
 */
import * as wire from '@mcp-sampling/testing/baseline-wire';
import { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import { answerSchema, normaliseAnswer } from '../dist/answer.js';
import { ROUTE_MAX_TOKENS, ROUTE_SYSTEM_PROMPT, routeUserMessage } from '../dist/prompt.js';
import { RouteBook } from '../dist/route-book.js';
import { routeTool } from '../dist/tool.js';

/** The same params as the kit's `route` step. */
function routeParams(request, routes, schema) {
  return wire.jsonSamplingParams(z, schema, {
    key: 'route',
    system: ROUTE_SYSTEM_PROMPT,
    user: routeUserMessage(request, routes),
    maxTokens: ROUTE_MAX_TOKENS,
    preset: 'fast',
  });
}

export function buildBaseline() {
  const server = new McpServer({ name: 'bench-baseline-route', version: '0.0.0' });
  wire.registerOneSampleTool(z, server, routeTool, {
    description: 'Baseline: one sample, write-once form.',
    key: 'route',
    prepare: ({ request, routes }) => {
      const book = new RouteBook(routes);
      return { request, routes, book, schema: answerSchema(book) };
    },
    params: ({ request, routes, schema }) => routeParams(request, routes, schema),
    answer: ({ book, schema }, result) => {
      const parsed = schema.safeParse(normaliseAnswer(book)(JSON.parse(wire.textOf(result))));
      if (!parsed.success) return { text: 'invalid answer', isError: true };
      const { route, confidence, reason } = parsed.data;
      return {
        text: `${route} (model, confidence ${confidence}): ${reason}`,
        structured: { route, confidence, reason, matchedBy: 'model' },
      };
    },
  });
  return server;
}

wire.serveWhenRun(import.meta.url, buildBaseline);
