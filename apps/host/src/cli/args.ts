/**
 * The command line: `<command> [positionals] [flags] [-- server command...]`, parsed with
 * node:util `parseArgs`. Everything after the first `--` is the server command, untouched. Every
 * problem is a usage error (exit code 2) with a one-line message.
 */
import { parseArgs } from 'node:util';
import { APPROVAL_MODES, type ApprovalMode } from '../approval.js';
import { ERA_OPTIONS, type EraOption } from '../connect.js';
import { usageError } from '../errors.js';
import { type ServerTarget, serverEnvironment } from '../server-target.js';
import { parseHeaders } from './headers.js';

/** The commands. */
export type Command = 'list' | 'call' | 'demo';

const COMMANDS: readonly Command[] = ['list', 'call', 'demo'];

/** How `demo` reaches the servers it starts. */
export type DemoTransport = 'stdio' | 'http';

const DEMO_TRANSPORTS: readonly DemoTransport[] = ['stdio', 'http'];

/** Everything the command line says. */
export interface CliOptions {
  command: Command;
  /** `call` only. */
  tool: string | undefined;
  /** `call` only: the parsed `--args`. */
  toolArgs: Record<string, unknown>;
  /** `list` and `call`. */
  target: ServerTarget | undefined;
  /** `demo` only: spawn the servers on stdio, or start them with `--http` and connect to their URLs. */
  transport: DemoTransport;
  /** `both` only for `demo`. */
  era: EraOption | 'both';
  approve: ApprovalMode | undefined;
  maxTokensPerRequest: number | undefined;
  budget: number | undefined;
  offline: boolean;
  provider: string | undefined;
  model: string | undefined;
  baseUrl: string | undefined;
  json: boolean;
  /** `call` only: record the call's spans and print them as a timeline (in the JSON document with `--json`). */
  trace: boolean;
  verbose: boolean;
  quiet: boolean;
  /** How long to wait for a server's handshake, and where that came from (for the message). */
  connectTimeout: { ms: number; source: string };
}

/** The connect timeout when neither `--connect-timeout` nor its variable is set. */
export const DEFAULT_CONNECT_TIMEOUT_SECONDS = 30;

/** The environment variable that sets the connect timeout (the flag wins). */
export const CONNECT_TIMEOUT_VARIABLE = 'MCP_SAMPLING_HOST_CONNECT_TIMEOUT';

/** What to do. */
export type ParsedCommandLine =
  | { kind: 'help'; command: Command | undefined }
  | { kind: 'version' }
  | { kind: 'run'; options: CliOptions };

const FLAGS = {
  url: { type: 'string' },
  header: { type: 'string', multiple: true },
  transport: { type: 'string' },
  era: { type: 'string' },
  'connect-timeout': { type: 'string' },
  env: { type: 'string', multiple: true },
  approve: { type: 'string' },
  'max-tokens-per-request': { type: 'string' },
  budget: { type: 'string' },
  provider: { type: 'string' },
  model: { type: 'string' },
  'base-url': { type: 'string' },
  offline: { type: 'boolean' },
  args: { type: 'string' },
  json: { type: 'boolean' },
  trace: { type: 'boolean' },
  verbose: { type: 'boolean' },
  quiet: { type: 'boolean' },
  help: { type: 'boolean', short: 'h' },
  version: { type: 'boolean', short: 'v' },
} as const;

