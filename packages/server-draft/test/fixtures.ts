/** Deterministic test material: texts of known length, and the replies a scripted host gives. */
import { byStep, type RecordedRequest, reply, structuredOf, threadOf, type WithProvenance } from '@mcp-sampling/testing';
import type { DraftOutput } from '../src/schemas.js';

/** A context of at least `minChars` characters: numbered paragraphs, as in a long email thread. */
export const contextOf = threadOf;

/** A sentence-per-line text of exactly `count` words (each sentence has five). */
export function wordsOf(count: number, sentence = 'The harbour reopens this spring'): string {
  const words = sentence.split(' ');
  return Array.from({ length: count }, (_, index) => words[index % words.length]).join(' ');
}

/** The structured result of a tool call. */
export const structured = structuredOf<WithProvenance<DraftOutput>>;

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
export const ONE_REVISION_SCRIPT = byStep(
  {
    outline: reply.json({ subject: 'Clean-up on Saturday', points: ['Invite people.'] }),
    draft: reply.text('Subject: Clean-up on Saturday\n\nJoin us at the harbour.'),
  },
  reply.text('Subject: Clean-up on Saturday\n\nJoin us at the harbour. Parking is free.'),
);

/** The brief, kind and required point `ONE_REVISION_SCRIPT` answers. */
export const ONE_REVISION_ARGS = { brief: 'Invite people to the clean-up.', kind: 'email', mustInclude: ['Parking is free'] };

/** What draft returns after `ONE_REVISION_SCRIPT` in `era`. */
export function oneRevisionResult(era: string) {
  return {
    subject: 'Clean-up on Saturday',
    draft: 'Join us at the harbour. Parking is free.',
    revisions: 1,
    coverage: [{ point: 'Parking is free', included: true }],
    provenance: { path: 'host', era, rounds: 3, samples: 3 },
  };
}
