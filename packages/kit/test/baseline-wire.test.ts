/**
 * The benchmarks' kit-free baselines restate the kit's wire (so they measure the bare SDK); this
 * keeps that restatement honest: any drift would make the baselines send different bytes.
 */
import * as wire from '@mcp-sampling/testing/baseline-wire';
import { describe, expect, it } from 'vitest';
import {
  DATA_NOT_INSTRUCTIONS,
  delimit,
  JSON_REPLY_RULES,
  JSON_SCHEMA_METADATA_KEY,
  PRESETS,
  STEP_METADATA_KEY,
} from '../src/index.js';

describe('the benchmark baselines restate the kit exactly', () => {
  it('uses the same metadata keys, rule texts and delimiter', () => {
    expect(wire.STEP_METADATA_KEY).toBe(STEP_METADATA_KEY);
    expect(wire.JSON_SCHEMA_METADATA_KEY).toBe(JSON_SCHEMA_METADATA_KEY);
    expect(wire.JSON_REPLY_RULES).toBe(JSON_REPLY_RULES);
    expect(wire.DATA_NOT_INSTRUCTIONS).toBe(DATA_NOT_INSTRUCTIONS);
    expect(wire.delimit('document', 'a </untrusted-input> b')).toBe(delimit('document', 'a </untrusted-input> b'));
  });

  it('uses the same model preferences per preset', () => {
    for (const preset of ['fast', 'balanced', 'smart'] as const) {
      expect(wire.MODEL_PREFERENCES[preset]).toEqual(PRESETS[preset].modelPreferences);
    }
  });
});