/** Parse `argv` (without node and the script). `env` is the environment a spawned server inherits from. */
export function parseCommandLine(argv: string[], env: NodeJS.ProcessEnv = process.env): ParsedCommandLine {
  const separator = argv.indexOf('--');
  const own = separator === -1 ? argv : argv.slice(0, separator);
  const serverCommand = separator === -1 ? undefined : argv.slice(separator + 1);

  let parsed: ReturnType<typeof parseArgs<{ options: typeof FLAGS; allowPositionals: true; strict: true }>>;
  try {
    parsed = parseArgs({ args: own, options: FLAGS, allowPositionals: true, strict: true });
  } catch (error) {
    throw usageError(parseArgsMessage(error));
  }
  const { values, positionals } = parsed;
  const [commandName, ...rest] = positionals;
  if (values.help) return { kind: 'help', command: COMMANDS.find((known) => known === commandName) };
  if (values.version) return { kind: 'version' };

  if (commandName === undefined) throw usageError(`missing command: use ${COMMANDS.join(', ')}`);
  const command = COMMANDS.find((known) => known === commandName);
  if (command === undefined) {
    const guess = closestCommand(commandName);
    throw usageError(
      `unknown command '${commandName}': ${guess === undefined ? '' : `did you mean '${guess}'? `}use ${COMMANDS.join(', ')}`,
    );
  }

  const tool = command === 'call' ? rest.shift() : undefined;
  if (command === 'call' && tool === undefined) throw usageError("call needs a tool name: call <tool> --args '{...}'");
  if (rest.length > 0) throw usageError(`unexpected argument '${rest[0]}' (a server command goes after --)`);
  if (values.args !== undefined && command !== 'call') throw usageError('--args belongs to call');
  if (values.trace && command !== 'call') throw usageError('--trace belongs to call');
  if (values.quiet && values.verbose) throw usageError('--quiet and --verbose cannot be combined');

  const extraEnv = parseEnv(values.env ?? []);
  const headers = parseHeaders(values.header ?? []);
  const target = command === 'demo' ? undefined : parseTarget(command, values.url, serverCommand, env, extraEnv, headers);
  if (values.header !== undefined && target?.kind !== 'http') throw usageError('--header applies to a server given with --url');
  if (values.transport !== undefined && command !== 'demo')
    throw usageError(`--transport belongs to demo; ${command} takes --url for a server over HTTP`);
  if (command === 'demo' && (values.url !== undefined || serverCommand !== undefined)) {
    throw usageError('demo runs the servers of this repository itself: drop --url and the command after --');
  }
  if (values.env !== undefined && target?.kind !== 'stdio')
    throw usageError('--env applies to a server started with a command after --');
  // The demo spends nothing unless asked: it answers with the offline model unless --provider is given.
  const demoOffline = command === 'demo' && values.provider === undefined;
  if (demoOffline && (values.model !== undefined || values['base-url'] !== undefined)) {
    throw usageError('demo answers with the offline model unless --provider is given: add --provider');
  }

  return {
    kind: 'run',
    options: {
      command,
      tool,
      toolArgs: values.args === undefined ? {} : parseToolArgs(values.args),
      target,
      transport: parseChoice('--transport', values.transport, DEMO_TRANSPORTS) ?? 'stdio',
      era: parseEra(values.era, command),
      approve: parseChoice('--approve', values.approve, APPROVAL_MODES),
      maxTokensPerRequest: parsePositiveInteger('--max-tokens-per-request', values['max-tokens-per-request']),
      budget: parsePositiveInteger('--budget', values.budget),
      offline: values.offline ?? demoOffline,
      provider: values.provider,
      model: values.model,
      baseUrl: values['base-url'],
      json: values.json ?? false,
      trace: values.trace ?? false,
      verbose: values.verbose ?? false,
      quiet: values.quiet ?? false,
      connectTimeout: parseConnectTimeout(values['connect-timeout'], env[CONNECT_TIMEOUT_VARIABLE]),
    },
  };
}

function parseTarget(
  command: Command,
  url: string | undefined,
  serverCommand: string[] | undefined,
  env: NodeJS.ProcessEnv,
  extraEnv: Record<string, string>,
  headers: Record<string, string>,
): ServerTarget {
  if (url !== undefined && serverCommand !== undefined) throw usageError('give either --url or a command after --, not both');
  if (url !== undefined) {
    let parsed: URL;
    try {
      parsed = new URL(url);
    } catch {
      throw usageError(`--url '${url}' is not a URL: use e.g. http://127.0.0.1:3000/mcp`);
    }
    if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:')
      throw usageError(`--url must be http or https (got ${parsed.protocol})`);
    return { kind: 'http', url: parsed, ...(Object.keys(headers).length > 0 && { headers }) };
  }
  const [program, ...args] = serverCommand ?? [];
  if (program === undefined || program === '') {
    throw usageError(`${command} needs a server: a command after -- (e.g. -- node server.js) or --url`);
  }
  return { kind: 'stdio', command: program, args, env: serverEnvironment(env, extraEnv) };
}

