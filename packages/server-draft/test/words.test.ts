import { countWords } from '@mcp-sampling/text';
import { describe, expect, it } from 'vitest';
import { contentStems, normalise, stem } from '../src/words.js';

describe('countWords', () => {
  it('counts runs with a letter or digit, not bullets or dashes', () => {
    expect(countWords('')).toBe(0);
    expect(countWords('  \n ')).toBe(0);
    expect(countWords('- One two\n- three — 4')).toBe(4);
    expect(countWords('Dear all,\n\nIt reopens on 3 May.')).toBe(7);
    expect(countWords('Überall café 9,000')).toBe(3);
  });
});

describe('normalise', () => {
  it('lowercases, drops accents and thousands separators, and collapses punctuation', () => {
    expect(normalise('Café opens: 9,000 m²!')).toBe('cafe opens 9000 m2');
    expect(normalise('1,000,000 and 1, 000')).toBe('1000000 and 1 000');
    expect(normalise('  --  ')).toBe('');
  });
});

describe('stem', () => {
  it('lets common inflections meet', () => {
    expect(stem('budgets')).toBe(stem('budget'));
    expect(stem('approved')).toBe(stem('approve'));
    expect(stem('meeting')).toBe(stem('meet'));
    expect(stem('boxes')).toBe(stem('box'));
    expect(stem('notes')).toBe(stem('note'));
  });

  it('leaves short words alone', () => {
    expect(stem('is')).toBe('is');
    expect(stem('bus')).toBe('bus');
    expect(stem('use')).toBe('use');
  });
});

describe('contentStems', () => {
  it('drops function words and keeps numbers as they are', () => {
    expect(contentStems('The doors open at 9:30 on the 1st of May')).toEqual(['door', 'open', '9', '30', '1st', 'may']);
  });
});
