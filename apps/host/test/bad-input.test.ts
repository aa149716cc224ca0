/**
 * Bad input through the real bin: every case gets one line on stderr (no stack trace) and the
 * documented exit code: 1 the call failed, 2 usage, 3 connection.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { DYING_SERVER, expectOneLine, NEVER_ANSWERS_SERVER, runHost, serverBin } from './helpers.js';

interface Case {
  name: string;
  args: string[];
  env?: Record<string, string>;
  code: number;
  message: RegExp;
}

const classify = () => ['--', 'node', serverBin('classify')];

const USAGE_CASES: Case[] = [
  { name: 'no command', args: [], code: 2, message: /^missing command: use list, call, demo \(see/ },
  { name: 'an unknown command', args: ['summon'], code: 2, message: /^unknown command 'summon': use list, call, demo/ },
  {
    name: 'a mistyped command',
    args: ['lsit', '--', 'node', 'x.js'],
    code: 2,
    message: /^unknown command 'lsit': did you mean 'list'\?/,
  },
  { name: 'a mistyped command (call)', args: ['cal', 'x'], code: 2, message: /^unknown command 'cal': did you mean 'call'\?/ },
  { name: 'an unknown flag', args: ['list', '--colour', '--', 'node', 'x.js'], code: 2, message: /^unknown flag '--colour'/ },
  { name: 'a flag without its value', args: ['list', '--era'], code: 2, message: /^--era needs a value/ },
  {
    name: 'a bad era',
    args: ['list', '--era', '2024', '--', 'node', 'x.js'],
    code: 2,
    message: /^--era '2024' is not one of legacy, auto, 2026-07-28/,
  },
  {
    name: 'no server',
    args: ['list'],
    code: 2,
    message: /^list needs a server: a command after -- \(e\.g\. -- node server\.js\) or --url/,
  },
  { name: 'call without a tool', args: ['call', '--', 'node', 'x.js'], code: 2, message: /^call needs a tool name/ },
  {
    name: '--args that is not JSON',
    args: ['call', 'classify', '--args', '{text:', '--', 'node', 'x.js'],
    code: 2,
    message: /^--args is not valid JSON \(/,
  },
  {
    name: '--args that is not an object',
    args: ['call', 'classify', '--args', '[1]', '--', 'node', 'x.js'],
    code: 2,
    message: /^--args must be a JSON object, not an array/,
  },
  {
    name: 'a bad connect timeout',
    args: ['list', '--connect-timeout', 'soon', '--', 'node', 'x.js'],
    code: 2,
    message: /^--connect-timeout must be a positive whole number of seconds \(got 'soon'\)/,
  },
  {
    name: 'a bad connect timeout in the environment',
    args: ['list', '--', 'node', 'x.js'],
    env: { MCP_SAMPLING_HOST_CONNECT_TIMEOUT: '0' },
    code: 2,
    message: /^MCP_SAMPLING_HOST_CONNECT_TIMEOUT must be a positive whole number of seconds \(got '0'\)/,
  },
  {
    name: 'a bad budget',
    args: ['call', 't', '--budget', '0', '--', 'node', 'x.js'],
    code: 2,
    message: /^--budget must be a positive whole number \(got '0'\)/,
  },
  {
    name: 'a value that looks like a flag',
    args: ['call', 't', '--budget', '-5', '--', 'node', 'x.js'],
    code: 2,
    message: /^--budget needs a value \(write --budget=VALUE/,
  },
  {
    name: 'a boolean flag with a value',
    args: ['list', '--json=yes', '--', 'node', 'x.js'],
    code: 2,
    message: /^--json takes no value/,
  },
  { name: 'a bad URL', args: ['list', '--url', 'not a url'], code: 2, message: /^--url 'not a url' is not a URL/ },
  {
    name: 'an unknown provider',
    args: ['call', 't', '--provider', 'gemini', '--', 'node', 'x.js'],
    code: 2,
    message: /^unknown provider 'gemini': use anthropic, openai, openai-compatible, or --offline/,
  },
  {
    name: 'a provider without its key',
    args: ['call', 't', '--provider', 'openai', '--', 'node', 'x.js'],
    code: 2,
    message: /^--provider openai needs OPENAI_API_KEY in the environment/,
  },
  {
    name: 'an OpenAI-compatible provider without a URL',
    args: ['call', 't', '--provider', 'openai-compatible', '--model', 'llama3.2', '--', 'node', 'x.js'],
    code: 2,
    message: /^--provider openai-compatible needs --base-url/,
  },
  {
    name: 'a key variable naming an unknown provider',
    args: ['call', 't', '--', 'node', 'x.js'],
    env: { MCP_SAMPLING_PROVIDER: 'mistral' },
    code: 2,
    message: /^MCP_SAMPLING_PROVIDER='mistral' is not a provider/,
  },
  {
    name: '--approve prompt without a terminal',
    args: ['call', 't', '--approve', 'prompt', '--offline', '--', 'node', 'x.js'],
    code: 2,
    message: /^--approve prompt needs a terminal \(stdin and stderr\)/,
  },
];

// Independent processes: run them side by side to keep the file quick.
describe.concurrent('usage errors (exit code 2)', () => {
  it.each(USAGE_CASES)('$name', async ({ args, env, code, message }) => {
    const run = await runHost(args, env ? { env } : {});
    expect(run.code).toBe(code);
    expect(expectOneLine(run.stderr)).toMatch(new RegExp(`^mcp-sampling-host: ${message.source.slice(1)}`));
    expect(run.stdout).toBe('');
  });
});

describe.concurrent('help', () => {
  it.each([
    ['list', /^Usage: mcp-sampling-host list /, '--connect-timeout SECONDS'],
    ['call', /^Usage: mcp-sampling-host call <tool> /, '--args JSON'],
    ['demo', /^Usage: mcp-sampling-host demo /, '--era legacy|2026-07-28|both'],
  ])('%s --help shows that command alone', async (command, start, flag) => {
    const run = await runHost([command, '--help']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(start);
    expect(run.stdout).toContain(flag);
    for (const other of ['list', 'call', 'demo'].filter((name) => name !== command))
      expect(run.stdout).not.toContain(`mcp-sampling-host ${other} `);
  });

  it('--help alone still shows every command', async () => {
    const run = await runHost(['--help']);
    expect(run.code).toBe(0);
    for (const command of ['list', 'call', 'demo']) expect(run.stdout).toContain(`mcp-sampling-host ${command} `);
  });
});

describe.concurrent('connection errors (exit code 3)', () => {
  it('a server command that does not exist', async () => {
    const run = await runHost(['list', '--era', 'legacy', '--', 'no-such-server-command']);
    expect(run.code).toBe(3);
    expect(expectOneLine(run.stderr)).toBe(
      "mcp-sampling-host: cannot start the server: command 'no-such-server-command' was not found",
    );
  });

  it('a server that exits at once, with its own error quoted', async () => {
    const run = await runHost(['list', '--era', 'legacy', '--', 'node', '/nonexistent/server.js']);
    expect(run.code).toBe(3);
    expect(expectOneLine(run.stderr)).toBe(
      "mcp-sampling-host: the server exited with code 1 before the connection was set up (it said: Error: Cannot find module '/nonexistent/server.js')",
    );
  });

  it('a server that exits at once without saying why', async () => {
    const run = await runHost(['list', '--era', 'legacy', '--', 'node', '-e', 'process.exit(4)']);
    expect(run.code).toBe(3);
    expect(expectOneLine(run.stderr)).toBe(
      'mcp-sampling-host: the server exited with code 4 before the connection was set up (run the command by itself to see why)',
    );
  });

  it('a server that dies in the middle of a call', async () => {
    const run = await runHost(['call', 'explode', '--offline', '--era', 'legacy', '--', 'node', DYING_SERVER]);
    expect(run.code).toBe(3);
    expect(expectOneLine(run.stderr)).toBe(
      'mcp-sampling-host: the server closed the connection during the call: it exited with code 70 (it said: Error: the fixture server ran out of memory)',
    );
  });

  it.each(['legacy', 'auto', '2026-07-28'])(
    'a server that never answers: one line naming its script after --connect-timeout (--era %s), exit code 4',
    async (era) => {
      const run = await runHost(['list', '--era', era, '--connect-timeout', '2', '--', 'node', NEVER_ANSWERS_SERVER]);
      expect(run.code).toBe(4);
      expect(expectOneLine(run.stderr)).toBe(
        'mcp-sampling-host: never-answers.mjs did not answer within 2 s (--connect-timeout 2): check that it is an MCP server on stdio, or allow it more time',
      );
    },
  );

  it('the connect timeout can come from the environment', async () => {
    const run = await runHost(['call', 'anything', '--offline', '--', 'node', NEVER_ANSWERS_SERVER], {
      env: { MCP_SAMPLING_HOST_CONNECT_TIMEOUT: '1' },
    });
    expect(run.code).toBe(4);
    expect(expectOneLine(run.stderr)).toMatch(
      /^mcp-sampling-host: never-answers\.mjs did not answer within 1 s \(MCP_SAMPLING_HOST_CONNECT_TIMEOUT=1\)/,
    );
  });

  it.each(['legacy', 'auto'])('an unreachable HTTP URL (--era %s)', async (era) => {
    const port = await closedPort();
    const run = await runHost(['list', '--era', era, '--url', `http://127.0.0.1:${port}/mcp`]);
    expect(run.code).toBe(3);
    expect(expectOneLine(run.stderr)).toBe(
      `mcp-sampling-host: cannot reach http://127.0.0.1:${port}/mcp: connect ECONNREFUSED 127.0.0.1:${port}`,
    );
  });
});

describe('call errors', () => {
  it('an unknown tool names the tools the server offers (exit code 2)', async () => {
    const run = await runHost(['call', 'categorise', '--offline', '--era', 'legacy', ...classify()]);
    expect(run.code).toBe(2);
    expect(expectOneLine(run.stderr)).toBe("mcp-sampling-host: unknown tool 'categorise': mcp-server-classify offers classify");
  });

  it('arguments that do not match the input schema: the server says which field (exit code 1)', async () => {
    const run = await runHost([
      'call',
      'classify',
      '--args',
      '{"text": "hello", "labels": ["only one"]}',
      '--offline',
      '--era',
      'legacy',
      ...classify(),
    ]);
    expect(run.code).toBe(1);
    expect(expectOneLine(run.stderr)).toMatch(/^mcp-sampling-host: classify returned an error: Input validation error: .*labels/);
    expect(run.stdout).toContain('The tool reported an error:');
  });
});

async function closedPort(): Promise<number> {
  return await new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address !== null ? address.port : 0));
    });
  });
}
