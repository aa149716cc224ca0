/**
 * Every variable a built bin reads is declared: the bundled code (`dist/bin.js` and its chunks, the
 * code npm users run, the AI SDK inlined) names no `MCP_SAMPLING_*`, `MCP_HTTP_*`, `MCP_TRANSPORT`, `ANTHROPIC_*` or `OPENAI_*` variable that the one
 * list behind `--help`, server.json, the manifest and the README leaves out.
 */
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SERVER_VARIABLES } from '../src/environment.js';
import { builtBin } from '../src/list-tools.js';
import { allServers } from '../src/servers.js';

const DECLARED = SERVER_VARIABLES.map((variable) => variable.name);

/**
 * Names in the inlined AI SDK that no server reads: Anthropic's URL constants, and the SDK's
 * fallbacks for a `baseURL` option, which the providers package always passes (endpoints.ts).
 */
const AI_SDK_ONLY = ['ANTHROPIC_API_URL', 'ANTHROPIC_API_VERSIONED_URL', 'ANTHROPIC_BASE_URL', 'OPENAI_BASE_URL'];

/** Names in `code` that look like a variable of ours, e.g. `process.env.MCP_SAMPLING_X`, `env['OPENAI_API_KEY']` or a literal. */
function variableNamesIn(code: string): string[] {
  return [...new Set(code.match(/\b(?:MCP_SAMPLING_|MCP_HTTP_|MCP_TRANSPORT|ANTHROPIC_|OPENAI_)[A-Z0-9_]*/g) ?? [])].sort();
}

/**
 * The names in `found` nothing declared accounts for. A name ending in `_` is a prefix the code
 * completes at run time (`MCP_SAMPLING_FALLBACK_${outcome}`): declared when some variable starts with it.
 */
function undeclared(found: string[], declared: readonly string[]): string[] {
  return found.filter((name) =>
    name.endsWith('_') ? !declared.some((variable) => variable.startsWith(name)) : !declared.includes(name),
  );
}

describe('variableNamesIn and undeclared', () => {
  it('find a variable read in any spelling, and only an unknown one is undeclared', () => {
    const code =
      "const a = process.env.MCP_SAMPLING_TIMEOUT_MS; const b = env['OPENAI_API_KEY']; const c = env.ANTHROPIC_BASE_URL;" +
      ' const d = `MCP_SAMPLING_FALLBACK_$' +
      '{x}`; const e = "MCP_SAMPLING_SECRET_MODE";';
    const found = variableNamesIn(code);
    expect(found).toEqual([
      'ANTHROPIC_BASE_URL',
      'MCP_SAMPLING_FALLBACK_',
      'MCP_SAMPLING_SECRET_MODE',
      'MCP_SAMPLING_TIMEOUT_MS',
      'OPENAI_API_KEY',
    ]);
    expect(undeclared(found, DECLARED)).toEqual(['ANTHROPIC_BASE_URL', 'MCP_SAMPLING_SECRET_MODE']);
  });
});

describe.each(allServers().map((server) => [server.name, server] as const))('the %s bundle', (_, server) => {
  it('reads no variable the documentation does not list', () => {
    const bin = builtBin(server);
    const chunks = path.join(path.dirname(bin), 'chunks');
    const files = [bin, ...readdirSync(chunks).map((file) => path.join(chunks, file))];
    const found = variableNamesIn(files.map((file) => readFileSync(file, 'utf8')).join('\n'));
    expect(found).toContain('MCP_SAMPLING_PROVIDER_CONCURRENCY');
    expect(found).toContain('MCP_HTTP_SESSION_IDLE_SECONDS');
    expect(found).toEqual(expect.arrayContaining(AI_SDK_ONLY));
    expect(undeclared(found, [...DECLARED, ...AI_SDK_ONLY])).toEqual([]);
  });
});
