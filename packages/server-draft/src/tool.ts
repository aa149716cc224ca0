/**
 * `draft`: an email, reply, announcement, post or note, written by the host's model in steps the
 * server sequences and checks.
 *
 * 1. Long context (24,000 characters or more) is condensed part by part, every part in the same
 *    round (`context:0` … `context:n`, preset `balanced`).
 * 2. `outline`: a structured plan (`s.sampleJson`, preset `fast`), repaired up to twice if it is not
 *    valid JSON for its schema; the server appends any required point the plan leaves out.
 * 3. `draft`: the text, written from the outline (preset `smart`).
 * 4. Checks, in the server (checks.ts): length, required points, and a subject line for emails.
 * 5. `revise:1`, `revise:2`: a revision naming the failed checks and quoting the previous version,
 *    while checks fail and the round budget allows (round-ledger.ts).
 * The best version wins (fewest failed checks, then the latest); failed checks never make an error:
 * `coverage` and `words` say where the result falls short.
 *
 * Protocol path: the kit's. On 2026-07-28 each round is an `input_required` result carrying every
 * pending step; on 2025-era connections each step is a pushed `sampling/createMessage`. All caller
 * text, and the model's own outline and drafts when fed back, travel in delimited user content only.
 */
import { defineSamplingTool, type SamplingContext } from '@mcp-sampling/kit';
import { completeOutline, EMAIL_OUTLINE_SCHEMA, OUTLINE_SCHEMA, type Outline } from './answer.js';
import { assessDraft, bestDraftIndex, type DraftAssessment } from './checks.js';
import { chunkText, LONG_CONTEXT_CHARS } from './chunking.js';
import { formatDraft, type ParsedDraft, parseDraft } from './draft-format.js';
import { type ContextMaterial, contextStep, draftStep, outlineStep, reviseStep } from './prompt.js';
import { RoundLedger } from './round-ledger.js';
import { type DraftInput, DraftInputSchema, type DraftOutput, DraftOutputSchema } from './schemas.js';

/** Step 1: the context as the writing steps will see it. Long context costs one round. */
async function readContext(input: DraftInput, s: SamplingContext, ledger: RoundLedger): Promise<ContextMaterial> {
  const { context } = input;
  if (context === undefined) return { kind: 'none' };
  if (context.length < LONG_CONTEXT_CHARS) return { kind: 'whole', text: context };
  const parts = chunkText(context);
  const notes = await Promise.all(
    parts.map((part, index) => s.sample(`context:${index}`, contextStep(part, index, parts.length, input.brief))),
  );
  ledger.spend('context', 1);
  return { kind: 'notes', notes: notes.map((note) => note.text) };
}

/** Step 2: the outline, one round plus one per repair. */
async function planOutline(
  input: DraftInput,
  context: ContextMaterial,
  s: SamplingContext,
  ledger: RoundLedger,
): Promise<Outline> {
  const schema = input.kind === 'email' ? EMAIL_OUTLINE_SCHEMA : OUTLINE_SCHEMA;
  const answer = await s.sampleJson('outline', schema, outlineStep(input, context));
  ledger.spend('outline', 1 + answer.repairs);
  return completeOutline(answer.value, input.mustInclude ?? []);
}

/** One version of the text, read and checked. */
interface Version {
  text: string;
  parsed: ParsedDraft;
  assessment: DraftAssessment;
}

async function draft(input: DraftInput, s: SamplingContext): Promise<DraftOutput> {
  const ledger = new RoundLedger();
  const mustInclude = input.mustInclude ?? [];
  const check = (text: string): Version => {
    const parsed = parseDraft(text, input.kind);
    return { text, parsed, assessment: assessDraft(parsed, { kind: input.kind, maxWords: input.maxWords, mustInclude }) };
  };

  const context = await readContext(input, s, ledger);
  const outline = await planOutline(input, context, s, ledger);
  const versions = [check((await s.sample('draft', draftStep(input, context, outline))).text)];
  ledger.spend('draft', 1);

  const allowed = ledger.revisionsAllowed();
  let latest = versions[0] as Version;
  for (let revision = 1; revision <= allowed && latest.assessment.failed > 0; revision += 1) {
    latest = check((await s.sample(`revise:${revision}`, reviseStep(input, context, outline, latest))).text);
    ledger.spend(`revise:${revision}`, 1);
    versions.push(latest);
  }

  const best = versions[bestDraftIndex(versions.map((version) => version.assessment))] as Version;
  // An email whose best version has no subject line still gets the subject the outline proposed.
  const rescue = input.kind === 'email' && best.parsed.subject === undefined ? outline.subject : undefined;
  const final = rescue === undefined ? best : check(formatDraft({ subject: rescue, body: best.parsed.body }));
  const { subject, body } = final.parsed;
  return {
    draft: body,
    ...(subject !== undefined && { subject }),
    outline: outline.points,
    words: final.assessment.words,
    revisions: versions.length - 1,
    coverage: final.assessment.coverage,
  };
}

export const draftTool = defineSamplingTool({
  name: 'draft',
  title: 'Draft',
  description:
    'Write an email, reply, announcement, post or note from a brief with the host model: an outline first, then the draft, ' +
    'then server-side checks (word limit, required points, email subject) with up to two targeted revisions. ' +
    'Optional context (e.g. the message being replied to, up to 200,000 characters) is condensed first when long.',
  input: DraftInputSchema,
  output: DraftOutputSchema,
  preset: 'smart',
  annotations: { readOnlyHint: true, openWorldHint: false },
  run: draft,
  text: (result) =>
    formatDraft(result.subject === undefined ? { body: result.draft } : { subject: result.subject, body: result.draft }),
});
