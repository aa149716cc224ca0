import { describe, expect, it } from 'vitest';
import { withThousands } from '../src/index.js';

describe('withThousands', () => {
  it("writes integers as toLocaleString('en') does", () => {
    for (const n of [0, 7, 999, 1_000, 12_345, 100_000, 2_000_000, 1_234_567_890, -1_000, -45_678, Number.MAX_SAFE_INTEGER]) {
      expect(withThousands(n)).toBe(n.toLocaleString('en'));
    }
  });

  it('leaves anything but a safe integer as String writes it', () => {
    expect(withThousands(1234.5678)).toBe('1234.5678');
    expect(withThousands(Number.NaN)).toBe('NaN');
    expect(withThousands(1e21)).toBe('1e+21');
  });
});
