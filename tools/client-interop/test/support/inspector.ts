/**
 * MCP Inspector's CLI (`mcp-inspector --cli`), run as a user runs it: its own bin file under this
 * Node, never through npx or the network, against a server bin over stdio. One run is one method.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { runBounded } from './bounded-process.js';
import { cleanEnv } from './clean-env.js';

/** The Inspector's `--protocol-era` values these tests use. */
export type InspectorEra = 'legacy' | 'modern';

/**
 * What one Inspector run printed with `--format json`: the `{ result }` object on stdout, the
 * `{ error }` envelope on stderr (a tool's `isError` gives both, and exit code 5).
 */
export interface InspectorRun {
  code: number | null;
  result?: Record<string, unknown>;
  error?: { code: string; message: string };
  stderr: string;
}

const require = createRequire(import.meta.url);

/** The `mcp-inspector` bin file of the installed Inspector. */
export function inspectorBin(): string {
  const manifestPath = require.resolve('@modelcontextprotocol/inspector/package.json');
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const bin = manifest.bin['mcp-inspector'];
  if (bin === undefined) throw new Error('@modelcontextprotocol/inspector has no mcp-inspector bin');
  return join(dirname(manifestPath), bin);
}

/**
 * A throwaway home for the Inspector, which keeps a catalog and storage under `~/.mcp-inspector`;
 * `dispose` removes it.
 */
export function throwawayHome(): { home: string; dispose: () => void } {
  const home = mkdtempSync(join(tmpdir(), 'client-interop-home-'));
  return { home, dispose: () => rmSync(home, { recursive: true, force: true }) };
}

/** Runs `mcp-inspector --cli --format json --protocol-era <era> node <serverBin> <methodArgs…>`. */
export async function runInspector(options: {
  era: InspectorEra;
  serverBin: string;
  methodArgs: readonly string[];
  home: string;
}): Promise<InspectorRun> {
  const args = [
    inspectorBin(),
    '--cli',
    '--format',
    'json',
    '--protocol-era',
    options.era,
    process.execPath,
    options.serverBin,
    ...options.methodArgs,
  ];
  const finished = await runBounded(process.execPath, args, cleanEnv(process.env, { HOME: options.home }));
  const result = jsonLine(finished.stdout, '{"result":') as { result: Record<string, unknown> } | undefined;
  const error = jsonLine(finished.stderr, '{"error":') as { error: InspectorRun['error'] } | undefined;
  if (result === undefined && error === undefined) {
    throw new Error(
      `the Inspector printed neither a result nor an error (exit ${finished.code}, signal ${finished.signal});\nstdout:\n${finished.stdout}\nstderr:\n${finished.stderr}`,
    );
  }
  return { code: finished.code, result: result?.result, error: error?.error, stderr: finished.stderr };
}

/** The first line of `text` that starts with `prefix`, parsed as JSON. */
function jsonLine(text: string, prefix: string): unknown {
  const line = text.split('\n').find((candidate) => candidate.startsWith(prefix));
  return line === undefined ? undefined : JSON.parse(line);
}
