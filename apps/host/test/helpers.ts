/** Running the built host bin (and the servers it talks to) as real processes. */
import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';
import { serverBinPath } from '../src/commands/demo-cases.js';
import type { SamplingRecord } from '../src/transcript.js';

export const HOST_BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));
export const DYING_SERVER = fileURLToPath(new URL('./fixtures/dying-server.mjs', import.meta.url));
export const NEVER_ANSWERS_SERVER = fileURLToPath(new URL('./fixtures/never-answers.mjs', import.meta.url));
export const NO_TOOLS_SERVER = fileURLToPath(new URL('./fixtures/no-tools-server.mjs', import.meta.url));
export const LONG_LINE_SERVER = fileURLToPath(new URL('./fixtures/long-line-server.mjs', import.meta.url));

/** The built bin of one of this repository's servers. */
export const serverBin = (name: 'summarise' | 'classify' | 'route' | 'draft') => serverBinPath(`@mcp-sampling/server-${name}`);

/** The third-party everything server's entry (it takes the transport as its first argument). */
export const EVERYTHING_BIN = createRequire(import.meta.url).resolve('@modelcontextprotocol/server-everything/dist/index.js');

/** How long a process or a screen may take before a test calls it hung. */
export const HANG_MS = 240_000;

/** The `--era` value for each era a test runs in. */
export const ERA_FLAGS = { '2025': 'legacy', '2026-07-28': '2026-07-28' } as const;

/** What a finished host process left behind. */
export interface HostRun {
  code: number | null;
  stdout: string;
  stderr: string;
}

/**
 * Run the host bin with `args`; resolves when it exits. It is killed only if it hangs (after
 * `timeoutMs`, default 4 minutes): a slow machine must not fail a test.
 */
export function runHost(args: string[], options: { env?: Record<string, string>; timeoutMs?: number } = {}): Promise<HostRun> {
  return new Promise((resolve, reject) => {
    const env: NodeJS.ProcessEnv = { ...process.env, NO_COLOR: '1', ...options.env };
    for (const variable of ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY', 'MCP_SAMPLING_PROVIDER', 'FORCE_COLOR']) {
      if (!options.env || !(variable in options.env)) delete env[variable];
    }
    const child = spawn(process.execPath, [HOST_BIN, ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => child.kill('SIGKILL'), options.timeoutMs ?? HANG_MS);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

/** `call` through the bin with `--json`, returning the parsed document too. */
export async function callJson(
  tool: string,
  args: unknown,
  server: string[],
  flags: string[],
  env?: Record<string, string>,
): Promise<HostRun & { json: CallDocument }> {
  const run = await runHost(
    ['call', tool, '--args', JSON.stringify(args), '--json', '--offline', ...flags, '--', ...server],
    env ? { env } : {},
  );
  let json: CallDocument;
  try {
    json = JSON.parse(run.stdout) as CallDocument;
  } catch {
    throw new Error(`the host printed no JSON (exit ${run.code}): ${run.stderr}`);
  }
  return { ...run, json };
}

/** The `--json` document of `call`. */
export interface CallDocument {
  server: { name: string; version: string };
  era: string;
  tool: string;
  result: {
    isError?: boolean;
    content: Array<{ type: string; text: string }>;
    structuredContent?: Record<string, unknown> & {
      provenance?: { path: string; models: string[]; era: string; rounds: number; samples: number; reason?: string };
    };
  } | null;
  error?: string;
  transcript: { rounds: number; requests: SamplingRecord[] };
}

/** The step keys of one round, sorted. */
export function keysInRound(document: CallDocument, round: number): string[] {
  return document.transcript.requests
    .filter((request) => request.round === round)
    .map((request) => request.key ?? '')
    .sort();
}

/** stderr is exactly one line, with no stack trace. */
export function expectOneLine(stderr: string): string {
  const lines = stderr.split('\n').filter((line) => line !== '');
  if (lines.length !== 1) throw new Error(`expected one line on stderr, got ${lines.length}:\n${stderr}`);
  if (/^\s+at /m.test(stderr)) throw new Error(`stack trace on stderr:\n${stderr}`);
  return lines[0] as string;
}
