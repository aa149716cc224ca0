import { describe, expect, it } from 'vitest';
import { HttpConfigError, httpOptionsFromEnv, httpRequested, isLoopbackHost } from '../src/serving/http/http-options.js';

describe('httpOptionsFromEnv', () => {
  it('gives the documented defaults for an empty environment', () => {
    expect(httpOptionsFromEnv({})).toEqual({
      port: 3000,
      host: '127.0.0.1',
      allowInsecureBind: false,
      allowedHosts: [],
      allowedOrigins: [],
      maxSessions: 100,
      sessionIdleSeconds: 900,
      drainSeconds: 30,
    });
  });

  it('reads every variable, normalising lists', () => {
    const options = httpOptionsFromEnv({
      MCP_HTTP_PORT: '0',
      MCP_HTTP_HOST: '0.0.0.0',
      MCP_HTTP_TOKEN: 'a-token-of-sixteen+',
      MCP_HTTP_ALLOWED_HOSTS: ' MCP.example.com , mcp.example.com:8443,',
      MCP_HTTP_ALLOWED_ORIGINS: 'https://App.example.com/, http://localhost:5173',
      MCP_HTTP_MAX_SESSIONS: '5',
      MCP_HTTP_SESSION_IDLE_SECONDS: '60',
      MCP_HTTP_DRAIN_SECONDS: '0',
      MCP_HTTP_REPLICA: 'r1',
    });
    expect(options).toEqual({
      port: 0,
      host: '0.0.0.0',
      allowInsecureBind: false,
      token: 'a-token-of-sixteen+',
      allowedHosts: ['mcp.example.com', 'mcp.example.com:8443'],
      allowedOrigins: ['https://app.example.com', 'http://localhost:5173'],
      maxSessions: 5,
      sessionIdleSeconds: 60,
      drainSeconds: 0,
      replica: 'r1',
    });
  });

  it.each([
    [{ MCP_HTTP_PORT: '70000' }, /MCP_HTTP_PORT must be a whole number from 0 to 65535/],
    [{ MCP_HTTP_MAX_SESSIONS: '0' }, /MCP_HTTP_MAX_SESSIONS must be a whole number from 1/],
    [{ MCP_HTTP_SESSION_IDLE_SECONDS: '1.5' }, /MCP_HTTP_SESSION_IDLE_SECONDS must be a whole number/],
    [{ MCP_HTTP_TOKEN: 'too-short' }, /MCP_HTTP_TOKEN must be at least 16 characters/],
    [{ MCP_HTTP_HOST: '10.0.0.5' }, /Refusing to bind 10\.0\.0\.5 without a token/],
    [{ MCP_HTTP_ALLOW_INSECURE_BIND: 'yes' }, /MCP_HTTP_ALLOW_INSECURE_BIND must be 1 or 0/],
    [{ MCP_HTTP_ALLOWED_ORIGINS: 'not an origin' }, /MCP_HTTP_ALLOWED_ORIGINS entries must be origins/],
    [{ MCP_HTTP_REPLICA: 'has space' }, /MCP_HTTP_REPLICA must be 1-100 visible ASCII/],
  ])('refuses %o', (env, message) => {
    expect(() => httpOptionsFromEnv(env)).toThrow(HttpConfigError);
    expect(() => httpOptionsFromEnv(env)).toThrow(message);
  });

  it('binds a non-loopback address with a token, or with the insecure switch', () => {
    expect(httpOptionsFromEnv({ MCP_HTTP_HOST: '::', MCP_HTTP_TOKEN: 'x'.repeat(16) }).host).toBe('::');
    expect(httpOptionsFromEnv({ MCP_HTTP_HOST: '0.0.0.0', MCP_HTTP_ALLOW_INSECURE_BIND: '1' }).allowInsecureBind).toBe(true);
  });
});

describe('httpRequested and isLoopbackHost', () => {
  it('reads MCP_TRANSPORT', () => {
    expect(httpRequested({})).toBe(false);
    expect(httpRequested({ MCP_TRANSPORT: 'stdio' })).toBe(false);
    expect(httpRequested({ MCP_TRANSPORT: 'HTTP' })).toBe(true);
    expect(() => httpRequested({ MCP_TRANSPORT: 'sse' })).toThrow(/MCP_TRANSPORT must be stdio or http/);
  });

  it('knows loopback addresses', () => {
    for (const host of ['127.0.0.1', '127.1.2.3', 'localhost', '::1', '[::1]'])
      expect([host, isLoopbackHost(host)]).toEqual([host, true]);
    for (const host of ['0.0.0.0', '::', '10.0.0.1', 'example.com']) expect([host, isLoopbackHost(host)]).toEqual([host, false]);
  });
});
