/** The `route` tool's result fields (the kit adds `provenance`). */
import * as z from 'zod/v4';

/** Who settled the route: the model, a lexical match, or the caller's fallback. */
export const MATCHED_BY = ['model', 'keywords', 'fallback'] as const;

export const routeOutput = z.object({
  route: z.string().describe('The chosen route, spelled exactly as in `routes`.'),
  confidence: z.number().min(0).max(1).describe('How sure the decision is, from 0 to 1.'),
  reason: z.string().describe("Why this route: the model's reason, or what decided instead and why."),
  matchedBy: z.enum(MATCHED_BY).describe("'model', 'keywords' (a lexical match) or 'fallback'."),
});

/** A routing result without provenance. */
export type RouteResult = z.output<typeof routeOutput>;
