import * as z from 'zod/v4';
import type { Era } from './host-capabilities.js';
import type { MemoEntry } from './state/memo.js';

/** How a result was produced. Every tool result carries one as `structuredContent.provenance`. */
export const ProvenanceSchema = z.object({
  path: z.enum(['host', 'provider', 'heuristic', 'delegated']).describe('Who did the language steps.'),
  models: z.array(z.string()).describe('Every model that answered a step, as reported.'),
  era: z.enum(['2025', '2026-07-28']).describe('Protocol era of the connection.'),
  rounds: z.number().int().min(0).describe('Sampling rounds the call took.'),
  samples: z.number().int().min(0).describe('Language steps the result is built from.'),
  reason: z
    .string()
    .optional()
    .describe(
      'Why a path other than the host answered: the outcome (`declined: …`, `invalid-output: …`), on one line of at most 300 characters.',
    ),
});

/** The `provenance` object of a result. */
export type Provenance = z.infer<typeof ProvenanceSchema>;

/** Provenance for a result built from host-sampled steps. */
export function hostProvenance(era: Era, used: MemoEntry[]): Provenance {
  return {
    path: 'host',
    models: [...new Set(used.map((entry) => entry.model))],
    era,
    rounds: used.reduce((highest, entry) => Math.max(highest, entry.round), 0),
    samples: used.length,
  };
}

/** Longest `provenance.reason`, in characters. */
export const REASON_MAX_CHARS = 300;

/**
 * A reason as results carry it: one line (a host's multi-line error, such as a schema dump, is
 * folded), at most `REASON_MAX_CHARS` characters, cut with an ellipsis.
 */
export function oneLineReason(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > REASON_MAX_CHARS ? `${line.slice(0, REASON_MAX_CHARS - 1)}…` : line;
}

/**
 * Provenance for a result `run` settled: from the host's steps, unless `run` said its own
 * deterministic backstop decided after a failed step (`s.decidedWithoutModel`, e.g. route's
 * keywords). Then the path is `heuristic` and `reason` says why, with the steps that were asked
 * still counted and their models listed.
 */
export function settledProvenance(era: Era, used: MemoEntry[], backstop: string | undefined): Provenance {
  const host = hostProvenance(era, used);
  return backstop === undefined ? host : { ...host, path: 'heuristic', reason: oneLineReason(backstop) };
}
