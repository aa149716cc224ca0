import { describe, expect, it } from 'vitest';
import { hasVisibleText } from '../src/index.js';

describe('hasVisibleText', () => {
  it.each([
    ['an empty string', ''],
    ['spaces, tabs and line breaks', ' \t\r\n '],
    ['no-break, em and ideographic spaces, line and paragraph separators', '\u00A0\u2003\u3000\u2028\u2029'],
    ['zero-width space, non-joiner, joiner and byte order mark', '\u200B\u200C\u200D\uFEFF'],
    ['a word joiner and a soft hyphen', '\u2060\u00AD'],
    ['bidirectional marks and controls', '\u200E\u200F\u202A\u202E\u2066\u2069\u061C'],
    ['variation selectors, including a supplementary one', '\uFE0F\uFE00\u{E0100}'],
    ['a combining grapheme joiner and a Mongolian vowel separator', '\u034F\u180E'],
    ['Hangul fillers', '\u3164\u115F\uFFA0'],
    ['tag characters', '\u{E0001}\u{E0041}'],
    ['control characters', '\u0000\u0007\u001B\u007F\u0085'],
    ['a lone surrogate half', '\uD800'],
    ['blank Braille cells', '\u2800\u2800'],
  ])('is false for %s', (_name, text) => {
    expect(hasVisibleText(text)).toBe(false);
  });

  it.each([
    ['a letter among invisible characters', '\u200B a \uFEFF'],
    ['a digit', '7'],
    ['punctuation', '?'],
    ['an emoji with a variation selector', '\u2764\uFE0F'],
    ['a CJK character', '\u6587'],
    ['a lone combining mark, which renders on a dotted circle', '\u0301'],
    ['a letter with a combining mark', 'e\u0301'],
    ['a visible format character (Arabic number sign)', '\u0600'],
    ['a Braille pattern with dots', '\u2801'],
    ['a private-use character', '\uE000'],
  ])('is true for %s', (_name, text) => {
    expect(hasVisibleText(text)).toBe(true);
  });
});
