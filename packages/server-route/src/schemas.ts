/**
 * Arguments and result of `route`: limits, the zod schemas with caller-facing messages, and the
 * cross-field checks (distinct route names, a fallback that names a route).
 */
import { hasVisibleText, withThousands } from '@mcp-sampling/text';
import * as z from 'zod/v4';
import { hasWord, normaliseName } from './words.js';

/** Upper bounds on the arguments. */
export const LIMITS = {
  requestChars: 50_000,
  routes: 100,
  nameChars: 100,
  descriptionChars: 1_000,
  keywordsPerRoute: 50,
  keywordChars: 100,
} as const;

const n = (value: number) => withThousands(value);

/** One destination; unknown fields are refused (the kit words the message). */
const routeSchema = z.strictObject({
  name: z
    .string({ error: 'route name must be a string' })
    .min(1, 'route name is empty: give every route a name')
    .max(LIMITS.nameChars, `route name is longer than ${LIMITS.nameChars} characters: use a short name`)
    .refine(hasWord, 'route name has no letter or digit: use a name made of words')
    .describe(`The destination's name, returned as \`route\` (1 to ${LIMITS.nameChars} characters).`),
  description: z
    .string({ error: 'route description must be a string: say what belongs to this route' })
    .min(1, { error: 'route description is empty: say what belongs to this route', abort: true })
    .max(
      LIMITS.descriptionChars,
      `route description is longer than ${n(LIMITS.descriptionChars)} characters: describe the route briefly`,
    )
    .refine(hasVisibleText, 'route description is blank: say what belongs to this route')
    .describe(`What belongs to this destination (1 to ${n(LIMITS.descriptionChars)} characters).`),
  keywords: z
    .array(
      z
        .string({ error: 'keyword must be a string' })
        .min(1, 'keyword is empty: remove it')
        .max(LIMITS.keywordChars, `keyword is longer than ${LIMITS.keywordChars} characters: use a word or a short phrase`)
        .refine(hasWord, 'keyword has no letter or digit: use a word or a short phrase'),
      { error: 'keywords must be an array of strings' },
    )
    .max(LIMITS.keywordsPerRoute, `a route has more than ${LIMITS.keywordsPerRoute} keywords: keep the telling ones`)
    .optional()
    .describe(
      `Words or phrases that settle the route when the model cannot (whole words, case-insensitive; up to ${LIMITS.keywordsPerRoute}).`,
    ),
});

/** One destination as the caller describes it. */
export type Route = z.output<typeof routeSchema>;

/** The arguments: unknown ones are refused; blank means no visible character (`hasVisibleText`). */
export const RouteInputSchema = z
  .strictObject({
    request: z
      .string({ error: 'request must be a string: the text to route' })
      .min(1, { error: 'request is empty: pass the text to route', abort: true })
      .max(LIMITS.requestChars, `request is longer than ${n(LIMITS.requestChars)} characters: route a shorter excerpt`)
      .refine(hasVisibleText, 'request is blank: pass the text to route')
      .describe(`The message, ticket or question to route (1 to ${n(LIMITS.requestChars)} characters).`),
    routes: z
      .array(routeSchema, { error: 'routes must be an array of { name, description, keywords? }' })
      .min(1, 'routes is empty: give at least one route')
      .max(LIMITS.routes, `routes has more than ${LIMITS.routes} entries: group similar destinations`)
      .describe(`The destinations to choose from, 1 to ${LIMITS.routes}, with distinct names.`),
    fallback: z
      .string({ error: 'fallback must be a string naming one of the routes' })
      .min(1, 'fallback is empty: name one of the routes, or leave it out')
      .max(LIMITS.nameChars, `fallback is longer than ${LIMITS.nameChars} characters: name one of the routes`)
      .optional()
      .describe('The route to use when neither the model nor the keywords decide.'),
  })
  .superRefine(({ routes, fallback }, ctx) => {
    const firstIndex = new Map<string, number>();
    routes.forEach((route, index) => {
      const key = normaliseName(route.name);
      const earlier = firstIndex.get(key);
      if (earlier === undefined) {
        firstIndex.set(key, index);
        return;
      }
      ctx.addIssue({
        code: 'custom',
        path: ['routes', index, 'name'],
        message:
          `routes has a duplicate name: '${route.name}' is the same as routes[${earlier}] '${routes[earlier]?.name}' ` +
          'once case, spaces and punctuation are ignored; give every route a distinct name',
      });
    });
    if (fallback !== undefined && !firstIndex.has(normaliseName(fallback))) {
      ctx.addIssue({
        code: 'custom',
        path: ['fallback'],
        message: `fallback '${fallback}' does not name a route: use one of the route names, or leave fallback out`,
      });
    }
  });

/** The tool's arguments after validation. */
export type RouteInput = z.output<typeof RouteInputSchema>;

/** Who settled the route: the model, a lexical match, or the caller's fallback. */
export const MATCHED_BY = ['model', 'keywords', 'fallback'] as const;

/** The result; the kit adds `provenance`. */
export const RouteOutputSchema = z.object({
  route: z.string().describe('The chosen route, spelled exactly as in `routes`.'),
  confidence: z.number().min(0).max(1).describe('How sure the decision is, from 0 to 1.'),
  reason: z.string().describe("Why this route: the model's reason, or what decided instead and why."),
  matchedBy: z.enum(MATCHED_BY).describe("'model', 'keywords' (a lexical match) or 'fallback'."),
});

/** A routing result without provenance. */
export type RouteResult = z.output<typeof RouteOutputSchema>;
