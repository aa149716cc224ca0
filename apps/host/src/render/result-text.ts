/** A tool result for people: its content blocks, its provenance, and (for `call`) its structured content. */
import type { CallToolResult } from '@modelcontextprotocol/client';
import type { Colors } from './colors.js';
import { indent } from './text.js';

/** The `provenance` the servers of this repository add to every result, when present. */
export interface Provenance {
  path: string;
  models: string[];
  era: string;
  rounds: number;
  samples: number;
  reason?: string;
}

/** `structuredContent.provenance`, when the result has one of the right shape. */
export function provenanceOf(result: CallToolResult): Provenance | undefined {
  const provenance = (result.structuredContent as { provenance?: unknown } | undefined)?.provenance;
  if (provenance === null || typeof provenance !== 'object') return undefined;
  const candidate = provenance as Partial<Provenance>;
  return typeof candidate.path === 'string' && Array.isArray(candidate.models) ? (candidate as Provenance) : undefined;
}

/** `path host · models offline-extractive-1 · era 2025 · rounds 2 · samples 3`. */
export function provenanceLine(provenance: Provenance): string {
  const parts = [
    `path ${provenance.path}`,
    `models ${provenance.models.length > 0 ? provenance.models.join(', ') : '(none)'}`,
    `era ${provenance.era}`,
    `rounds ${provenance.rounds}`,
    `samples ${provenance.samples}`,
  ];
  if (provenance.reason !== undefined) parts.push(`reason: ${provenance.reason}`);
  return parts.join(' · ');
}

/** The text of every content block (non-text blocks as a short placeholder). */
export function contentText(result: CallToolResult): string {
  return (result.content ?? [])
    .map((block) => {
      if (block.type === 'text') return block.text;
      if (block.type === 'image' || block.type === 'audio') return `[${block.type}, ${block.mimeType}]`;
      if (block.type === 'resource_link') return `[resource link ${block.uri}]`;
      if (block.type === 'resource') return `[resource ${block.resource.uri}]`;
      return `[${(block as { type: string }).type}]`;
    })
    .join('\n');
}

/** Lines for a result: a heading, the content, provenance, and optionally the rest of the structured content. */
export function resultLines(result: CallToolResult, c: Colors, options: { structured?: boolean } = {}): string[] {
  const lines = [result.isError ? c.red(c.bold('The tool reported an error:')) : c.bold('Result:')];
  lines.push(indent(contentText(result) || c.dim('(no content)'), '  '));
  const provenance = provenanceOf(result);
  if (provenance !== undefined) lines.push(`${c.dim('provenance:')} ${provenanceLine(provenance)}`);
  if (options.structured && result.structuredContent !== undefined) {
    const { provenance: _provenance, ...rest } = result.structuredContent as Record<string, unknown>;
    if (Object.keys(rest).length > 0) {
      lines.push(c.dim('structured content:'));
      lines.push(indent(JSON.stringify(rest, null, 2), '  '));
    }
  }
  return lines;
}
