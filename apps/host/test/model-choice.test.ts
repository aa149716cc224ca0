import { describe, expect, it } from 'vitest';
import { chooseTier } from '../src/model-choice.js';
import { PRESET_PREFERENCES } from './presets.js';

const ANTHROPIC = { fast: 'claude-haiku-4-5', balanced: 'claude-sonnet-4-5', smart: 'claude-opus-4-1' };
const OPENAI = { fast: 'gpt-4.1-mini', balanced: 'gpt-4.1', smart: 'gpt-5' };
const OLLAMA = { fast: 'llama3.2', balanced: 'llama3.2', smart: 'llama3.2' };

describe('chooseTier', () => {
  it.each([
    ['fast', 'fast'],
    ['balanced', 'balanced'],
    ['smart', 'smart'],
  ] as const)("the servers' %s preset maps to the %s tier with every configuration", (preset, tier) => {
    for (const models of [undefined, ANTHROPIC, OPENAI, OLLAMA]) {
      expect(chooseTier(PRESET_PREFERENCES[preset], models).tier).toBe(tier);
    }
  });

  it('a hint that is part of a configured model id picks its tier, and says so', () => {
    expect(chooseTier({ hints: [{ name: 'claude-opus' }] }, ANTHROPIC)).toEqual({
      tier: 'smart',
      reason: "hint 'claude-opus' matches claude-opus-4-1",
    });
  });

  it('a hint matching several configured models lets the priorities decide among them', () => {
    // gpt-4.1 is part of both gpt-4.1-mini (fast) and gpt-4.1 (balanced).
    expect(chooseTier({ hints: [{ name: 'gpt-4.1' }], speedPriority: 0.9 }, OPENAI).tier).toBe('fast');
    expect(chooseTier({ hints: [{ name: 'gpt-4.1' }], intelligencePriority: 0.5 }, OPENAI).tier).toBe('balanced');
    expect(chooseTier({ hints: [{ name: 'llama' }], intelligencePriority: 0.8 }, OLLAMA).tier).toBe('smart');
  });

  it('family names are whole words; size words win over family names', () => {
    expect(chooseTier({ hints: [{ name: 'claude-3-5-haiku' }] }).tier).toBe('fast');
    expect(chooseTier({ hints: [{ name: 'gpt-5-mini' }] }).tier).toBe('fast');
    expect(chooseTier({ hints: [{ name: 'gemini-2.5-pro' }] }).tier).toBe('balanced');
    expect(chooseTier({ hints: [{ name: 'o3' }] }).tier).toBe('smart');
  });

  it('hints are tried in order; an unknown hint is skipped', () => {
    expect(chooseTier({ hints: [{ name: 'mistral-large-2' }, { name: 'sonnet' }] })).toEqual({
      tier: 'balanced',
      reason: "hint 'sonnet' names a balanced model",
    });
  });

  it('without a deciding hint: intelligence ≥ 0.7 → smart, speed or cost ≥ 0.7 → fast, else balanced', () => {
    expect(chooseTier({ intelligencePriority: 0.7, speedPriority: 0.9 })).toEqual({
      tier: 'smart',
      reason: 'intelligencePriority 0.7',
    });
    expect(chooseTier({ speedPriority: 0.7 })).toEqual({ tier: 'fast', reason: 'speedPriority 0.7' });
    expect(chooseTier({ costPriority: 0.95 })).toEqual({ tier: 'fast', reason: 'costPriority 0.95' });
    expect(chooseTier({ costPriority: 0.69, intelligencePriority: 0.69 })).toEqual({
      tier: 'balanced',
      reason: 'no deciding hint or priority',
    });
    expect(chooseTier(undefined)).toEqual({ tier: 'balanced', reason: 'no model preferences' });
  });
});
