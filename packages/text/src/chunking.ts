/**
 * Splitting long text into chunks a model can read side by side. Chunks follow paragraph
 * boundaries, then sentence boundaries, and only as a last resort whitespace; every chunk is at
 * most `maxChars` long, and two neighbouring chunks together always exceed it, so there are never
 * more than 2 × length / maxChars + 1 chunks.
 */

/** Split `text` into chunks of at most `maxChars` characters. */
export function chunkText(text: string, maxChars: number): string[] {
  const chunks: string[] = [];
  let current = '';
  for (const piece of pieces(text, maxChars)) {
    const joined = current === '' ? piece : `${current}\n\n${piece}`;
    if (joined.length <= maxChars) {
      current = joined;
    } else {
      chunks.push(current);
      current = piece;
    }
  }
  if (current !== '') chunks.push(current);
  return chunks;
}

/** Paragraphs no longer than `maxChars`; longer ones are broken into sentences, then words. */
function* pieces(text: string, maxChars: number): Generator<string> {
  for (const paragraph of text.split(/\n\s*\n/)) {
    const trimmed = paragraph.trim();
    if (trimmed === '') continue;
    if (trimmed.length <= maxChars) {
      yield trimmed;
      continue;
    }
    let sentenceRun = '';
    for (const sentence of trimmed.split(/(?<=[.!?])\s+/)) {
      for (const part of sentence.length <= maxChars ? [sentence] : hardSplit(sentence, maxChars)) {
        const joined = sentenceRun === '' ? part : `${sentenceRun} ${part}`;
        if (joined.length <= maxChars) {
          sentenceRun = joined;
        } else {
          yield sentenceRun;
          sentenceRun = part;
        }
      }
    }
    if (sentenceRun !== '') yield sentenceRun;
  }
}

/** Break a run with no sentence boundary at the last whitespace before the limit (or at the limit). */
function hardSplit(text: string, maxChars: number): string[] {
  const parts: string[] = [];
  let rest = text;
  while (rest.length > maxChars) {
    const space = rest.lastIndexOf(' ', maxChars);
    const cut = space > maxChars / 2 ? space : maxChars;
    parts.push(rest.slice(0, cut).trim());
    rest = rest.slice(cut).trim();
  }
  if (rest !== '') parts.push(rest);
  return parts;
}
