import { describe, expect, it } from 'vitest';
import { parseCommandLine } from '../src/cli/args.js';
import { HostError } from '../src/errors.js';

const ENV = { PATH: '/usr/bin', HOME: '/home/me', ANTHROPIC_API_KEY: 'sk-ant-secret', OPENAI_API_KEY: 'sk-secret' };

function run(argv: string[]) {
  const parsed = parseCommandLine(argv, ENV);
  if (parsed.kind !== 'run') throw new Error(`expected a command, got ${parsed.kind}`);
  return parsed.options;
}

describe('parseCommandLine', () => {
  it('takes everything after -- as the server command, untouched', () => {
    const options = run(['call', 'summarise', '--args', '{"text":"hi"}', '--', 'node', 'server.js', '--era', 'x', '--json']);
    expect(options).toMatchObject({ command: 'call', tool: 'summarise', toolArgs: { text: 'hi' }, era: 'auto', json: false });
    expect(options.target).toMatchObject({ kind: 'stdio', command: 'node', args: ['server.js', '--era', 'x', '--json'] });
  });

  it("--trace is off unless given to call, and a --trace after -- is the server's", () => {
    expect(run(['call', 't', '--', 'node', 'server.js', '--trace']).trace).toBe(false);
    expect(run(['call', 't', '--trace', '--', 'node', 'server.js']).trace).toBe(true);
  });

  it("gives a spawned server the host's environment without the host's keys, plus --env", () => {
    const options = run(['list', '--env', 'MCP_SAMPLING_FALLBACK=error', '--env', 'A=b=c', '--', 'node', 's.js']);
    expect(options.target?.kind === 'stdio' && options.target.env).toEqual({
      PATH: '/usr/bin',
      HOME: '/home/me',
      MCP_SAMPLING_FALLBACK: 'error',
      A: 'b=c',
    });
  });

  it('reads the policy and model flags', () => {
    const options = run([
      'call',
      't',
      '--approve',
      'auto',
      '--max-tokens-per-request',
      '256',
      '--budget',
      '5000',
      '--provider',
      'openai',
      '--model',
      'gpt-4.1',
      '--era',
      '2026-07-28',
      '--url',
      'http://127.0.0.1:3000/mcp',
    ]);
    expect(options).toMatchObject({
      approve: 'auto',
      maxTokensPerRequest: 256,
      budget: 5000,
      provider: 'openai',
      model: 'gpt-4.1',
      era: '2026-07-28',
    });
    expect(options.target).toEqual({ kind: 'http', url: new URL('http://127.0.0.1:3000/mcp') });
  });

  it('demo runs both eras by default and takes no server', () => {
    expect(run(['demo']).era).toBe('both');
    expect(() => run(['demo', '--', 'node', 's.js'])).toThrow('demo runs the servers of this repository itself');
    expect(() => run(['list', '--era', 'both', '--', 'node', 's.js'])).toThrow(
      "--era 'both' is not one of legacy, auto, 2026-07-28",
    );
  });

  it('--header adds HTTP headers to a --url server, curl style; the last value of a name wins', () => {
    const options = run([
      'list',
      '--url',
      'http://127.0.0.1:3000/mcp',
      '--header',
      'Authorization: Bearer first-token-0123456789',
      '--header',
      'X-Trace:  abc ',
      '--header',
      'Authorization:Bearer second-token-0123456789',
    ]);
    expect(options.target).toEqual({
      kind: 'http',
      url: new URL('http://127.0.0.1:3000/mcp'),
      headers: { Authorization: 'Bearer second-token-0123456789', 'X-Trace': 'abc' },
    });
  });

  it('demo takes --transport stdio (the default) or http; list and call do not', () => {
    expect(run(['demo']).transport).toBe('stdio');
    expect(run(['demo', '--transport', 'http']).transport).toBe('http');
    expect(() => run(['demo', '--transport', 'sse'])).toThrow("--transport 'sse' is not one of stdio, http");
    expect(() => run(['list', '--transport', 'http', '--url', 'http://a/mcp'])).toThrow(
      '--transport belongs to demo; list takes --url for a server over HTTP',
    );
  });

  it('never repeats a header value in a usage error, since it may be a token', () => {
    for (const header of ['Bearer secret-token-0123456789', 'Bad Name: secret-token-0123456789', 'Authorization: \n']) {
      try {
        parseCommandLine(['list', '--url', 'http://a/mcp', '--header', header], ENV);
        expect.unreachable();
      } catch (error) {
        expect(error).toMatchObject({ exitCode: 2 });
        expect((error as Error).message).not.toContain('secret-token');
      }
    }
  });

  it('help and version win over everything else', () => {
    expect(parseCommandLine(['call', '--help'], ENV)).toEqual({ kind: 'help', command: 'call' });
    expect(parseCommandLine(['--help'], ENV)).toEqual({ kind: 'help', command: undefined });
    expect(parseCommandLine(['-v'], ENV)).toEqual({ kind: 'version' });
  });

  it.each([
    [['list', '--url', 'http://a/mcp', '--', 'node'], 'give either --url or a command after --, not both'],
    [['list', '--url', 'ftp://a/mcp'], '--url must be http or https (got ftp:)'],
    [['list', '--quiet', '--verbose', '--', 'node'], '--quiet and --verbose cannot be combined'],
    [['list', '--args', '{}', '--', 'node'], '--args belongs to call'],
    [['list', '--trace', '--', 'node'], '--trace belongs to call'],
    [['demo', '--trace'], '--trace belongs to call'],
    [['list', '--env', 'NOVALUE', '--', 'node'], "--env 'NOVALUE' is not NAME=VALUE"],
    [['list', '--env', 'A=1', '--url', 'http://a/mcp'], '--env applies to a server started with a command after --'],
    [['call', 't', 'extra', '--', 'node'], "unexpected argument 'extra' (a server command goes after --)"],
    [['call', 't', '--approve', 'maybe', '--', 'node'], "--approve 'maybe' is not one of prompt, auto, deny"],
    [['list', '--header', 'Authorization: Bearer x', '--', 'node'], '--header applies to a server given with --url'],
    [['demo', '--header', 'Authorization: Bearer x'], '--header applies to a server given with --url'],
    [
      ['list', '--url', 'http://a/mcp', '--header', 'Mcp-Session-Id: 1'],
      "--header 'Mcp-Session-Id' is set by the host itself; leave it out",
    ],
    [
      ['list', '--url', 'http://a/mcp', '--header', 'Authorization:'],
      "--header 'Authorization' needs a value on one line after the colon",
    ],
  ])('%j is a usage error', (argv, message) => {
    try {
      parseCommandLine(argv, ENV);
      expect.unreachable();
    } catch (error) {
      expect(error).toBeInstanceOf(HostError);
      expect(error).toMatchObject({ message, exitCode: 2 });
    }
  });
});
