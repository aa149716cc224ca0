/**
 * Provenance, built in one place: the schema every tool's result carries as
 * `structuredContent.provenance`, and one builder per path that can answer a call (the host, the
 * server's provider, a heuristic, a delegated task), so each path states who answered, which
 * models, the era, the rounds and samples, and why, in the same way.
 */
import * as z from 'zod/v4';
import type { MemoEntry } from '../state/memo.js';
import type { Era } from './host-capabilities.js';

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

/** Provenance of a result built from `used`, the answered steps: every model that answered one, the last round, how many. */
function fromSteps(path: Provenance['path'], era: Era, used: MemoEntry[]): Provenance {
  return {
    path,
    models: [...new Set(used.map((entry) => entry.model))],
    era,
    rounds: used.reduce((highest, entry) => Math.max(highest, entry.round), 0),
    samples: used.length,
  };
}

/**
 * Provenance for a result `run` settled on the host's steps, unless `run` said its own
 * deterministic backstop decided after a failed step (`s.decidedWithoutModel`, e.g. route's
 * keywords). Then the path is `heuristic` and `reason` says why, with the steps that were asked
 * still counted and their models listed.
 */
export function settledProvenance(era: Era, used: MemoEntry[], backstop: string | undefined): Provenance {
  const host = fromSteps('host', era, used);
  return backstop === undefined ? host : { ...host, path: 'heuristic', reason: oneLineReason(backstop) };
}

/**
 * Provenance for a result the fallback's provider path settled: `reason` says why the host did not
 * answer. When the provider's answer was unusable too and the tool's own backstop decided, the path
 * is `heuristic` and the backstop is added to the reason.
 */
export function providerProvenance(era: Era, used: MemoEntry[], backstop: string | undefined, reason: string): Provenance {
  if (backstop === undefined) return { ...fromSteps('provider', era, used), reason };
  return { ...fromSteps('heuristic', era, used), reason: oneLineReason(`${reason} Then the provider: ${backstop}`) };
}

/** Provenance for the tool's `heuristic`, answered without any model. */
export function heuristicProvenance(era: Era, reason: string): Provenance {
  return { path: 'heuristic', models: [], era, rounds: 0, samples: 0, reason };
}

/** Provenance for a delegated task: `done` steps were answered before the rest was handed over. */
export function delegatedProvenance(era: Era, done: number, reason: string): Provenance {
  return { path: 'delegated', models: [], era, rounds: 0, samples: done, reason };
}
