import { describe, expect, it } from 'vitest';
import { waitFor, withinLimit } from '../src/poll.js';

describe('waitFor', () => {
  it('returns the first value the probe gives', async () => {
    let calls = 0;
    await expect(waitFor('the third probe', () => (++calls >= 3 ? calls : undefined), { intervalMs: 1 })).resolves.toBe(3);
  });

  it('names what it waited for when it gives up', async () => {
    await expect(waitFor('a thing that never happens', () => undefined, { timeoutMs: 20, intervalMs: 1 })).rejects.toThrow(
      /waiting for a thing that never happens/,
    );
  });

  it('stops at an error thrown by the probe', async () => {
    await expect(
      waitFor('anything', () => {
        throw new Error('the process exited');
      }),
    ).rejects.toThrow('the process exited');
  });
});

describe('withinLimit', () => {
  it('passes a settled value through', async () => {
    await expect(withinLimit('quick', Promise.resolve('done'), 60_000)).resolves.toBe('done');
  });

  it('rejects, naming the work, when the promise never settles', async () => {
    await expect(withinLimit('a hung request', new Promise(() => {}), 20)).rejects.toThrow(/Timed out .*a hung request/);
  });
});
