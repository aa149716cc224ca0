/**
 * `runServerBin`, what every server bin runs: argv and `--help`, `--version`, the configuration
 * checked before anything listens, then MCP for both protocol eras, over stdio by default
 * (`serveStdio` answers 2025 `initialize` and 2026-07-28 `server/discover` alike, through the
 * kit's own stdio transport: line limit from the tools' input limits, bad lines answered, see
 * stdio/stdio-transport.ts) or over Streamable HTTP with `--http` (see http/http-server.ts).
 * stdout carries JSON-RPC only; everything human-readable goes to stderr.
 */
import { parseArgs } from 'node:util';
import type { McpServer } from '@modelcontextprotocol/server';
import { serveStdio } from '@modelcontextprotocol/server/stdio';
import { FALLBACK_OUTCOMES, fallbackPolicyFromEnv, fallbackVariable } from '../answered-by/fallback/policy.js';
import { sampleTimeoutFromEnv } from '../answered-by/host-2025-push/push-sampler.js';
import { providerConcurrencyFromEnv, providerSourceFromEnv } from '../answered-by/provider/provider-sampler.js';
import { configureLogging, logLevelFromEnv } from '../operations/log-settings.js';
import { DEFAULT_PROVIDER_TIMEOUT_MS, environmentHelp, positiveWholeNumberSetting } from '../operator/settings.js';
import { RoundStateSealer } from '../state/round-state.js';
import { type HttpOptions, httpOptionsFromEnv, httpRequested, isLoopbackHost } from './http/http-options.js';
import { LimitedStdioTransport } from './stdio/stdio-transport.js';
import { type StopTelemetry, startRequestedTelemetry } from './telemetry-start.js';

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

const USAGE = `Usage: BIN [--help] [--version] [--fallback ACTIONS] [--fallback-OUTCOME ACTIONS]
           [--provider NAME] [--model ID] [--base-url URL] [--log LEVEL]
           [--http [--port PORT] [--host ADDRESS] [--allow-insecure-bind]]

Options (each sets the environment variable named below, and wins over it):
  --fallback ACTIONS                 MCP_SAMPLING_FALLBACK: actions, in order, when the host's model
                                     cannot do a step: provider, heuristic, delegate, error
  --fallback-no-capability ACTIONS   MCP_SAMPLING_FALLBACK_NO_CAPABILITY (host does not sample)
  --fallback-declined ACTIONS        MCP_SAMPLING_FALLBACK_DECLINED (host or user said no)
  --fallback-failed ACTIONS          MCP_SAMPLING_FALLBACK_FAILED (host error or timeout)
  --fallback-invalid-output ACTIONS  MCP_SAMPLING_FALLBACK_INVALID_OUTPUT (answer invalid after repairs)
  --provider NAME                    MCP_SAMPLING_PROVIDER: anthropic, openai or openai-compatible
  --model ID                         MCP_SAMPLING_MODEL: one model id for every step
  --base-url URL                     MCP_SAMPLING_BASE_URL: endpoint of an OpenAI-compatible server
  --log LEVEL                        MCP_SAMPLING_LOG: off, error, info or debug (default: info with
                                     --http, error on stdio); lines go to stderr
  --http                             MCP_TRANSPORT=http: serve Streamable HTTP at /mcp, not stdio
  --port PORT                        MCP_HTTP_PORT: for --http (default 3000; 0: any free port)
  --host ADDRESS                     MCP_HTTP_HOST: address for --http (default 127.0.0.1)
  --allow-insecure-bind              MCP_HTTP_ALLOW_INSECURE_BIND=1: bind a non-loopback address
                                     without MCP_HTTP_TOKEN (only behind a proxy that authenticates)`;

const ENVIRONMENT_HELP = `${environmentHelp()}
Default fallback: provider (when a key is configured), then the tool's heuristic, then an error;
a declined request is never sent to a provider unless MCP_SAMPLING_FALLBACK_DECLINED says so.`;

/** Bin flags that stand for an environment variable. */
const FLAG_VARIABLES: Record<string, string> = {
  fallback: 'MCP_SAMPLING_FALLBACK',
  ...Object.fromEntries(FALLBACK_OUTCOMES.map((outcome) => [`fallback-${outcome}`, fallbackVariable(outcome)])),
  provider: 'MCP_SAMPLING_PROVIDER',
  model: 'MCP_SAMPLING_MODEL',
  'base-url': 'MCP_SAMPLING_BASE_URL',
  log: 'MCP_SAMPLING_LOG',
  port: 'MCP_HTTP_PORT',
  host: 'MCP_HTTP_HOST',
};

/** Boolean bin flags and the variable and value each stands for. */
const SWITCH_VARIABLES: Record<string, [string, string]> = {
  http: ['MCP_TRANSPORT', 'http'],
  'allow-insecure-bind': ['MCP_HTTP_ALLOW_INSECURE_BIND', '1'],
};

