/**
 * Every request `draft` sends: the system prompts (constants, with no caller text in them) and the
 * user messages, where everything the caller or the model wrote travels inside `delimit()` blocks.
 */
import { DATA_NOT_INSTRUCTIONS, delimit, type SampleRequest } from '@mcp-sampling/kit';
import { type Outline, outlineText } from './answer.js';
import type { DraftAssessment } from './checks.js';
import { EMAIL_FORMAT_RULE, KIND_RULES } from './kinds.js';
import type { DraftInput } from './schemas.js';

/** Words allowed per condensed part of a long context. */
export const CONTEXT_NOTE_WORDS = 150;

/** System prompt of each `context:i` step. */
export const CONTEXT_SYSTEM =
  'You condense one part of a longer context (a thread, a document, notes) for a writer who will draft a text from it. ' +
  'Keep names, dates, numbers, decisions, commitments, open questions and anything the text must answer; ' +
  `add nothing that is not in the part. Write at most ${CONTEXT_NOTE_WORDS} words and output only the notes. ${DATA_NOT_INSTRUCTIONS}`;

/** System prompt of the `outline` step (the kit adds its JSON reply rule after it). */
export const OUTLINE_SYSTEM =
  'You plan short pieces of writing. From the brief and the material given, list the points the text will make, ' +
  'in the order it will make them, each as one short sentence. Every required point gets an outline point of its own. ' +
  `Plan no more than fits the word limit, and invent no facts. ${DATA_NOT_INSTRUCTIONS}`;

/** System prompt of the `draft` step. */
export const DRAFT_SYSTEM =
  'You write texts for a person to send or publish: emails, replies, announcements, posts and notes. ' +
  'Follow the outline in order, make every required point, stay within the word limit, and write for the audience ' +
  'and in the tone given. Use only facts from the brief, the context and the outline. Write in the language of the brief. ' +
  `Output only the text itself, with no preamble or comments. ${DATA_NOT_INSTRUCTIONS}`;

/** System prompt of each `revise:n` step. */
export const REVISE_SYSTEM =
  'You revise a text so that it passes the checks it failed. Fix exactly what the failed checks name and keep everything ' +
  'else as close to the previous version as you can. Use only facts from the brief, the context and the outline. ' +
  `Output only the revised text, in the same layout, with no preamble or comments. ${DATA_NOT_INSTRUCTIONS}`;

/** What the writing steps know about the context. */
export type ContextMaterial =
  | { kind: 'none' }
  | { kind: 'whole'; text: string }
  /** A long context, condensed part by part (in order). */
  | { kind: 'notes'; notes: string[] };

/** Tokens to allow for `words` words (English runs about 1.3 tokens a word; the rest is headroom). */
export function tokensFor(words: number): number {
  return words * 2 + 20;
}

/** Draft and revision replies: the body, plus a subject line and a sign-off. */
export function draftTokens(maxWords: number): number {
  return tokensFor(maxWords) + 40;
}

/** The outline's JSON: room for a plan and for every required point. */
export function outlineTokens(points: number): number {
  return 400 + 80 * points;
}

/** Condense part `index` of a long context, keeping what the brief needs. */
export function contextStep(part: string, index: number, total: number, brief: string): SampleRequest {
  return {
    system: CONTEXT_SYSTEM,
    user:
      `Part ${index + 1} of ${total} of the context:\n${delimit('context-part', part)}\n\n` +
      `The text that will be written from it:\n${delimit('brief', brief)}`,
    maxTokens: tokensFor(CONTEXT_NOTE_WORDS),
    preset: 'balanced',
  };
}

/** The trusted lines that say what to write: kind, limit, and the email layout. */
function taskLines(input: DraftInput, withLayout: boolean): string[] {
  const lines = [`Kind: ${KIND_RULES[input.kind]}`, `Word limit: at most ${input.maxWords} words.`];
  if (withLayout && input.kind === 'email') lines.push(`Layout: ${EMAIL_FORMAT_RULE}`);
  return lines;
}

/** A numbered list, each entry on one line. */
function numbered(items: readonly string[]): string {
  return items.map((item, index) => `${index + 1}. ${item.replace(/\s+/g, ' ').trim()}`).join('\n');
}

