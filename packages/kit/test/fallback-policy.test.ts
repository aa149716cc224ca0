import { describe, expect, it } from 'vitest';
import { DEFAULT_FALLBACK_POLICY, fallbackPolicyFromEnv, parseFallbackActions } from '../src/index.js';

describe('fallback policy from the environment', () => {
  it('defaults to provider, heuristic, error, and never sends a decline to a provider', () => {
    expect(fallbackPolicyFromEnv({})).toEqual(DEFAULT_FALLBACK_POLICY);
    expect(DEFAULT_FALLBACK_POLICY.declined).toEqual(['heuristic', 'error']);
  });

  it('applies MCP_SAMPLING_FALLBACK to every outcome, and per-outcome variables over it', () => {
    const policy = fallbackPolicyFromEnv({
      MCP_SAMPLING_FALLBACK: 'delegate',
      MCP_SAMPLING_FALLBACK_INVALID_OUTPUT: 'heuristic, error',
    });
    expect(policy).toEqual({
      'no-capability': ['delegate'],
      declined: ['delegate'],
      failed: ['delegate'],
      'invalid-output': ['heuristic', 'error'],
    });
  });

  it.each([
    ['provider,magic', /unknown action 'magic'/],
    ['heuristic,heuristic', /'heuristic' is listed twice/],
    ['error,provider', /'error' ends the list/],
    [' , ', /is empty/],
  ])('rejects %j with a message naming the variable', (text, message) => {
    expect(() => parseFallbackActions(text, 'MCP_SAMPLING_FALLBACK')).toThrow(message);
    expect(() => fallbackPolicyFromEnv({ MCP_SAMPLING_FALLBACK_DECLINED: text })).toThrow(/^MCP_SAMPLING_FALLBACK_DECLINED/);
  });
});
