#!/usr/bin/env node
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
 * The kit's wire (the JSON reply rule, metadata keys, presets, provenance) and the stdio serving come
 * from `@mcp-sampling/testing/baseline-wire`, where they are restated by hand rather than imported from the kit.
 *
 * Started with `--signed-state` (2026-07-28 benches only), it also does what the kit must on every
 * round: the `input_required` carries a signed state naming the step it asks for ('classify'), bound to
 * the arguments, and a retry's answer is read only when that state checks out
 * (`wire.stepGate`, written by hand with node:crypto). Without the flag it carries no state.
 *
 * stdout is JSON-RPC only; logs go to stderr.
 */
import * as wire from '@mcp-sampling/testing/baseline-wire';
import { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import { answerSchema, canonicaliseAnswer, rankLabels } from '../dist/answer.js';
import { excerptOf } from '../dist/excerpt.js';
import { labelSpecs } from '../dist/labels.js';
import { maxTokensFor, systemPromptFor, userMessage } from '../dist/prompt.js';
import { classifyTool, describeClassification } from '../dist/tool.js';

/** The same sampling/createMessage params as the kit's `classify` step, key order included. */
function classifyParams({ text, multiLabel, instructions }, specs, names) {
  return wire.jsonSamplingParams(z, answerSchema(names, multiLabel), {
    key: 'classify',
    system: systemPromptFor(multiLabel),
    user: userMessage(excerptOf(text), specs, instructions),
    maxTokens: maxTokensFor(names, multiLabel),
    preset: 'fast',
  });
}

export function buildBaseline() {
  const server = new McpServer({ name: 'bench-baseline-classify', version: '0.0.0' });
  // The same tool contract as the kit's classify (its input and output schemas), written by hand
  // against the raw SDK: only the kit's machinery differs.
  wire.registerOneSampleTool(z, server, classifyTool, {
    description: 'Baseline: one structured sample, write-once form, no repairs.',
    key: 'classify',
    prepare: (args) => {
      const specs = labelSpecs(args.labels);
      return { args, specs, names: specs.map((spec) => spec.name) };
    },
    params: ({ args, specs, names }) => classifyParams(args, specs, names),
    answer: ({ args, names }, result) => {
      const parsed = answerSchema(names, args.multiLabel).safeParse(canonicaliseAnswer(names)(JSON.parse(wire.textOf(result))));
      if (!parsed.success) return { text: `invalid answer: ${parsed.error.message}`, isError: true };
      const classification = { ...rankLabels(parsed.data.labels, args.multiLabel), rationale: parsed.data.rationale.trim() };
      return { text: describeClassification(classification), structured: classification };
    },
  });
  return server;
}

wire.serveWhenRun(import.meta.url, buildBaseline);
