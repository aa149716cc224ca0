/** The `--help` texts: the whole CLI, and one per command (`list --help`). */
import type { Command } from './args.js';

const CONNECTION = `Connection:
  --url URL                      a Streamable HTTP endpoint instead of a command after --
  --header 'NAME: VALUE'         an HTTP header for --url, e.g. 'Authorization: Bearer <token>'
                                 (repeatable; never printed)
  --era legacy|auto|2026-07-28   protocol era (default auto)
  --env NAME=VALUE               extra environment for a spawned server (repeatable); the host's own
                                 provider keys are never passed on
  --connect-timeout SECONDS      give up on a server that has not answered the handshake by then
                                 (default 30; or MCP_SAMPLING_HOST_CONNECT_TIMEOUT)`;

const POLICY = `Host policy:
  --approve prompt|auto|deny     approve each sampling request in the terminal, approve all, or deny all
                                 (default: prompt when stdin and stderr are terminals, else deny; demo: auto)
  --max-tokens-per-request N     clamp a request's maxTokens to N
  --budget N                     session budget: total maxTokens granted; requests past it are declined`;

const MODEL = `Model:
  --provider NAME                anthropic, openai or openai-compatible (keys from ANTHROPIC_API_KEY,
                                 OPENAI_API_KEY, MCP_SAMPLING_API_KEY)
  --model ID                     one model for every tier (else each tier's default)
  --base-url URL                 endpoint of an OpenAI-compatible server (e.g. http://localhost:11434/v1)
  --offline                      answer with the offline model offline-extractive-1 (the default when no
                                 provider is configured)`;

const OUTPUT = `Output:
  --json                         one JSON document on stdout
  --verbose                      show every request in full and the server's stderr
  --quiet                        no progress or per-request lines on stderr (errors still)
  -h, --help                     this text
  -v, --version                  the version`;

const EXIT_CODES = `Exit codes: 0 ok, 1 the tool call failed, 2 usage error, 3 the server could not be started, reached or kept,
4 the server did not answer within the connect timeout.`;

/** The `--help` text. */
export const USAGE = `mcp-sampling-host: a reference MCP sampling host. It connects to a server, shows every sampling
request the server sends, asks you to approve it, and answers it with a model (a provider, or an
offline stand-in when no key is configured), on protocol 2025 and 2026-07-28.

Usage:
  mcp-sampling-host list [options] -- <server command...>      list the server's tools
  mcp-sampling-host list [options] --url <http url>
  mcp-sampling-host call <tool> --args '<json>' [options] -- <server command...>
  mcp-sampling-host call <tool> --args '<json>' [options] --url <http url>
  mcp-sampling-host demo [options]                             run the four servers of this repository

'mcp-sampling-host <command> --help' shows one command.

${CONNECTION.replace('(default auto)', '(default auto; demo: both eras, one after the other)')}

${POLICY}

${MODEL}

${OUTPUT.replace('  --json  ', "  --args JSON                    the tool's arguments, a JSON object (call; default {})\n  --trace                        call: print the call's span tree as a timeline after the result\n  --json  ").replace('one JSON document on stdout', 'one JSON document on stdout: result and transcript')}

${EXIT_CODES}`;

/** The `<command> --help` texts. */
export const COMMAND_USAGE: Record<Command, string> = {
  list: `Usage: mcp-sampling-host list [options] -- <server command...>
       mcp-sampling-host list [options] --url <http url>

Connects to the server and lists its tools: name, title, description and input fields
(--json: { server, era, tools }).

${CONNECTION}

${OUTPUT}

${EXIT_CODES}`,
  call: `Usage: mcp-sampling-host call <tool> --args '<json>' [options] -- <server command...>
       mcp-sampling-host call <tool> --args '<json>' [options] --url <http url>

Calls one tool. Every sampling request the call causes is shown, approved and answered; then the
result and a transcript of the rounds are printed.

  --args JSON                    the tool's arguments, a JSON object (default {})
  --trace                        trace the call: send its W3C traceparent to the server in
                                 params._meta, then print the span tree as a timeline (the call, each
                                 sampling round, each request: start, duration, model, approval) and
                                 the result's provenance, on stdout after the result; with --json, as
                                 the document's "trace"

${CONNECTION}

${POLICY}

${MODEL}

${OUTPUT.replace('one JSON document on stdout', 'one JSON document on stdout: result and transcript')}

${EXIT_CODES}`,
  demo: `Usage: mcp-sampling-host demo [options]

Runs summarise, classify, route and draft from this repository on the sample inputs in
apps/host/demo/, approving automatically and answering with the offline model unless --provider
is given.

  --era legacy|2026-07-28|both   which protocol eras (default both, one after the other; auto also works)
  --transport stdio|http         spawn each server on stdio (default), or start each with --http on
                                 127.0.0.1 (a free port, a token made for the run), connect to its URL,
                                 and stop it with SIGTERM at the end
  --connect-timeout SECONDS      give up on a server that has not answered the handshake (or, over HTTP,
                                 reported that it is ready) by then (default 30)

${POLICY}

${MODEL}

${OUTPUT.replace('one JSON document on stdout', 'one JSON document on stdout: every run')}

Exit codes: 0 ok, 1 a run failed, 2 usage error, 3 a server could not be started or kept, 4 a server did not answer in time.`,
};
