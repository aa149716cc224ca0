import { countWords } from '@mcp-sampling/text';
import { describe, expect, it } from 'vitest';
import { trimToWords } from '../src/answer.js';
import { CHUNK_CHARS, chunkText, planReduce } from '../src/chunking.js';
import { documentOf } from './texts.js';

const squash = (text: string) => text.replace(/\s+/g, '');

describe('chunkText', () => {
  it('keeps short text whole', () => {
    expect(chunkText('One paragraph.\n\nAnother one.')).toEqual(['One paragraph.\n\nAnother one.']);
  });

  it.each([
    ['paragraphs', documentOf(300_000)],
    ['one endless paragraph of sentences', 'The tide came in and went out again. '.repeat(20_000)],
    ['text with no boundaries at all', 'x'.repeat(100_000)],
    ['words without sentence ends', 'word '.repeat(40_000)],
  ])('splits %s within the size limit without losing text', (_name, text) => {
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    for (const chunk of chunks) expect(chunk.length).toBeLessThanOrEqual(CHUNK_CHARS);
    expect(squash(chunks.join(' '))).toBe(squash(text));
    for (let i = 1; i < chunks.length; i += 1) {
      expect((chunks[i - 1] as string).length + (chunks[i] as string).length).toBeGreaterThan(CHUNK_CHARS - 2);
    }
  });

  it('cuts on paragraph boundaries when it can', () => {
    const chunks = chunkText(documentOf(100_000));
    for (const chunk of chunks) expect(chunk).toMatch(/^Section \d+ describes/);
  });

  it('makes at most 168 chunks of the longest accepted input', () => {
    expect(chunkText(documentOf(2_000_000)).length).toBeLessThanOrEqual(168);
  });
});

describe('planReduce', () => {
  it('merges up to 12 partials in one step', () => {
    expect(planReduce(12)).toEqual([[0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11]]);
  });

  it.each([13, 50, 100, 168])('groups %i partials so that the final step takes at most 13', (count) => {
    const groups = planReduce(count);
    expect(groups.length).toBeLessThanOrEqual(13);
    expect(groups.flat()).toEqual(Array.from({ length: count }, (_, i) => i));
    for (const group of groups) expect(group.length).toBeLessThanOrEqual(13);
  });
});

describe('words', () => {
  it('counts words, not bullet marks or punctuation', () => {
    expect(countWords('- One point.\n- Two: three 4.\n  —  ')).toBe(5);
  });

  it('trims prose at a sentence end', () => {
    expect(trimToWords('First sentence here. Second sentence here. Third one.', 6)).toBe(
      'First sentence here. Second sentence here.',
    );
  });

  it('cuts a single over-long sentence at a word and marks it', () => {
    expect(trimToWords('one two three four five six seven', 4)).toBe('one two three four…');
  });

  it('leaves text within the limit untouched', () => {
    expect(trimToWords('Short enough.', 10)).toBe('Short enough.');
  });
});
