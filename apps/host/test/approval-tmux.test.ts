/**
 * The interactive approval prompt in a real terminal: the host runs inside tmux (stdin and stderr
 * are a terminal, stdout goes to a file), the test reads the screen with `capture-pane` and answers
 * with `send-keys`. Approve sends the request to the model, deny reaches the server as a decline,
 * and edit changes the last user message before it is sent.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { type CallDocument, EVERYTHING_BIN, HANG_MS, HOST_BIN, NEVER_ANSWERS_SERVER, serverBin } from './helpers.js';

const hasTmux = (() => {
  try {
    execFileSync('tmux', ['-V'], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
})();
if (!hasTmux)
  console.warn('approval-tmux.test.ts skipped: tmux is not installed (the interactive prompt needs a real terminal).');

const SOCKET = `mcp-sampling-host-test-${process.pid}`;
const tmux = (...args: string[]) => execFileSync('tmux', ['-L', SOCKET, ...args], { encoding: 'utf8' });
const quote = (text: string) => `'${text.replaceAll("'", `'\\''`)}'`;

let dir = '';
beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'mcp-sampling-host-tmux-'));
  // tmux ends its server when the last session ends, and a new-session sent while it is ending
  // fails with "server exited unexpectedly". One idle session keeps the server up until afterAll.
  if (hasTmux) tmux('new-session', '-d', '-s', 'keep-server-up', 'sh -c "read _"');
});
afterAll(() => {
  if (!hasTmux) return;
  try {
    tmux('kill-server');
  } catch {
    // no session left: nothing to stop
  }
  rmSync(dir, { recursive: true, force: true });
});

/**
 * Start the host in a detached tmux session (200×50 unless `width` says otherwise); stdout and the
 * exit code go to files. NO_COLOR and FORCE_COLOR are unset unless `env` sets them.
 */
function startHost(
  name: string,
  args: string[],
  env: Record<string, string> = {},
  options: { keepScreen?: boolean; width?: number } = {},
) {
  const out = join(dir, `${name}.json`);
  const exit = join(dir, `${name}.exit`);
  const script = join(dir, `${name}.sh`);
  const exports = `unset NO_COLOR FORCE_COLOR\n${Object.entries(env)
    .map(([key, value]) => `export ${key}=${quote(value)}\n`)
    .join('')}`;
  writeFileSync(
    script,
    `${exports}${[process.execPath, HOST_BIN, ...args].map(quote).join(' ')} > ${quote(out)}\necho $? > ${quote(exit)}\n`,
  );
  // keepScreen: the pane stays readable after the host exits (the script waits until it is told to go on).
  const width = String(options.width ?? 200);
  tmux('new-session', '-d', '-x', width, '-y', '50', '-s', name, `sh ${quote(script)}${options.keepScreen ? '; read _' : ''}`);
  return {
    screen: () => tmux('capture-pane', '-p', '-t', name),
    /** The screen with its escape sequences (colours, bold, strikethrough). */
    screenWithStyles: () => tmux('capture-pane', '-p', '-e', '-t', name),
    keys: (...keys: string[]) => tmux('send-keys', '-t', name, ...keys),
    async waitForScreen(text: string): Promise<string> {
      let screen = '';
      await vi.waitFor(
        () => {
          screen = this.screen();
          expect(screen).toContain(text);
        },
        { timeout: HANG_MS, interval: 50 },
      );
      return screen;
    },
    async finished(): Promise<{ code: number; json: CallDocument }> {
      await vi.waitFor(() => expect(existsSync(exit) && readFileSync(exit, 'utf8').endsWith('\n')).toBe(true), {
        timeout: HANG_MS,
        interval: 50,
      });
      return { code: Number(readFileSync(exit, 'utf8').trim()), json: JSON.parse(readFileSync(out, 'utf8')) as CallDocument };
    },
  };
}

const TICKET = JSON.stringify({
  text: 'I was charged twice for my March invoice. Please refund the duplicate payment.',
  labels: ['Billing', 'Technical', 'Sales'],
});