/** Parse argv and serve over stdio or HTTP. Resolves once serving has started (or after printing help). */
export async function runServerBin(spec: BinSpec): Promise<void> {
  let flags: Record<string, string | boolean | undefined>;
  try {
    flags = parseArgs({
      args: spec.argv ?? process.argv.slice(2),
      options: {
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
        ...Object.fromEntries(Object.keys(FLAG_VARIABLES).map((flag) => [flag, { type: 'string' as const }])),
        ...Object.fromEntries(Object.keys(SWITCH_VARIABLES).map((flag) => [flag, { type: 'boolean' as const }])),
      },
      strict: true,
    }).values;
  } catch (error) {
    return usageError(spec, (error as Error).message);
  }
  if (flags.help) {
    process.stdout.write(
      `${spec.bin} ${spec.version}\n\n${spec.summary}\n\n${USAGE.replace('BIN', spec.bin)}\n\n` +
        'Speaks MCP over stdio (protocol 2025-era and 2026-07-28), or with --http over Streamable HTTP at\n' +
        '/mcp (2026-07-28 stateless, 2025-era in sessions) with GET /healthz for load balancers.\n\n' +
        `${ENVIRONMENT_HELP}\n`,
    );
    return;
  }
  if (flags.version) {
    process.stdout.write(`${spec.version}\n`);
    return;
  }
  for (const [flag, variable] of Object.entries(FLAG_VARIABLES)) {
    const value = flags[flag];
    if (typeof value === 'string') process.env[variable] = value;
  }
  for (const [flag, [variable, value]] of Object.entries(SWITCH_VARIABLES)) {
    if (flags[flag] === true) process.env[variable] = value;
  }
  const problem = await configurationProblem();
  if (problem !== undefined) return usageError(spec, problem);

  let http: HttpOptions | undefined;
  try {
    http = httpRequested() ? httpOptionsFromEnv() : undefined;
  } catch (error) {
    // One line: an unsafe or broken HTTP setting is refused before anything listens.
    process.stderr.write(`${spec.bin}: ${(error as Error).message}\n`);
    process.exitCode = 2;
    return;
  }
  // Checked above: a service logs each call, while a host shows a stdio server's stderr to its user.
  configureLogging({ level: logLevelFromEnv(http === undefined ? 'error' : 'info') });
  let stopTelemetry: StopTelemetry;
  try {
    stopTelemetry = await startRequestedTelemetry(spec.bin, spec.version);
  } catch (error) {
    return usageError(spec, (error as Error).message);
  }
  if (http !== undefined) return serveHttp(spec, http, stopTelemetry);

  const handle = serveStdio(() => spec.buildServer(), {
    transport: new LimitedStdioTransport({ report: (problem) => process.stderr.write(`${spec.bin}: ${problem}\n`) }),
    onerror: (error) => process.stderr.write(`${spec.bin}: ${error.message}\n`),
  });
  const shutdown = () => {
    void handle
      .close()
      .finally(stopTelemetry)
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
  process.stdin.once('end', shutdown);
  process.stderr.write(`${spec.bin} ${spec.version} ready on stdio\n`);
}

/** Serve over HTTP until SIGTERM or SIGINT, then drain, flush telemetry and exit 0. */
async function serveHttp(spec: BinSpec, options: HttpOptions, stopTelemetry: StopTelemetry): Promise<void> {
  const log = (line: string) => process.stderr.write(`${spec.bin}: ${line}\n`);
  // Loaded only here: the HTTP adapter adds about a tenth of a second to every stdio start.
  const { startHttpServer } = await import('./http/http-server.js');
  let handle: Awaited<ReturnType<typeof startHttpServer>>;
  try {
    handle = await startHttpServer(() => spec.buildServer(), options, log);
  } catch (error) {
    log(`cannot listen on ${options.host}:${options.port}: ${(error as Error).message}`);
    process.exitCode = 1;
    return;
  }
  if (!isLoopbackHost(options.host) && options.token === undefined) {
    log(
      `INSECURE: serving ${handle.url} without a bearer token (--allow-insecure-bind); anyone who can reach it can call the tools.`,
    );
  }
  const shutdown = (signal: string) => {
    log(`${signal}: draining (up to ${options.drainSeconds} s), then exiting`);
    void handle
      .close()
      .finally(stopTelemetry)
      .finally(() => process.exit(0));
  };
  process.once('SIGINT', () => shutdown('SIGINT'));
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  const replica = options.replica === undefined ? '' : ` (replica ${options.replica})`;
  process.stderr.write(`${spec.bin} ${spec.version} ready on ${handle.url}${replica}\n`);
}

function usageError(spec: BinSpec, message: string): void {
  process.stderr.write(`${spec.bin}: ${message}\nTry '${spec.bin} --help'.\n`);
  process.exitCode = 2;
}

/** Any setting the operator configured wrong (time limits, concurrency, log level, state key or lifetime, fallback, provider), found before serving starts. */
async function configurationProblem(): Promise<string | undefined> {
  try {
    sampleTimeoutFromEnv();
    providerConcurrencyFromEnv();
    // Checked here too, because the providers package reads it only once a step falls back.
    positiveWholeNumberSetting('MCP_SAMPLING_PROVIDER_TIMEOUT_MS', DEFAULT_PROVIDER_TIMEOUT_MS);
    logLevelFromEnv('error');
    new RoundStateSealer();
    fallbackPolicyFromEnv();
    const provider = providerSourceFromEnv();
    if (provider.configured) await provider.get();
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}
