/**
 * Reading a tool call's result in a test: its text, its structured content and the provenance the
 * kit adds, plus the two eras every server is tested in.
 */
import type { Era } from './mock-host.js';

/** Both protocol eras, for `describe.each(ERAS)`. */
export const ERAS: readonly Era[] = ['2025', '2026-07-28'];

/** The part of a `tools/call` result these helpers read. */
export interface ToolCallResult {
  content?: unknown;
  structuredContent?: unknown;
}

/** Where an answer came from, as `@mcp-sampling/kit` reports it in `structuredContent.provenance`. */
export interface ToolProvenance {
  path: string;
  models: string[];
  era: string;
  rounds: number;
  samples: number;
  /** Why the fallback policy answered, when it did. */
  reason?: string;
}

/** A tool's result type as a test reads it: the server's output type plus the kit's provenance. */
export type WithProvenance<Output> = Output & { provenance: ToolProvenance };

/** Every text block of a result, joined by line breaks (an error's message, or the readable answer). */
export function textOf(result: ToolCallResult): string {
  return ((result.content ?? []) as Array<{ type: string; text?: string }>).map((block) => block.text ?? '').join('\n');
}

/** A result's structured content, typed as the test expects it (not validated). */
export function structuredOf<Structured = Record<string, unknown>>(result: ToolCallResult): Structured {
  return result.structuredContent as Structured;
}

/** The provenance of a result's structured content. */
export function provenanceOf(result: ToolCallResult): ToolProvenance {
  return (result.structuredContent as { provenance: ToolProvenance }).provenance;
}