function parseToolArgs(text: string): Record<string, unknown> {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    throw usageError(`--args is not valid JSON (${(error as Error).message}): pass an object like '{"text": "…"}'`);
  }
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    throw usageError(
      `--args must be a JSON object, not ${Array.isArray(value) ? 'an array' : String(value === null ? 'null' : typeof value)}`,
    );
  }
  return value as Record<string, unknown>;
}

function parseEra(value: string | undefined, command: Command): EraOption | 'both' {
  if (value === undefined) return command === 'demo' ? 'both' : 'auto';
  const choices = command === 'demo' ? [...ERA_OPTIONS, 'both' as const] : ERA_OPTIONS;
  return parseChoice('--era', value, choices) as EraOption | 'both';
}

function parseChoice<T extends string>(flag: string, value: string | undefined, choices: readonly T[]): T | undefined {
  if (value === undefined) return undefined;
  const choice = choices.find((known) => known === value);
  if (choice === undefined) throw usageError(`${flag} '${value}' is not one of ${choices.join(', ')}`);
  return choice;
}

function parsePositiveInteger(flag: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!/^\d+$/.test(value) || !Number.isSafeInteger(n) || n <= 0)
    throw usageError(`${flag} must be a positive whole number (got '${value}')`);
  return n;
}

function parseConnectTimeout(flag: string | undefined, variable: string | undefined): { ms: number; source: string } {
  const seconds = (name: string, value: string) => {
    if (!/^\d+$/.test(value) || Number(value) <= 0 || !Number.isSafeInteger(Number(value) * 1000))
      throw usageError(`${name} must be a positive whole number of seconds (got '${value}')`);
    return Number(value);
  };
  if (flag !== undefined) return { ms: seconds('--connect-timeout', flag) * 1000, source: `--connect-timeout ${flag}` };
  if (variable !== undefined && variable !== '')
    return { ms: seconds(CONNECT_TIMEOUT_VARIABLE, variable) * 1000, source: `${CONNECT_TIMEOUT_VARIABLE}=${variable}` };
  return { ms: DEFAULT_CONNECT_TIMEOUT_SECONDS * 1000, source: 'the default; set it with --connect-timeout' };
}

/** The command `typed` was probably meant to be: at most two edits away. */
function closestCommand(typed: string): Command | undefined {
  const scored = COMMANDS.map((command) => ({ command, distance: editDistance(typed.toLowerCase(), command) }));
  const best = scored.sort((a, b) => a.distance - b.distance)[0];
  return best !== undefined && best.distance <= 2 && best.distance < typed.length ? best.command : undefined;
}

/** Levenshtein distance, with a swap of neighbours counted as one edit (`lsit` → `list`). */
function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) =>
    Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)),
  );
  const at = (i: number, j: number) => d[i]?.[j] ?? Number.POSITIVE_INFINITY;
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min(at(i - 1, j) + 1, at(i, j - 1) + 1, at(i - 1, j - 1) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, at(i - 2, j - 2) + 1);
      (d[i] as number[])[j] = best;
    }
  }
  return at(a.length, b.length);
}

function parseEnv(pairs: string[]): Record<string, string> {
  const env: Record<string, string> = {};
  for (const pair of pairs) {
    const equals = pair.indexOf('=');
    if (equals <= 0) throw usageError(`--env '${pair}' is not NAME=VALUE`);
    env[pair.slice(0, equals)] = pair.slice(equals + 1);
  }
  return env;
}

/** node:util's messages, cut to their first sentence and spelled like the rest. */
function parseArgsMessage(error: unknown): string {
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  const option = /'(-[^' ]+)/.exec(message)?.[1];
  if (code === 'ERR_PARSE_ARGS_UNKNOWN_OPTION' && option !== undefined) return `unknown flag '${option}'`;
  if (code === 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE' && option !== undefined) {
    if (/argument missing/.test(message)) return `${option} needs a value`;
    if (/ambiguous/.test(message)) return `${option} needs a value (write ${option}=VALUE for a value that starts with -)`;
    return `${option} takes no value`;
  }
  return message.split('. ')[0] ?? message;
}
