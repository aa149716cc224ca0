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

Connection:
  --url URL                      a Streamable HTTP endpoint instead of a command after --
  --era legacy|auto|2026-07-28   protocol era (default auto; demo: both eras, one after the other)
  --env NAME=VALUE               extra environment for a spawned server (repeatable); the host's own
                                 provider keys are never passed on
  --connect-timeout SECONDS      give up on a server that has not answered the handshake by then
                                 (default 30; or MCP_SAMPLING_HOST_CONNECT_TIMEOUT)

Host policy:
  --approve prompt|auto|deny     approve each sampling request in the terminal, approve all, or deny all
                                 (default: prompt when stdin and stderr are terminals, else deny; demo: auto)
  --max-tokens-per-request N     clamp a request's maxTokens to N
  --budget N                     session budget: total maxTokens granted; requests past it are declined

Model:
  --provider NAME                anthropic, openai or openai-compatible (keys from ANTHROPIC_API_KEY,
                                 OPENAI_API_KEY, MCP_SAMPLING_API_KEY)
  --model ID                     one model for every tier (else each tier's default)
  --base-url URL                 endpoint of an OpenAI-compatible server (e.g. http://localhost:11434/v1)
  --offline                      answer with the offline model offline-extractive-1 (the default when no
                                 provider is configured)

Output:
  --args JSON                    the tool's arguments, a JSON object (call; default {})
  --json                         one JSON document on stdout: result and transcript
  --verbose                      show every request in full and the server's stderr
  --quiet                        no progress or per-request lines on stderr (errors still)
  -h, --help                     this text
  -v, --version                  the version

Exit codes: 0 ok, 1 the tool call failed, 2 usage error, 3 the server could not be started, reached or kept,
4 the server did not answer within the connect timeout.`;
