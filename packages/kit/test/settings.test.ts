/**
 * The one list of variables: it covers everything the providers package reads, renders into
 * `--help` whole, and its number check names the variable it refuses.
 */
import { PROVIDER_DEFAULTS, PROVIDER_ENV_VARS } from '@mcp-sampling/providers';
import { describe, expect, it } from 'vitest';
import {
  DEFAULT_PROVIDER_TIMEOUT_MS,
  environmentHelp,
  positiveWholeNumberSetting,
  SERVER_SETTINGS,
} from '../src/operator/settings.js';
import { httpOptionsFromEnv } from '../src/serving/http/http-options.js';

const NAMES = SERVER_SETTINGS.map((setting) => setting.name);

describe('SERVER_SETTINGS', () => {
  it('lists every variable the providers package reads, once each', () => {
    expect(NAMES).toEqual(expect.arrayContaining([...PROVIDER_ENV_VARS]));
    expect(new Set(NAMES).size).toBe(NAMES.length);
  });

  it("states the providers package's own default provider timeout", () => {
    expect(DEFAULT_PROVIDER_TIMEOUT_MS).toBe(PROVIDER_DEFAULTS.timeoutMs);
  });

  it('renders every variable into the help text, no line wider than 100 columns', () => {
    const help = environmentHelp();
    for (const name of NAMES) expect(help).toMatch(new RegExp(`^  ${name}(\\s|$)`, 'm'));
    for (const line of help.split('\n')) expect(line.length).toBeLessThanOrEqual(100);
    expect(help).toContain('(default 8)');
  });
});

describe('positiveWholeNumberSetting', () => {
  it('reads a positive whole number, and the default when unset or empty', () => {
    expect(positiveWholeNumberSetting('X', 8, { X: '3' })).toBe(3);
    expect(positiveWholeNumberSetting('X', 8, { X: ' ' })).toBe(8);
    expect(positiveWholeNumberSetting('X', 8, {})).toBe(8);
  });

  it.each(['lots', '0', '-1', '2.5', '1e3'])('refuses %s, naming the variable and an example', (value) => {
    expect(() =>
      positiveWholeNumberSetting('MCP_SAMPLING_PROVIDER_CONCURRENCY', 8, { MCP_SAMPLING_PROVIDER_CONCURRENCY: value }),
    ).toThrow(`MCP_SAMPLING_PROVIDER_CONCURRENCY must be a positive whole number (got ${value}): set it like 8.`);
  });
});

describe('the HTTP settings', () => {
  it('are all listed and marked HTTP-only, with the defaults http-options.ts applies', () => {
    const http = SERVER_SETTINGS.filter((setting) => setting.name === 'MCP_TRANSPORT' || setting.name.startsWith('MCP_HTTP_'));
    expect(http.map((setting) => setting.name)).toHaveLength(11);
    expect(http.every((setting) => setting.httpOnly === true)).toBe(true);
    expect(SERVER_SETTINGS.filter((setting) => setting.httpOnly === true)).toEqual(http);
    const defaults = httpOptionsFromEnv({});
    const defaultOf = (name: string) => http.find((setting) => setting.name === name)?.default;
    expect(defaultOf('MCP_HTTP_PORT')).toBe(String(defaults.port));
    expect(defaultOf('MCP_HTTP_HOST')).toBe(defaults.host);
    expect(defaultOf('MCP_HTTP_MAX_SESSIONS')).toBe(String(defaults.maxSessions));
    expect(defaultOf('MCP_HTTP_SESSION_IDLE_SECONDS')).toBe(String(defaults.sessionIdleSeconds));
    expect(defaultOf('MCP_HTTP_DRAIN_SECONDS')).toBe(String(defaults.drainSeconds));
    expect(http.find((setting) => setting.name === 'MCP_HTTP_TOKEN')?.secret).toBe(true);
  });
});
