#!/usr/bin/env node
/**
 * Benchmark baseline only: a hand-written MCP server with no kit, used by bench.mjs to measure
 * what the kit costs on top of the bare SDK. It is not shipped and not a usable server.
 *
 * - `summarise`: the SDK's write-once form (inputRequired / inputResponse), one sample with the
 *   same prompt shape as the kit's single-chunk path. 2026-07-28: input_required; 2025: the SDK's
 *   legacy shim pushes the sample.
 * - `summarise_sequential`: one sample per chunk, one after another (one round per chunk).
 *   2026-07-28: input_required rounds, answers so far carried in requestState (plain JSON);
 *   2025: push sampling in a loop (no round cap).
 *
 * The kit's wire (step metadata, presets, the delimiter, provenance) and the stdio serving come from
 * `@mcp-sampling/testing/baseline-wire`, where they are restated by hand rather than imported from the kit.
 *
 * Started with `--signed-state` (2026-07-28 benches only), it also does what the kit must on every
 * round: the `input_required` carries a signed state naming the step it asks for ('summary'), bound to
 * the arguments, and a retry's answer is read only when that state checks out
 * (`wire.stepGate`, written by hand with node:crypto). Without the flag it carries no state.
 *
 * stdout is JSON-RPC only; logs go to stderr.
 */
import * as wire from '@mcp-sampling/testing/baseline-wire';
import { countWords } from '@mcp-sampling/text';
import { inputRequired, inputResponse, McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import { chunkText } from '../dist/chunking.js';
import { summariseTool } from '../dist/tool.js';

/** Same request as the kit's single-chunk step (paragraph style, 150 words → maxTokens 320). */
function summaryParams(text) {
  return wire.samplingParams({
    key: 'summary',
    system:
      'You write the final summary of a document from the whole document. ' +
      'Write plain prose in one or more short paragraphs. Use at most 150 words. Output only the summary. ' +
      wire.DATA_NOT_INSTRUCTIONS,
    user: `The document:\n${wire.delimit('document', text)}`,
    maxTokens: 320,
    preset: 'balanced',
  });
}

/** Same shape as the kit's map step (225 words → maxTokens 470). */
function chunkParams(chunk, index, total) {
  return wire.samplingParams({
    key: `chunk:${index}`,
    system:
      'You summarise one part of a longer document. Keep names, numbers, decisions and conclusions; ' +
      `add nothing that is not in the part. Write at most 225 words and output only the summary. ${wire.DATA_NOT_INSTRUCTIONS}`,
    user: `Part ${index + 1} of ${total} of the document:\n${wire.delimit('document-part', chunk)}`,
    maxTokens: 470,
    preset: 'balanced',
  });
}

export function buildBaseline() {
  const server = new McpServer({ name: 'bench-baseline-summarise', version: '0.0.0' });

  // The same tool contract as the kit's summarise (its input and output schemas, the same result
  // fields), written by hand against the raw SDK: only the kit's machinery differs.
  wire.registerOneSampleTool(z, server, summariseTool, {
    description: 'Baseline: one sample, write-once form.',
    key: 'summary',
    prepare: ({ text, style }) => ({ style, chunks: chunkText(text) }),
    params: ({ chunks }) => summaryParams(chunks[0]),
    answer: ({ style, chunks }, result) => {
      const summary = wire.textOf(result);
      return { text: summary, structured: { summary, style, words: countWords(summary), chunks: chunks.length } };
    },
  });

  server.registerTool(
    'summarise_sequential',
    {
      description: 'Baseline: one sample per chunk, one after another.',
      inputSchema: z.object({ chunks: z.array(z.string()).min(1) }),
      outputSchema: z.object({ summaries: z.array(z.string()) }),
    },
    async ({ chunks }, ctx) => {
      const done = (summaries) => ({
        content: [{ type: 'text', text: summaries.join('\n\n') }],
        structuredContent: { summaries },
      });

      if (wire.eraOf(ctx) === '2025') {
        // 2025: push form, one request at a time.
        const summaries = [];
        for (let index = 0; index < chunks.length; index += 1) {
          const result = await ctx.mcpReq.requestSampling(chunkParams(chunks[index], index, chunks.length), {
            signal: ctx.mcpReq.signal,
          });
          summaries.push(wire.textOf(result));
        }
        return done(summaries);
      }

      // 2026-07-28: one input_required round per chunk; answers so far travel in requestState.
      const raw = ctx.mcpReq.requestState();
      const summaries = raw === undefined ? [] : JSON.parse(String(raw)).summaries;
      if (raw !== undefined) {
        const view = inputResponse(ctx.mcpReq.inputResponses, `chunk:${summaries.length}`);
        if (view.kind !== 'sampling') throw new Error(`missing answer for chunk ${summaries.length}`);
        summaries.push(wire.textOf(view.result));
      }
      if (summaries.length === chunks.length) return done(summaries);
      const index = summaries.length;
      return inputRequired({
        inputRequests: { [`chunk:${index}`]: inputRequired.createMessage(chunkParams(chunks[index], index, chunks.length)) },
        requestState: JSON.stringify({ summaries }),
      });
    },
  );

  return server;
}

wire.serveWhenRun(import.meta.url, buildBaseline);
