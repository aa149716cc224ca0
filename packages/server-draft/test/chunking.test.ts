import { describe, expect, it } from 'vitest';
import { CONTEXT_CHUNK_CHARS, chunkText } from '../src/chunking.js';
import { contextOf } from './fixtures.js';

describe('chunkText', () => {
  it('keeps short text as one chunk', () => {
    expect(chunkText('One paragraph.\n\nAnother one.')).toEqual(['One paragraph.\n\nAnother one.']);
  });

  it('splits long text on paragraph boundaries, every chunk within the limit, nothing lost', () => {
    const text = contextOf(100_000);
    const chunks = chunkText(text);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.length).toBeLessThanOrEqual(Math.floor((2 * text.length) / CONTEXT_CHUNK_CHARS) + 1);
    for (const chunk of chunks) {
      expect(chunk.length).toBeLessThanOrEqual(CONTEXT_CHUNK_CHARS);
      expect(chunk.startsWith('Message ')).toBe(true); // whole paragraphs only
    }
    for (let i = 1; i < chunks.length; i += 1) {
      expect((chunks[i - 1] as string).length + (chunks[i] as string).length).toBeGreaterThan(CONTEXT_CHUNK_CHARS - 2);
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
    expect(chunkText('\n\n  \n\nOnly this.\n\n\n')).toEqual(['Only this.']);
  });
});
