import { describe, expect, it } from 'vitest';
import { chunkText } from '../src/index.js';

/** `count` numbered paragraphs of a few sentences each. */
const paragraphs = (count: number) =>
  Array.from({ length: count }, (_, n) => `Message ${n} arrived on a Monday. It asked about the harbour. It was answered.`).join(
    '\n\n',
  );

describe('chunkText', () => {
  it('keeps short text as one chunk', () => {
    expect(chunkText('One paragraph.\n\nAnother one.', 1_000)).toEqual(['One paragraph.\n\nAnother one.']);
  });

  it('splits on paragraph boundaries, every chunk within the limit, neighbours over it, nothing lost', () => {
    const text = paragraphs(400);
    const chunks = chunkText(text, 2_000);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThanOrEqual(Math.floor((2 * text.length) / 2_000) + 1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(2_000);
      expect(chunk.startsWith('Message ')).toBe(true);
    }
    for (let i = 1; i < chunks.length; i += 1) {
      expect((chunks[i - 1] as string).length + (chunks[i] as string).length).toBeGreaterThan(2_000 - 2);
    }
    expect(chunks.join('\n\n')).toBe(text);
  });

  it('splits a paragraph longer than the limit at sentence ends', () => {
    const paragraph = Array.from({ length: 30 }, (_, i) => `Sentence ${i} is here.`).join(' ');
    const chunks = chunkText(paragraph, 100);
    expect(chunks.every((chunk) => chunk.length <= 100 && chunk.endsWith('.'))).toBe(true);
    expect(chunks.join(' ')).toBe(paragraph);
  });

  it('cuts a run without sentence ends at spaces, and a run without spaces at the limit', () => {
    const words = Array.from({ length: 50 }, (_, i) => `word${i}`).join(' ');
    const byWords = chunkText(words, 60);
    expect(byWords.every((chunk) => chunk.length <= 60 && !chunk.startsWith(' '))).toBe(true);
    expect(byWords.join(' ')).toBe(words);
    expect(chunkText('x'.repeat(250), 100)).toEqual(['x'.repeat(100), 'x'.repeat(100), 'x'.repeat(50)]);
  });

  it('ignores blank paragraphs', () => {
    expect(chunkText('\n\n  \n\nOnly this.\n\n\n', 100)).toEqual(['Only this.']);
  });
});
