import * as z from 'zod/v4';
import type { Era } from './host-capabilities.js';
import type { MemoEntry } from './request-state.js';

/** How a result was produced. Every tool result carries one as `structuredContent.provenance`. */
export const ProvenanceSchema = z.object({
  path: z.enum(['host', 'provider', 'heuristic', 'delegated']).describe('Who did the language steps.'),
  models: z.array(z.string()).describe('Every model that answered a step, as reported.'),
  era: z.enum(['2025', '2026-07-28']).describe('Protocol era of the connection.'),
  rounds: z.number().int().min(0).describe('Sampling rounds the call took.'),
  samples: z.number().int().min(0).describe('Language steps the result is built from.'),
  reason: z.string().optional().describe('Why a path other than the host was taken.'),
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
