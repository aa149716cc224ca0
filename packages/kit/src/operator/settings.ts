/**
 * Every environment variable a server bin reads, in one list: the kit's own settings, the ones
 * the providers package reads when a step falls back to a provider, and the standard `OTEL_*` ones
 * that turn OpenTelemetry export on and shape it (serving/telemetry-start.ts and the telemetry
 * package; the SDK reads a few more itself, such as timeouts). `--help` is rendered from it,
 * and the install kit generates the registry's `server.json`, the bundle manifest and the README
 * tables from it, so nothing a bin reads goes undocumented.
 */

/** One variable, as `--help`, the registry and the README describe it. */
export interface ServerSetting {
  name: string;
  /** One sentence: what it does, and its default. */
  description: string;
  /** A key or other secret: hosts store it as one and never show it. */
  secret: boolean;
  format: 'string' | 'number';
  /** The value used when the variable is unset, for variables with a plain default. */
  default?: string;
  /**
   * Read only when serving Streamable HTTP (`--http`): meaningless for a stdio-only install such as
   * a Claude Desktop bundle, which leaves these out.
   */
  httpOnly?: true;
}

/** Actions the fallback policy takes, for the descriptions below. */
const ACTIONS = 'comma-separated actions from provider, heuristic, delegate, error, in order';

/** A tier variable's description. */
const tierModel = (tier: string, steps: string): string =>
  `Model id for the ${tier} steps (${steps}) on the fallback provider; wins over MCP_SAMPLING_MODEL (default: the provider’s ${tier} model).`;

/**
 * The HTTP settings' defaults, restated from serving/http/http-options.ts so this list stays free of
 * imports (a test keeps the two equal).
 */
const HTTP = { port: 3000, host: '127.0.0.1', maxSessions: 100, idleSeconds: 900, drainSeconds: 30 } as const;

/** Default of `MCP_SAMPLING_PROVIDER_CONCURRENCY`. */
export const DEFAULT_PROVIDER_CONCURRENCY = 8;

/**
 * Default of `MCP_SAMPLING_PROVIDER_TIMEOUT_MS`: the providers package's own default, restated so
 * that `--help` and the start-up check need not load that package (a test keeps the two equal).
 */
export const DEFAULT_PROVIDER_TIMEOUT_MS = 60_000;

