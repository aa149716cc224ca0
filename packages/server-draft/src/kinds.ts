/** The kinds of text the tool writes, and what each one asks of the writer. */

/** Every kind `draft` accepts. */
export const KINDS = ['email', 'reply', 'announcement', 'post', 'note'] as const;

/** One kind of text. */
export type Kind = (typeof KINDS)[number];

/** What a good text of each kind does; quoted in the outline, draft and revision requests. */
export const KIND_RULES: Readonly<Record<Kind, string>> = {
  email: 'An email: a greeting, a clear body that gets to the point early, and a sign-off.',
  reply:
    'A reply to the message given as context (if any): answer what it asks, point by point where it helps, ' +
    'without restating it.',
  announcement: 'An announcement: lead with the news, then what people need to know (what, when, who, what to do).',
  post: 'A post for a blog or a social feed: an opening line that earns attention, then short paragraphs.',
  note: 'A note: short, plain and direct; a short list is fine.',
};

/** How an email draft is laid out, so the server can read its subject back. */
export const EMAIL_FORMAT_RULE =
  "Begin with one line 'Subject: <the subject>', then a blank line, then the body. The word limit applies to the body.";
