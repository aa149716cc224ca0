/** Test documents, built deterministically so every run sees the same text. */

const TOPICS = ['harbour', 'orchard', 'railway', 'library', 'observatory', 'market', 'bridge', 'school'];

/** A paragraph about `topic` number `n`: several sentences, each with a distinct number in it. */
export function paragraph(n: number): string {
  const topic = TOPICS[n % TOPICS.length];
  return [
    `Section ${n} describes the ${topic} and the people who kept it running through the year.`,
    `In that year the ${topic} recorded ${1000 + n} visitors and spent ${(n * 37) % 900} pounds on repairs.`,
    `The committee for the ${topic} met ${n % 12} times and agreed that the work should continue.`,
    `Several residents wrote that the ${topic} had changed the character of the town for the better.`,
  ].join(' ');
}

/** A document of at least `minChars` characters, made of numbered paragraphs. */
export function documentOf(minChars: number): string {
  const paragraphs: string[] = [];
  let length = 0;
  for (let n = 1; length < minChars; n += 1) {
    const next = paragraph(n);
    paragraphs.push(next);
    length += next.length + 2;
  }
  return paragraphs.join('\n\n');
}
