/** Deterministic test material: texts of known length, and the replies a scripted host gives. */
import { type RecordedRequest, reply, structuredOf, type ToolProvenance } from '@mcp-sampling/testing';

const TOPICS = ['harbour', 'orchard', 'railway', 'library', 'observatory', 'market', 'bridge', 'school'];

/** A context of at least `minChars` characters: numbered paragraphs, as in a long email thread. */
export function contextOf(minChars: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let n = 1; length < minChars; n += 1) {
    const topic = TOPICS[n % TOPICS.length];
    const next =
      `Message ${n} is about the ${topic}. The ${topic} recorded ${1000 + n} visitors this year. ` +
      `The committee for the ${topic} met ${n % 12} times and wants an answer by Friday.`;
    paragraphs.push(next);
    length += next.length + 2;
  }
  return paragraphs.join('\n\n');
}

/** A sentence-per-line text of exactly `count` words (each sentence has five). */
export function wordsOf(count: number, sentence = 'The harbour reopens this spring'): string {
  const words = sentence.split(' ');
  return Array.from({ length: count }, (_, index) => words[index % words.length]).join(' ');
}

/** The result fields `draft` returns. */
export interface DraftResult {
  draft: string;
  subject?: string;
  outline: string[];
  words: number;
  revisions: number;
  coverage: Array<{ point: string; included: boolean }>;
  provenance: ToolProvenance;
}

/** The structured result of a tool call. */
export const structured = structuredOf<DraftResult>;

/** The hint names of a request's model preferences, e.g. `['haiku', 'mini', 'flash']` for `fast`. */
export const hintsOf = (request: RecordedRequest | undefined) =>
  request?.params.modelPreferences?.hints?.map((hint) => hint.name);

/** Text of the delimited block `name` in a request's user text, or undefined. */
export function blockOf(request: RecordedRequest | undefined, name: string): string | undefined {
  const match = new RegExp(`<untrusted-input name="${name}">\\n([\\s\\S]*?)\\n</untrusted-input>`).exec(request?.userText ?? '');
  return match?.[1];
}

/** Hint names of the kit's presets. */
export const HINTS = {
  fast: ['haiku', 'mini', 'flash'],
  balanced: ['sonnet', 'gpt-4.1', 'flash'],
  smart: ['opus', 'sonnet', 'gpt-5'],
};

/** A host that outlines, drafts without the parking point, then revises it in (both bins' serving tests). */
export const ONE_REVISION_SCRIPT = {
  rules: [
    { match: 'outline', reply: reply.json({ subject: 'Clean-up on Saturday', points: ['Invite people.'] }) },
    { match: 'draft', reply: reply.text('Subject: Clean-up on Saturday\n\nJoin us at the harbour.') },
  ],
  otherwise: reply.text('Subject: Clean-up on Saturday\n\nJoin us at the harbour. Parking is free.'),
};
