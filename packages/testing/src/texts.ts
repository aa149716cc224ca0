/** Deterministic long texts for tests and benches: the same arguments always give the same text. */

const TOPICS = ['harbour', 'orchard', 'railway', 'library', 'observatory', 'market', 'bridge', 'school'];

/**
 * A text of at least `minChars` characters: numbered messages about rotating topics, with counts
 * and a deadline in each, separated by blank lines, as in a long email thread.
 */
export function threadOf(minChars: number): string {
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