/** Choose "edit" on the approval prompt and type `text` at the end of the last user message. */
async function appendToLastMessage(host: ReturnType<typeof startHost>, text: string): Promise<void> {
  host.keys('Down', 'Down', 'Enter');
  await host.waitForScreen('Edit the last user message');
  host.keys(text);
  await host.waitForScreen(text.trim());
}

/** `call` of server-everything's sampling tool with `prompt`, on the 2025 era, answered offline. */
const everythingSamples = (prompt: string) => [
  'call',
  'trigger-sampling-request',
  '--args',
  JSON.stringify({ prompt, maxTokens: 60 }),
  '--offline',
  '--json',
  '--era',
  'legacy',
  '--',
  process.execPath,
  EVERYTHING_BIN,
  'stdio',
];

describe.skipIf(!hasTmux)('the approval prompt in a terminal', () => {
  it('shows the request (system prompt, maxTokens, schema) and approve sends it to the model (2026-07-28)', async () => {
    const host = startHost('approve', [
      'call',
      'classify',
      '--args',
      TICKET,
      '--offline',
      '--json',
      '--era',
      '2026-07-28',
      '--',
      process.execPath,
      serverBin('classify'),
    ]);
    const screen = await host.waitForScreen('Send this request from mcp-server-classify to offline-extractive-1?');
    expect(screen).toContain('◆ Sampling request 1 · from mcp-server-classify · round 1 · step classify');
    expect(screen).toMatch(/maxTokens {4}145 {3}temperature 0/);
    expect(screen).toContain('JSON Schema  attached: the answer must match it');
    expect(screen).toContain('You classify a text with a fixed set of labels.');
    expect(screen).toContain('I was charged twice for my March invoice.');
    expect(screen).toMatch(/● Approve/);
    host.keys('Enter');
    const { code, json } = await host.finished();
    expect(code).toBe(0);
    expect(json.result?.structuredContent?.provenance).toMatchObject({
      path: 'host',
      models: ['offline-extractive-1'],
      era: '2026-07-28',
    });
    expect(json.transcript.requests[0]).toMatchObject({ key: 'classify', decision: 'approved-by-user' });
  });

  it('deny reaches the server as a decline, and the server answers with its heuristic (2025)', async () => {
    const host = startHost('deny', [
      'call',
      'classify',
      '--args',
      TICKET,
      '--offline',
      '--json',
      '--era',
      'legacy',
      '--',
      process.execPath,
      serverBin('classify'),
    ]);
    await host.waitForScreen('Send this request from mcp-server-classify');
    host.keys('Down', 'Enter');
    const { code, json } = await host.finished();
    expect(code).toBe(0);
    expect(json.transcript.requests[0]).toMatchObject({
      decision: 'denied-by-user',
      outcome: { status: 'declined', reason: 'the user denied it' },
    });
    expect(json.result?.structuredContent?.provenance).toMatchObject({
      path: 'heuristic',
      reason: expect.stringContaining('Sampling request declined: the user denied it.'),
    });
  });

  it('edit changes the last user message before it goes to the model', async () => {
    const prompt = 'The harbour museum reopens on Saturday.';
    const host = startHost('edit', everythingSamples(prompt));
    const screen = await host.waitForScreen('Send this request from mcp-servers/everything');
    expect(screen).toContain('You are a helpful test server.');
    expect(screen).toMatch(/maxTokens {4}60 {3}temperature 0\.7/);
    await appendToLastMessage(host, ' Bring a friend.');
    host.keys('Enter', 'Enter');
    const { code, json } = await host.finished();
    expect(code).toBe(0);
    const [request] = json.transcript.requests;
    expect(request?.decision).toBe('edited-by-user');
    expect(request?.messages).toEqual([
      { role: 'user', text: `Resource trigger-sampling-request context: ${prompt} Bring a friend.` },
    ]);
    expect(json.result?.content[0]?.text).toContain('Bring a friend.');
  });
});

