import { ProtocolErrorCode } from '@modelcontextprotocol/server';
import { describe, expect, it } from 'vitest';
import { stepGate } from '../src/baseline-signed-state.js';

/** A request context whose client echoed `state` (undefined on a call's first request). */
const echoing = (state?: string) => ({ mcpReq: { requestState: () => state } });
const ARGS = { text: 'The harbour board met.', style: 'paragraph' };

describe('stepGate (a benchmark baseline meeting the signed-state duty by hand)', () => {
  it('without signing, reads every answer and adds no state', () => {
    const gate = stepGate(echoing(), ARGS, false);
    expect(gate.asked('summary')).toBe(true);
    expect(gate.stateFor(['summary'])).toEqual({});
  });

  it('answers a retry only for the steps its verified state asked for', () => {
    const first = stepGate(echoing(), ARGS, true);
    expect(first.asked('summary')).toBe(false); // answers sent before any were asked are not read
    const { requestState } = first.stateFor(['summary']);
    expect(requestState).toMatch(/^\d+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{43}$/);

    const retry = stepGate(echoing(requestState), { ...ARGS }, true);
    expect(retry.asked('summary')).toBe(true);
    expect(retry.asked('other')).toBe(false);
  });

  it('refuses altered state, or state minted for other arguments, with -32602', () => {
    const { requestState = '' } = stepGate(echoing(), ARGS, true).stateFor(['summary']);
    const [expiry, payload, mac] = requestState.split('.');
    const widened = `${expiry}.${Buffer.from(JSON.stringify(['summary', 'other'])).toString('base64url')}.${mac}`;
    for (const [state, args] of [
      [widened, ARGS],
      [requestState, { ...ARGS, text: 'Another text.' }],
      [`${expiry}.${payload}`, ARGS],
    ] as const) {
      expect(() => stepGate(echoing(state), args, true)).toThrow(
        expect.objectContaining({
          code: ProtocolErrorCode.InvalidParams,
          message: expect.stringContaining('Invalid or expired requestState'),
        }),
      );
    }
  });
});
