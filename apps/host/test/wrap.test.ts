/** The wrap helper behind request cards and transcripts on a terminal. */
import { describe, expect, it } from 'vitest';
import { terminalWidth, wrapToWidth } from '../src/render/text.js';

describe('wrapToWidth', () => {
  it('keeps the indent on continuation lines and every line within the width', () => {
    const text = '    one two three four five six seven eight nine ten';
    const wrapped = wrapToWidth(text, 20);
    expect(wrapped).toBe('    one two three\n    four five six\n    seven eight nine\n    ten');
    for (const line of wrapped.split('\n')) expect(line.length).toBeLessThanOrEqual(20);
  });

  it('adds the hang after the indent for a labelled line', () => {
    expect(wrapToWidth('  label  alpha beta gamma', 20, '       ')).toBe('  label  alpha beta\n         gamma');
  });

  it('drops the indent when it would leave less than half the width for text', () => {
    expect(wrapToWidth('          alpha beta gamma', 18)).toBe('          alpha\nbeta gamma');
  });

  it('does not split words unless one is longer than the width', () => {
    expect(wrapToWidth('alpha betagammadelta', 12)).toBe('alpha\nbetagammadel\nta');
    expect(wrapToWidth('alpha beta', 12)).toBe('alpha beta');
  });

  it('counts colour sequences as no width', () => {
    const red = (text: string) => `\x1b[31m${text}\x1b[39m`;
    expect(wrapToWidth(`${red('alpha')} beta`, 10)).toBe(`${red('alpha')} beta`);
  });

  it('leaves text alone without a width, and wraps each line of several', () => {
    const long = 'word '.repeat(40).trim();
    expect(wrapToWidth(long, undefined)).toBe(long);
    expect(wrapToWidth('a b c\n  d e f', 5)).toBe('a b c\n  d e\n  f');
  });
});

describe('terminalWidth', () => {
  it('is the columns of a terminal, and undefined for a pipe or a terminal without columns', () => {
    expect(terminalWidth({ isTTY: true, columns: 72 })).toBe(72);
    expect(terminalWidth({ isTTY: false, columns: 72 })).toBeUndefined();
    expect(terminalWidth({})).toBeUndefined();
    expect(terminalWidth({ isTTY: true })).toBeUndefined();
  });
});
