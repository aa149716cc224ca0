/**
 * The layout of a draft on the wire and in the result. An email draft is written as a first line
 * `Subject: …`, a blank line, then the body; every other kind is the body alone.
 */
import type { Kind } from './kinds.js';

/** A draft split into its parts. */
export interface ParsedDraft {
  /** The subject line of an email, when the draft has one. */
  subject?: string;
  /** The text after the subject line (the whole draft for other kinds). */
  body: string;
}

/** A first line `Subject: …`, also when decorated as Markdown (`**Subject:** …`, `# Subject: …`). */
const SUBJECT_LINE = /^[#*_\s]*subject[*_]*\s*:[*_]*\s*(.*?)[*_\s]*$/i;

/** Read a model's draft. Only an email has a subject; an email without a `Subject:` first line has none. */
export function parseDraft(text: string, kind: Kind): ParsedDraft {
  const trimmed = text.trim();
  if (kind !== 'email') return { body: trimmed };
  const newline = trimmed.indexOf('\n');
  const firstLine = newline === -1 ? trimmed : trimmed.slice(0, newline);
  const match = SUBJECT_LINE.exec(firstLine);
  if (match === null) return { body: trimmed };
  const subject = match[1] ?? '';
  const body = newline === -1 ? '' : trimmed.slice(newline + 1).trim();
  return subject === '' ? { body } : { subject, body };
}

/** The draft as text: for an email with a subject, `Subject: …`, a blank line, then the body. */
export function formatDraft(draft: ParsedDraft): string {
  return draft.subject === undefined ? draft.body : `Subject: ${draft.subject}\n\n${draft.body}`;
}
