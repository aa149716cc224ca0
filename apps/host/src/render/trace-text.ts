/**
 * A traced call for people (`call --trace`): the span tree as a timeline, one line per span,
 * indented under its parent, with its start as an offset from the call's start, its duration, a
 * bar placing it within the call, and its key attributes; then what the result's provenance says.
 */
import type { CallTrace, TracedSpan } from '../trace/call-trace.js';
import { spanTree } from '../trace/call-trace.js';
import type { Decision } from '../transcript.js';
import type { Colors } from './colors.js';
import { type Provenance, provenanceLine } from './result-text.js';
import { plural, wrapToWidth } from './text.js';
import { describeDecision } from './transcript-text.js';

/** Cells of the timeline bar; the call span fills all of them. */
export const TIMELINE_CELLS = 24;

/** What to say about provenance: the result's, none in the result, or no result at all. */
export type ProvenanceNote = { kind: 'result'; provenance: Provenance | undefined } | { kind: 'no-result' };

/**
 * Lines for `trace`, followed by the provenance line. With `width` (the terminal's columns) a long
 * line wraps, continuing under its attributes.
 */
export function traceLines(trace: CallTrace, note: ProvenanceNote, c: Colors, options: { width?: number } = {}): string[] {
  const tree = spanTree(trace.spans);
  const total = Math.max(tree[0]?.span.durationMs ?? 0, 0.001);
  const names = tree.map(({ span, depth }) => `${'  '.repeat(depth)}${span.name}`);
  const starts = tree.map(({ span }) => `+${formatMs(span.startMs)}`);
  const durations = tree.map(({ span }) => formatMs(span.durationMs));
  const nameWidth = Math.max(...names.map((name) => name.length));
  const startWidth = Math.max(...starts.map((start) => start.length));
  const durationWidth = Math.max(...durations.map((duration) => duration.length));
  const lines = [
    c.bold(`Trace ${trace.traceId}`),
    c.dim(`  sent to the server as params._meta.traceparent = ${trace.traceparent}`),
  ];
  tree.forEach(({ span, depth }, index) => {
    const columns = `  ${(names[index] ?? '').padEnd(nameWidth)}  ${(starts[index] ?? '').padStart(startWidth)}  ${(durations[index] ?? '').padStart(durationWidth)}  `;
    const line = `${columns}${c.cyan(bar(span, total))}  ${spanSummary(span, c)}`;
    // Continuation lines start under the attributes: past the columns, the bar and its two borders.
    const hang = columns.length + TIMELINE_CELLS + 4 - (2 + 2 * depth);
    lines.push(wrapToWidth(line, options.width, ' '.repeat(hang)));
  });
  lines.push(provenanceText(note, c));
  return lines;
}

/** `0.4 ms`, `38 ms`, `2.35 s`. */
export function formatMs(ms: number): string {
  if (ms < 10) return `${ms.toFixed(1)} ms`;
  if (ms < 1000) return `${Math.round(ms)} ms`;
  return `${(ms / 1000).toFixed(2)} s`;
}

/** `|   ████      |`: where the span sits within the call. */
function bar(span: TracedSpan, total: number): string {
  const from = Math.min(TIMELINE_CELLS - 1, Math.max(0, Math.floor((span.startMs / total) * TIMELINE_CELLS)));
  const to = Math.min(TIMELINE_CELLS, Math.max(from + 1, Math.ceil(((span.startMs + span.durationMs) / total) * TIMELINE_CELLS)));
  return `|${' '.repeat(from)}${'█'.repeat(to - from)}${' '.repeat(TIMELINE_CELLS - to)}|`;
}

/** The attributes worth a glance, by kind of span. */
function spanSummary(span: TracedSpan, c: Colors): string {
  const a = span.attributes;
  if (a['mcp_sampling.round'] !== undefined) return plural(Number(a['mcp_sampling.round.steps'] ?? 0), 'request');
  if (a['gen_ai.operation.name'] === 'execute_tool') {
    const parts = [`protocol ${a['mcp_sampling.era']}`, String(a['mcp_sampling.transport'])];
    parts.push(span.status === 'error' ? c.red(`error (${a['error.type'] ?? 'failed'})`) : c.green('ok'));
    return parts.join(' · ');
  }
  const asked = a['mcp_sampling.request.max_tokens_asked'];
  const tier = `${a['mcp_sampling.step.tier']}${a['mcp_sampling.step.json_schema'] ? ', JSON' : ''}`;
  const parts = [
    asked === undefined
      ? `maxTokens ${a['gen_ai.request.max_tokens']}`
      : `maxTokens ${a['gen_ai.request.max_tokens']} (of ${asked})`,
  ];
  const outcome = String(a['mcp_sampling.step.outcome']);
  if (outcome === 'answered') {
    const latency = a['mcp_sampling.model.latency_ms'];
    parts.push(`${tier} → ${a['gen_ai.response.model']}${typeof latency === 'number' ? ` in ${latency} ms` : ''}`);
    const finish = a['gen_ai.response.finish_reasons'];
    if (Array.isArray(finish) && finish.length > 0) parts.push(String(finish[0]));
  } else parts.push(tier, c.yellow(outcome));
  parts.push(describeDecision(a['mcp_sampling.approval.decision'] as Decision));
  const wait = a['mcp_sampling.approval.wait_ms'];
  if (typeof wait === 'number') parts.push(`approval took ${formatMs(wait)}`);
  return parts.join(' · ');
}

function provenanceText(note: ProvenanceNote, c: Colors): string {
  const label = c.dim('provenance:');
  if (note.kind === 'no-result') return `${label} none: the call ended without a result`;
  if (note.provenance === undefined) return `${label} none in the result (the server does not say how it answered)`;
  return `${label} ${provenanceLine(note.provenance)}`;
}
