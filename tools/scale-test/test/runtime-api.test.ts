import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { serverStatuses } from '../src/runtime-api.js';

/** A real `show stat` answer of HAProxy 2.6 running deploy/haproxy.cfg, replica2 alone reachable. */
const SHOW_STAT = readFileSync(new URL('fixtures/show-stat.csv', import.meta.url), 'utf8');

describe('serverStatuses', () => {
  it("gives each server of the backend its status, without the frontend's or the backend's own line", () => {
    expect(serverStatuses(SHOW_STAT, 'mcp_replicas')).toEqual({ replica1: 'DOWN', replica2: 'UP', replica3: 'DOWN' });
  });

  it('gives nothing for a backend the answer does not have', () => {
    expect(serverStatuses(SHOW_STAT, 'elsewhere')).toEqual({});
  });

  it('refuses an answer that is not a show stat CSV', () => {
    expect(() => serverStatuses('Unknown command.\n', 'mcp_replicas')).toThrow(/not a 'show stat' answer/);
  });
});