/** Every variable a server bin reads. All are optional. */
export const SERVER_SETTINGS: readonly ServerSetting[] = [
  {
    name: 'ANTHROPIC_API_KEY',
    description: "Anthropic API key for the fallback provider, used only when the host's model cannot do a step.",
    secret: true,
    format: 'string',
  },
  {
    name: 'OPENAI_API_KEY',
    description: "OpenAI API key for the fallback provider, used only when the host's model cannot do a step.",
    secret: true,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_PROVIDER',
    description: 'Fallback provider: anthropic, openai or openai-compatible (default: chosen from the key that is set).',
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_MODEL',
    description: 'One model id for every fallback step (default: the provider model for each step’s preset).',
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_MODEL_FAST',
    description: tierModel('fast', 'classify, route, outlines'),
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_MODEL_BALANCED',
    description: tierModel('balanced', 'summaries'),
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_MODEL_SMART',
    description: tierModel('smart', 'drafting'),
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_BASE_URL',
    description: 'Endpoint of an OpenAI-compatible server (Ollama, LM Studio, vLLM), e.g. http://localhost:11434/v1.',
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_API_KEY',
    description: 'Key for the OpenAI-compatible endpoint, if it needs one.',
    secret: true,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_PROVIDER_TIMEOUT_MS',
    description: `Milliseconds the fallback provider gets per attempt, a positive whole number (default ${DEFAULT_PROVIDER_TIMEOUT_MS}).`,
    secret: false,
    format: 'number',
    default: String(DEFAULT_PROVIDER_TIMEOUT_MS),
  },
  {
    name: 'MCP_SAMPLING_PROVIDER_CONCURRENCY',
    description: `Fallback steps in flight to the provider at once across the process, a positive whole number (default ${DEFAULT_PROVIDER_CONCURRENCY}).`,
    secret: false,
    format: 'number',
    default: String(DEFAULT_PROVIDER_CONCURRENCY),
  },
  {
    name: 'MCP_SAMPLING_FALLBACK',
    description: `What to do when the host's model cannot do a step: ${ACTIONS} (default: provider,heuristic,error, but a decline only heuristic,error).`,
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_FALLBACK_NO_CAPABILITY',
    description: `Actions when the host does not sample at all: ${ACTIONS} (default: provider,heuristic,error).`,
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_FALLBACK_DECLINED',
    description: `Actions when the host or its user declines a request: ${ACTIONS} (default: heuristic,error).`,
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_FALLBACK_FAILED',
    description: `Actions when the host fails or times out: ${ACTIONS} (default: provider,heuristic,error).`,
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_FALLBACK_INVALID_OUTPUT',
    description: `Actions when the model's answer stays invalid after repairs: ${ACTIONS} (default: provider,heuristic,error).`,
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_TIMEOUT_MS',
    description: 'Milliseconds a 2025-era host gets to answer one sampling request (default 300000).',
    secret: false,
    format: 'number',
    default: '300000',
  },
  {
    name: 'MCP_SAMPLING_STATE_KEY',
    description: 'HMAC key (at least 32 bytes) for 2026-07-28 round state, shared by replicas (default: random per process).',
    secret: true,
    format: 'string',
  },
  {
    name: 'MCP_SAMPLING_STATE_TTL_SECONDS',
    description: 'How long 2026-07-28 round state stays valid, in seconds (default 1800).',
    secret: false,
    format: 'number',
    default: '1800',
  },
  {
    name: 'MCP_SAMPLING_LOG',
    description:
      'Log on stderr: off, error, info (a line per tool call) or debug (each round and step too); never text or keys (default: info with --http, else error).',
    secret: false,
    format: 'string',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_ENDPOINT',
    description:
      'OpenTelemetry collector base URL, e.g. http://localhost:4318: traces and metrics go there over OTLP/HTTP (default: no export).',
    secret: false,
    format: 'string',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_TRACES_ENDPOINT',
    description: 'Full URL for traces only, e.g. http://localhost:4318/v1/traces; wins over OTEL_EXPORTER_OTLP_ENDPOINT.',
    secret: false,
    format: 'string',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_METRICS_ENDPOINT',
    description: 'Full URL for metrics only, e.g. http://localhost:4318/v1/metrics; wins over OTEL_EXPORTER_OTLP_ENDPOINT.',
    secret: false,
    format: 'string',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_HEADERS',
    description: 'Headers sent to the collector, e.g. authorization=Bearer%20token (comma-separated key=value pairs).',
    secret: true,
    format: 'string',
  },
  {
    name: 'OTEL_EXPORTER_OTLP_PROTOCOL',
    description: 'http/json or http/protobuf, both sent as OTLP/HTTP JSON; grpc is refused (default http/json).',
    secret: false,
    format: 'string',
  },
  {
    name: 'OTEL_TRACES_EXPORTER',
    description:
      'otlp or none: none exports no traces; otlp turns export on even without an endpoint (to http://localhost:4318).',
    secret: false,
    format: 'string',
  },
  {
    name: 'OTEL_METRICS_EXPORTER',
    description:
      'otlp or none: none exports no metrics; otlp turns export on even without an endpoint (to http://localhost:4318).',
    secret: false,
    format: 'string',
  },
  {
    name: 'OTEL_METRIC_EXPORT_INTERVAL',
    description: 'Milliseconds between metric exports while telemetry is on (default 60000).',
    secret: false,
    format: 'number',
    default: '60000',
  },
  {
    name: 'OTEL_SERVICE_NAME',
    description: 'service.name of the exported traces and metrics (default: the bin’s name, e.g. mcp-server-summarise).',
    secret: false,
    format: 'string',
  },
  {
    name: 'OTEL_RESOURCE_ATTRIBUTES',
    description: 'More resource attributes for traces and metrics, e.g. deployment.environment.name=staging.',
    secret: false,
    format: 'string',
  },
  {
    name: 'OTEL_LOG_LEVEL',
    description: 'What the OpenTelemetry SDK itself reports on stderr: none, error, warn, info, debug (default warn).',
    secret: false,
    format: 'string',
  },
  {
    name: 'OTEL_SDK_DISABLED',
    description: 'Set to true to export nothing and load none of the OpenTelemetry SDK, whatever else is set.',
    secret: false,
    format: 'string',
  },
  {
    name: 'MCP_TRANSPORT',
    description: 'stdio (default) or http: http serves Streamable HTTP at /mcp, as --http does.',
    secret: false,
    format: 'string',
    default: 'stdio',
    httpOnly: true,
  },
  {
    name: 'MCP_HTTP_PORT',
    description: `Port for HTTP serving; 0 picks any free port, named in the ready line (default ${HTTP.port}).`,
    secret: false,
    format: 'number',
    default: String(HTTP.port),
    httpOnly: true,
  },
  {
    name: 'MCP_HTTP_HOST',
    description: `Address for HTTP serving; a non-loopback one needs MCP_HTTP_TOKEN or MCP_HTTP_ALLOW_INSECURE_BIND=1 (default ${HTTP.host}).`,
    secret: false,
    format: 'string',
    default: HTTP.host,
    httpOnly: true,
  },
  {
    name: 'MCP_HTTP_ALLOW_INSECURE_BIND',
    description: 'Set to 1 to bind a non-loopback address without a token, only behind something that authenticates.',
    secret: false,
    format: 'string',
    httpOnly: true,
  },
  {
    name: 'MCP_HTTP_TOKEN',
    description: 'Static bearer token (at least 16 characters) every /mcp request must send as Authorization: Bearer.',
    secret: true,
    format: 'string',
    httpOnly: true,
  },
  {
    name: 'MCP_HTTP_ALLOWED_HOSTS',
    description:
      'Comma-separated extra Host values allowed, e.g. mcp.example.com,mcp.example.com:8443 (loopback names always are).',
    secret: false,
    format: 'string',
    httpOnly: true,
  },
  {
    name: 'MCP_HTTP_ALLOWED_ORIGINS',
    description:
      'Comma-separated Origins allowed, e.g. https://app.example.com (loopback origins and requests without one always are).',
    secret: false,
    format: 'string',
    httpOnly: true,
  },
  {
    name: 'MCP_HTTP_MAX_SESSIONS',
    description: `2025-era HTTP sessions held at once; past it a new one gets 503 (default ${HTTP.maxSessions}).`,
    secret: false,
    format: 'number',
    default: String(HTTP.maxSessions),
    httpOnly: true,
  },
  {
    name: 'MCP_HTTP_SESSION_IDLE_SECONDS',
    description: `A 2025-era HTTP session with no request for this many seconds is closed (default ${HTTP.idleSeconds}).`,
    secret: false,
    format: 'number',
    default: String(HTTP.idleSeconds),
    httpOnly: true,
  },
  {
    name: 'MCP_HTTP_DRAIN_SECONDS',
    description: `Seconds SIGTERM waits for in-flight HTTP requests before exiting (default ${HTTP.drainSeconds}).`,
    secret: false,
    format: 'number',
    default: String(HTTP.drainSeconds),
    httpOnly: true,
  },
  {
    name: 'MCP_HTTP_REPLICA',
    description: 'A name for this process: sent as the Mcp-Replica header on every HTTP response and in the ready line.',
    secret: false,
    format: 'string',
    httpOnly: true,
  },
];

