import { describe, expect, it } from 'vitest';
import { idFromEnd, idFromStart, idProblem } from '../src/serving/stdio/json-rpc-id.js';

describe('idProblem: whether a raw id literal can be echoed exactly', () => {
  it.each(['"abc"', '""', '0', '-0', '7', '-7', '9007199254740991', '-9007199254740991', '1.0', '1e3', '100e-2', '0e400'])(
    'accepts %s',
    (raw) => {
      expect(idProblem(raw)).toBeUndefined();
    },
  );

  it.each([
    ['9007199254740992', 'is larger than 2^53 - 1'],
    ['9007199254740993', 'is larger than 2^53 - 1'],
    ['-9007199254740993', 'is larger than 2^53 - 1'],
    ['1e400', 'is larger than 2^53 - 1'],
    ['1e16', 'is larger than 2^53 - 1'],
    ['1.5', 'is not a whole number'],
    ['1.0000000000000001', 'is not a whole number'],
    ['1e-400', 'is not a whole number'],
    ['null', 'is null'],
    ['true', 'is neither a string nor a number'],
    ['{}', 'is neither a string nor a number'],
  ])('refuses %s: %s', (raw, problem) => {
    expect(idProblem(raw)).toBe(problem);
  });
});

describe('finding the raw top-level id', () => {
  it('reads it from the end of a line written the SDK way', () => {
    expect(idFromEnd('{"method":"ping","params":{"id":5},"jsonrpc":"2.0","id":1.0000000000000001}')).toBe('1.0000000000000001');
    expect(idFromEnd('{"method":"ping","jsonrpc":"2.0","id" : "a\\"b" }\r')).toBe('"a\\"b"');
  });

  it('does not take a nested id at the end for the top-level one', () => {
    expect(idFromEnd('{"jsonrpc":"2.0","method":"x","params":{"id":5}}')).toBeUndefined();
  });

  it('reads it from the start, skipping members before it, strings included', () => {
    expect(idFromStart('{"jsonrpc":"2.0","x":{"id":1,"s":"}\\""},"id":9007199254740993,"method":"ping"}')).toBe(
      '9007199254740993',
    );
    expect(idFromStart('  { "id" : "abc" , "method":"ping"}')).toBe('"abc"');
  });

  it('gives up on a truncated start before the id', () => {
    expect(idFromStart('{"jsonrpc":"2.0","method":"tools/call","params":{"arguments":{"text":"aaaa')).toBeUndefined();
    expect(idFromStart('[1,2]')).toBeUndefined();
    expect(idFromStart('{"jsonrpc":"2.0","id":12')).toBeUndefined();
  });
});