describe.skipIf(!hasTmux)('the prompt as a person uses it', () => {
  /** SGR sequences: colour, bold, dim, strikethrough, reset. */
  const SGR = new RegExp(`${String.fromCharCode(27)}\\[[0-9;]*m`);
  const classify = (era: string) => [
    'call',
    'classify',
    '--args',
    TICKET,
    '--offline',
    '--json',
    '--era',
    era,
    '--',
    process.execPath,
    serverBin('classify'),
  ];

  it('with NO_COLOR, Escape on the approval prompt leaves no colour, dim or strikethrough on screen', async () => {
    const host = startHost('no-color-escape', classify('legacy'), { NO_COLOR: '1' }, { keepScreen: true });
    await host.waitForScreen('Send this request from mcp-server-classify');
    host.keys('Escape');
    const { code, json } = await host.finished();
    const screen = host.screenWithStyles();
    host.keys('Enter');
    expect(code).toBe(0);
    expect(json.transcript.requests[0]).toMatchObject({ decision: 'denied-by-user' });
    expect(screen).toContain('Approve');
    expect(screen).not.toMatch(SGR);
  });

  it('without NO_COLOR the same screen has colours (the check above can fail)', async () => {
    const host = startHost('color-escape', classify('legacy'), {}, { keepScreen: true });
    await host.waitForScreen('Send this request from mcp-server-classify');
    host.keys('Escape');
    await host.finished();
    const screen = host.screenWithStyles();
    host.keys('Enter');
    expect(screen).toContain('Approve');
    expect(screen).toMatch(SGR);
  });

  it('in a 60-column window the card wraps long lines with their indent', async () => {
    const width = 60;
    const host = startHost('narrow', classify('2026-07-28'), { NO_COLOR: '1' }, { width });
    const screen = await host.waitForScreen('Approve');
    host.keys('Enter');
    await host.finished();
    const lines = screen.split('\n');
    const start = lines.findIndex((line) => line.trim() === 'system prompt');
    const end = lines.findIndex((line, index) => index > start && /^ {2}user message/.test(line));
    expect(start).toBeGreaterThan(-1);
    const body = lines.slice(start + 1, end).filter((line) => line.trim() !== '');
    expect(body.length).toBeGreaterThan(1);
    for (const line of body) {
      expect(line).toMatch(/^ {4}\S/);
      expect(line.trimEnd().length).toBeLessThanOrEqual(width);
    }
    expect(body.map((line) => line.trim()).join(' ')).toContain('You classify a text with a fixed set of labels.');
  });

  it('Enter twice sends the edit wherever the cursor is', async () => {
    const prompt = 'The harbour museum reopens on Saturday.';
    const host = startHost('enter-twice-mid-text', everythingSamples(prompt));
    await host.waitForScreen('Send this request from mcp-servers/everything');
    await appendToLastMessage(host, ' Bring a friend.');
    host.keys('Left', 'Left', 'Left', 'Left', 'Left', 'Left', 'Left', 'Left', 'X');
    await host.waitForScreen('Bring aX friend.');
    host.keys('Enter', 'Enter');
    const { code, json } = await host.finished();
    expect(code).toBe(0);
    const [request] = json.transcript.requests;
    expect(request?.decision).toBe('edited-by-user');
    expect(request?.messages).toEqual([
      { role: 'user', text: `Resource trigger-sampling-request context: ${prompt} Bring aX friend.` },
    ]);
  });
});

describe.skipIf(!hasTmux)('the terminal while connecting', () => {
  it('a spinner names the server script (not node) until the connect timeout, then one line remains', async () => {
    const host = startHost(
      'connecting',
      ['list', '--connect-timeout', '3', '--', process.execPath, NEVER_ANSWERS_SERVER],
      {},
      { keepScreen: true },
    );
    await host.waitForScreen('connecting to never-answers.mjs (--era auto)');
    const screen = await host.waitForScreen('did not answer within 3 s');
    host.keys('Enter');
    expect(screen).not.toContain('connecting to');
    expect(screen.trim()).toBe(
      'mcp-sampling-host: never-answers.mjs did not answer within 3 s (--connect-timeout 3): check that it is an MCP server on stdio, or allow it more time',
    );
  });
});