/**
 * A positive whole number from `env[name]`, or `fallback` when it is unset or empty. Throws a
 * `RangeError` naming the variable and an example when it is anything else.
 */
export function positiveWholeNumberSetting(name: string, fallback: number, env: NodeJS.ProcessEnv = process.env): number {
  const raw = env[name]?.trim();
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(value) || value <= 0) {
    throw new RangeError(`${name} must be a positive whole number (got ${raw.slice(0, 40)}): set it like ${fallback}.`);
  }
  return value;
}

/** Width of the name column in `--help`. */
const NAME_COLUMN = 37;
/** Width `--help` wraps descriptions at. */
const HELP_WIDTH = 100;

/** The "Environment:" part of `--help`: every setting, name then description, wrapped. */
export function environmentHelp(settings: readonly ServerSetting[] = SERVER_SETTINGS): string {
  const lines = ['Environment (all optional; empty counts as unset):'];
  for (const setting of settings) {
    const words = setting.description.split(' ');
    // At least one space between name and description; a longer name gets a line of its own.
    let line = `  ${setting.name} `.padEnd(NAME_COLUMN);
    if (line.length > NAME_COLUMN) {
      lines.push(line.trimEnd());
      line = ' '.repeat(NAME_COLUMN);
    }
    let empty = true;
    for (const word of words) {
      if (!empty && line.length + 1 + word.length > HELP_WIDTH) {
        lines.push(line);
        line = ' '.repeat(NAME_COLUMN);
        empty = true;
      }
      line += empty ? word : ` ${word}`;
      empty = false;
    }
    lines.push(line);
  }
  return lines.join('\n');
}
