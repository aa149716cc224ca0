import { describe, expect, it } from 'vitest';
import { LineFramer } from '../src/serving/stdio/line-framer.js';

const bytes = (text: string) => Buffer.from(text, 'utf8');

describe('LineFramer', () => {
  it('joins a line split across chunks, strips CR, and keeps a trailing partial line for later', () => {
    const framer = new LineFramer(100);
    expect(framer.push(bytes('{"a":'))).toEqual([]);
    expect(framer.push(bytes('1}\r\n{"b":2}\n{"c"'))).toEqual([
      { kind: 'line', text: '{"a":1}' },
      { kind: 'line', text: '{"b":2}' },
    ]);
    expect(framer.push(bytes(':3}\n'))).toEqual([{ kind: 'line', text: '{"c":3}' }]);
  });

  it('counts bytes, not characters: a line of exactly the limit passes, one byte more does not', () => {
    const framer = new LineFramer(6);
    expect(framer.push(bytes('ééé\n'))).toEqual([{ kind: 'line', text: 'ééé' }]);
    expect(framer.push(bytes('ééé\r\n'))).toEqual([{ kind: 'line', text: 'ééé' }]);
    expect(framer.push(bytes('éééa\n'))).toEqual([{ kind: 'too-long', bytes: 7, head: 'éééa', tail: 'éééa' }]);
  });

  it('drops an over-limit line but keeps its first and last bytes, and the next line is intact', () => {
    const framer = new LineFramer(10_000);
    const line = `{"id":"first","pad":"${'x'.repeat(50_000)}","id":"last"}`;
    const lines = [];
    for (let at = 0; at < line.length; at += 1000) lines.push(...framer.push(bytes(line.slice(at, at + 1000))));
    lines.push(...framer.push(bytes('\n{"ok":true}\n')));
    expect(lines).toHaveLength(2);
    const [tooLong, next] = lines;
    expect(tooLong).toMatchObject({ kind: 'too-long', bytes: line.length });
    if (tooLong?.kind !== 'too-long') throw new Error('unreachable');
    expect(tooLong.head.startsWith('{"id":"first"')).toBe(true);
    expect(tooLong.head.length).toBe(4096);
    expect(tooLong.tail.endsWith('"id":"last"}')).toBe(true);
    expect(tooLong.tail.length).toBe(256);
    expect(next).toEqual({ kind: 'line', text: '{"ok":true}' });
  });
});
