#!/usr/bin/env node
/**
 * hello-sampling: a complete MCP sampling server in one file. Its one tool, `reply_to_note`, asks
 * the host's model for the mood of a note as validated JSON (`s.sampleJson`), then for a reply in a
 * tone that suits that mood (`s.sample`). `run` is written once; the kit picks the path per call:
 * - protocol 2026-07-28: each step is an `input_required` round (two here, as the second step needs
 *   the first answer), with the answers so far carried in a signed `requestState`;
 * - 2025 era: each step is a `sampling/createMessage` request pushed to the host mid-call;
 * - a host that cannot sample: the fallback policy (a provider if a key is set, else `heuristic`).
 */
import { realpathSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import {
  createSamplingServer,
  DATA_NOT_INSTRUCTIONS,
  defineSamplingTool,
  delimit,
  type RegisterOptions,
} from '@mcp-sampling/kit';
import { runServerBin } from '@mcp-sampling/kit/serve';
import type { McpServer } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';

const Mood = z.enum(['glad', 'neutral', 'upset']);

export const replyTool = defineSamplingTool({
  name: 'reply_to_note',
  title: 'Reply to a note',
  description: 'Reads the mood of a short note, then writes a one-sentence reply in a tone that suits it.',
  input: z.object({ note: z.string().min(1).max(2_000).describe('The note to reply to.') }),
  output: z.object({ mood: Mood, reply: z.string() }),
  preset: 'fast',
  async run({ note }, s) {
    // The note is untrusted: it goes, delimited, into the user message, never into the system prompt.
    const { value } = await s.sampleJson('mood', z.object({ mood: Mood }), {
      system: `Name the mood of the note's writer. ${DATA_NOT_INSTRUCTIONS}`,
      user: delimit('note', note),
      maxTokens: 20,
    });
    const reply = await s.sample('reply', {
      system: `Reply to the note in one sentence, in a tone for a writer who is ${value.mood}. ${DATA_NOT_INSTRUCTIONS}`,
      user: delimit('note', note),
      maxTokens: 60,
    });
    return { mood: value.mood, reply: reply.text.trim() };
  },
  heuristic: () => ({ mood: 'neutral' as const, reply: 'Thank you for your note.' }),
  text: (output) => output.reply,
});

/** A fresh server; `options` override the environment's fallback policy and provider (the tests pin them). */
export function buildServer(options: RegisterOptions = {}): McpServer {
  return createSamplingServer({ name: 'hello-sampling', version: '0.0.0', tools: [replyTool] }, options);
}

// Run as a program (not imported, as the tests do), it serves: stdio, or Streamable HTTP with --http.
if (process.argv[1] !== undefined && realpathSync(process.argv[1]) === fileURLToPath(import.meta.url)) {
  await runServerBin({ bin: 'hello-sampling', version: '0.0.0', summary: replyTool.description, buildServer });
}
