/**
 * `classify`: put a text into one of the caller's labels (or, with `multiLabel`, every label that
 * applies), with confidences and a one-sentence rationale, written by the host's model.
 *
 * One structured step, `classify`, through `s.sampleJson`: the answer must be JSON whose labels
 * come from the caller's set (a `z.enum` of the names, also sent as JSON Schema). A spelling such
 * as `"  billing."` is mapped to the caller's `Billing`; anything else invalid gets up to two repair
 * steps (`classify:repair-1`, `classify:repair-2`, one round each); after that `run` does not
 * guess, and the kit's fallback policy answers (a provider, the lexical `heuristic`, or an
 * `isError`). A label outside the set is never returned. Texts over 12,000 characters are read as a
 * bounded excerpt. The arguments are in schemas.ts, the request in prompt.ts, the answer's schema
 * and normalisation in answer.ts.
 *
 * Protocol path: the kit's. On 2026-07-28 each step is an `input_required` round; on 2025-era
 * connections each step is a pushed `sampling/createMessage`. The text, label names, descriptions
 * and instructions travel only inside delimited user content, never in the system prompt.
 */
import { defineSamplingTool, type SamplingContext } from '@mcp-sampling/kit';
import { answerSchema, type Classification, canonicaliseAnswer, rankLabels } from './answer.js';
import { excerptOf } from './excerpt.js';
import { classifyHeuristically } from './heuristic.js';
import { labelSpecs } from './labels.js';
import { maxTokensFor, systemPromptFor, userMessage } from './prompt.js';
import { type ClassifyInput, ClassifyInputSchema, ClassifyOutputSchema } from './schemas.js';

async function classify({ text, labels, multiLabel, instructions }: ClassifyInput, s: SamplingContext): Promise<Classification> {
  const specs = labelSpecs(labels);
  const names = specs.map((spec) => spec.name);
  const answer = await s.sampleJson('classify', answerSchema(names, multiLabel), {
    system: systemPromptFor(multiLabel),
    user: userMessage(excerptOf(text), specs, instructions),
    maxTokens: maxTokensFor(names, multiLabel),
    normalise: canonicaliseAnswer(names),
  });
  return { ...rankLabels(answer.value.labels, multiLabel), rationale: answer.value.rationale.trim() };
}

/** The text content next to the structured result: one readable line, e.g. `Billing (0.92), Technical (0.30). Asks about a refund.` */
export function describeClassification({ labels, rationale }: Classification): string {
  const scored = labels.map((entry) => `${entry.label} (${entry.confidence.toFixed(2)})`).join(', ');
  const head = labels.length === 0 ? 'No label applies.' : `${scored}.`;
  return rationale === '' ? head : `${head} ${rationale}`;
}

export const classifyTool = defineSamplingTool({
  name: 'classify',
  title: 'Classify',
  description:
    "Classify a text (up to 200,000 characters) into the caller's labels (2 to 100) with the host model. " +
    'Returns the top label with confidences and a one-sentence rationale; with multiLabel, every label that applies. ' +
    'Answers always come from the given labels.',
  input: ClassifyInputSchema,
  output: ClassifyOutputSchema,
  preset: 'fast',
  annotations: { readOnlyHint: true, openWorldHint: false },
  run: classify,
  heuristic: classifyHeuristically,
  text: describeClassification,
});
