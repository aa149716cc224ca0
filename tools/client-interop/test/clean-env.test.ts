/** The environment the spawned clients and servers get: no provider keys, no fallback settings. */
import { describe, expect, it } from 'vitest';
import { cleanEnv, isProviderVariable } from './support/clean-env.js';

describe('cleanEnv', () => {
  it('drops provider keys and every MCP_SAMPLING_ setting, keeps the rest, adds the extras', () => {
    const env = cleanEnv(
      {
        ANTHROPIC_API_KEY: 'sk-ant-never-passed',
        OPENAI_API_KEY: 'sk-never-passed',
        MCP_SAMPLING_FALLBACK: 'provider',
        MCP_SAMPLING_PROVIDER: 'openai-compatible',
        PATH: '/usr/bin',
        LANG: 'C.UTF-8',
      },
      { HOME: '/tmp/home' },
    );
    expect(env).toEqual({ PATH: '/usr/bin', LANG: 'C.UTF-8', HOME: '/tmp/home' });
  });

  it('names only the variables a server reads for a model of its own', () => {
    expect(['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'MCP_SAMPLING_STATE_KEY'].every(isProviderVariable)).toBe(true);
    expect(['PATH', 'HOME', 'MCP_HTTP_TOKEN', 'NODE_OPTIONS'].some(isProviderVariable)).toBe(false);
  });
});
