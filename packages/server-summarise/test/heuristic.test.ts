import { countWords } from '@mcp-sampling/text';
import { describe, expect, it } from 'vitest';
import { extractiveFallback } from '../src/heuristic.js';
import { documentOf, paragraph } from './texts.js';

describe('extractive fallback', () => {
  const text = documentOf(20_000);

  it.each(['paragraph', 'bullets', 'tldr'] as const)('respects the word limit in %s style', (style) => {
    const result = extractiveFallback(text, style, 40);
    expect(result.words).toBeLessThanOrEqual(40);
    expect(result.words).toBeGreaterThan(0);
    expect(countWords(result.summary)).toBe(result.words);
  });

  it('writes bullets as one sentence per line, taken verbatim from the text', () => {
    const lines = extractiveFallback(text, 'bullets', 80).summary.split('\n');
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) {
      expect(line.startsWith('- ')).toBe(true);
      expect(text).toContain(line.slice(2));
    }
  });

  it('answers differently for different texts', () => {
    const one = [1, 2, 3].map(paragraph).join('\n\n');
    const other = [4, 5, 6].map(paragraph).join('\n\n');
    expect(extractiveFallback(one, 'paragraph', 50).summary).not.toBe(extractiveFallback(other, 'paragraph', 50).summary);
  });
});
