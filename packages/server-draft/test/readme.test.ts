import { readFileSync } from 'node:fs';
import { DATA_NOT_INSTRUCTIONS, JSON_REPLY_RULES } from '@mcp-sampling/kit';
import { connectInMemory } from '@mcp-sampling/testing';
import { describe, expect, it } from 'vitest';
import { EMAIL_FORMAT_RULE, KIND_RULES } from '../src/kinds.js';
import { CONTEXT_SYSTEM, DRAFT_SYSTEM, OUTLINE_SYSTEM, REVISE_SYSTEM } from '../src/prompt.js';
import { buildServer } from '../src/server.js';
import { EXAMPLE_ARGS, EXAMPLE_SCRIPT } from './example.js';

const README = readFileSync(new URL('../README.md', import.meta.url), 'utf8');
/** The README as prose: entities decoded, emphasis markers dropped, whitespace collapsed. */
const prose = README.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/\*/g, '').replace(/\s+/g, ' ');
/** The fenced code blocks whose info string is `language` ('' for none), in order, without their fences. */
function fenced(language: string): string[] {
  const blocks: string[] = [];
  let open: { language: string; lines: string[] } | undefined;
  for (const line of README.split('\n')) {
    if (!line.startsWith('```')) open?.lines.push(line);
    else if (open === undefined) open = { language: line.slice(3).trim(), lines: [] };
    else {
      if (open.language === language) blocks.push(open.lines.join('\n'));
      open = undefined;
    }
  }
  return blocks;
}

describe('README', () => {
  it.each([
    ['context', CONTEXT_SYSTEM],
    ['outline', OUTLINE_SYSTEM],
    ['draft', DRAFT_SYSTEM],
    ['revise', REVISE_SYSTEM],
  ])('quotes the %s system prompt exactly', (_step, system) => {
    expect(system.endsWith(` ${DATA_NOT_INSTRUCTIONS}`)).toBe(true);
    expect(README).toContain(`| ${system.slice(0, -DATA_NOT_INSTRUCTIONS.length - 1)} |`);
  });

  it('quotes the shared data sentence, the JSON rule, the layout rule and every kind rule', () => {
    expect(prose).toContain(DATA_NOT_INSTRUCTIONS);
    expect(prose).toContain(JSON_REPLY_RULES);
    expect(prose).toContain(EMAIL_FORMAT_RULE);
    for (const [kind, rule] of Object.entries(KIND_RULES)) expect(README).toContain(`| \`${kind}\` | ${rule} |`);
  });

  it('shows the example exactly as the server produces it', async () => {
    const [args, result] = fenced('json')
      .map((block) => JSON.parse(block) as Record<string, unknown>)
      .filter((block) => 'brief' in block || 'draft' in block);
    expect(args).toEqual(EXAMPLE_ARGS);

    const host = await connectInMemory(buildServer, { era: '2026-07-28', script: EXAMPLE_SCRIPT });
    try {
      const actual = await host.callTool('draft', EXAMPLE_ARGS);
      expect(actual.structuredContent).toEqual(result);
      expect(host.requests.map((request) => request.key)).toEqual(['outline', 'draft', 'revise:1']);
      const [revisionStart] = fenced('');
      expect(revisionStart).toMatch(/^Revise the previous version[\s\S]*\nLayout: /);
      expect(host.requests[2]?.userText.startsWith(revisionStart as string)).toBe(true);
    } finally {
      await host.close();
    }
  });
});