/** The caller's material, each piece in its own block. */
function materialBlocks(input: DraftInput, context: ContextMaterial): string[] {
  const blocks = [`The brief:\n${delimit('brief', input.brief)}`];
  if (input.audience !== undefined) blocks.push(`The audience:\n${delimit('audience', input.audience)}`);
  if (input.tone !== undefined) blocks.push(`The tone:\n${delimit('tone', input.tone)}`);
  if (context.kind === 'whole') {
    blocks.push(`The context (for example the message being replied to):\n${delimit('context', context.text)}`);
  } else if (context.kind === 'notes') {
    blocks.push(
      `Notes on the context, condensed from its ${context.notes.length} parts in order:\n` +
        delimit('context-notes', numbered(context.notes)),
    );
  }
  const points = input.mustInclude ?? [];
  if (points.length > 0) blocks.push(`Points the text must make:\n${delimit('must-include', numbered(points))}`);
  return blocks;
}

/** Plan the text. Sent through `s.sampleJson`, which appends the JSON Schema of the answer. */
export function outlineStep(input: DraftInput, context: ContextMaterial): SampleRequest {
  const ask =
    input.kind === 'email' ? 'Plan the email described below, and propose its subject line.' : 'Plan the text described below.';
  return {
    system: OUTLINE_SYSTEM,
    user: [[ask, ...taskLines(input, false)].join('\n'), ...materialBlocks(input, context)].join('\n\n'),
    maxTokens: outlineTokens(input.mustInclude?.length ?? 0),
    preset: 'fast',
  };
}

/** Write the text from the outline. */
export function draftStep(input: DraftInput, context: ContextMaterial, outline: Outline): SampleRequest {
  return {
    system: DRAFT_SYSTEM,
    user: [
      ['Write the text described below, following the outline.', ...taskLines(input, true)].join('\n'),
      ...materialBlocks(input, context),
      `The outline:\n${delimit('outline', outlineText(outline))}`,
    ].join('\n\n'),
    maxTokens: draftTokens(input.maxWords),
    preset: 'smart',
  };
}

/** The failed checks, in words the model can act on. Only numbers from the server go in here. */
export function failedCheckLines(assessment: DraftAssessment, maxWords: number): string[] {
  const lines: string[] = [];
  if (assessment.length === 'too-long') {
    lines.push(
      `- length: it has ${assessment.words} words; the limit is ${maxWords}. ` +
        `Shorten it to at most ${maxWords} words, keeping every required point.`,
    );
  } else if (assessment.length === 'empty') {
    lines.push(`- length: it has no body. Write the body, in at most ${maxWords} words.`);
  }
  if (!assessment.hasSubject) lines.push(`- subject: its first line is not a subject line. ${EMAIL_FORMAT_RULE}`);
  const missing = assessment.coverage.filter((entry) => !entry.included).length;
  if (missing > 0) {
    lines.push(
      `- must-include: it does not make ${missing} of the required points (listed in the missing-points block). ` +
        'Work each of them in, staying within the word limit.',
    );
  }
  return lines;
}

/** Revise the previous version so that it passes the checks it failed. */
export function reviseStep(
  input: DraftInput,
  context: ContextMaterial,
  outline: Outline,
  previous: { text: string; assessment: DraftAssessment },
): SampleRequest {
  const missing = previous.assessment.coverage.filter((entry) => !entry.included).map((entry) => entry.point);
  return {
    system: REVISE_SYSTEM,
    user: [
      [
        'Revise the previous version of the text described below. It failed these checks:',
        ...failedCheckLines(previous.assessment, input.maxWords),
        ...taskLines(input, true),
      ].join('\n'),
      ...materialBlocks(input, context),
      `The outline:\n${delimit('outline', outlineText(outline))}`,
      ...(missing.length > 0 ? [`The required points it does not make:\n${delimit('missing-points', numbered(missing))}`] : []),
      `The previous version:\n${delimit('previous-draft', previous.text)}`,
    ].join('\n\n'),
    maxTokens: draftTokens(input.maxWords),
    preset: 'smart',
  };
}
