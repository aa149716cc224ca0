/**
 * The entry every server bin uses: `--help`, `--version`, then MCP over stdio for both protocol
 * eras (`serveStdio` answers 2025 `initialize` and 2026-07-28 `server/discover` alike).
 * stdout carries JSON-RPC only; everything human-readable goes to stderr.
 */
import { parseArgs } from 'node:util';
import type { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';

/** What a bin tells the entry about itself. */
export interface BinSpec {
  /** Command name, e.g. `mcp-server-summarise`. */
  bin: string;
  version: string;
  /** One paragraph for `--help`. */
  summary: string;
  /** Builds a fresh server; called once per connection (and once per discarded era probe). */
  buildServer: () => McpServer;
  /** Defaults to `process.argv.slice(2)`. */
  argv?: string[];
}

const ENVIRONMENT_HELP = `Environment:
  MCP_SAMPLING_TIMEOUT_MS         time a 2025-era host gets per sampling request (default 300000)
  MCP_SAMPLING_STATE_KEY          HMAC key (>= 32 bytes) for 2026-07-28 round state; share it between
                                  replicas that serve one flow (default: random per process)
  MCP_SAMPLING_STATE_TTL_SECONDS  how long round state stays valid (default 1800)`;

/** Parse argv and serve over stdio. Resolves once serving has started (or after printing help). */
export async function runServerBin(spec: BinSpec): Promise<void> {
  let flags: { help?: boolean; version?: boolean };
  try {
    flags = parseArgs({
      args: spec.argv ?? process.argv.slice(2),
      options: { help: { type: 'boolean', short: 'h' }, version: { type: 'boolean', short: 'v' } },
      strict: true,
    }).values;
  } catch (error) {
    process.stderr.write(`${spec.bin}: ${(error as Error).message}\nTry '${spec.bin} --help'.\n`);
    process.exitCode = 2;
    return;
  }
  if (flags.help) {
    process.stdout.write(
      `${spec.bin} ${spec.version}\n\n${spec.summary}\n\nUsage: ${spec.bin} [--help] [--version]\n\n` +
        `Speaks MCP over stdio (protocol 2025-era and 2026-07-28).\n\n${ENVIRONMENT_HELP}\n`,
    );
    return;
  }
  if (flags.version) {
    process.stdout.write(`${spec.version}\n`);
    return;
  }

  const handle = serveStdio(() => spec.buildServer(), {
    onerror: (error) => process.stderr.write(`${spec.bin}: ${error.message}\n`),
  });
  const shutdown = () => {
    void handle.close().finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.stdin.once('end', shutdown);
  process.stderr.write(`${spec.bin} ${spec.version} ready on stdio\n`);
}
