/**
 * The environment variables every server reads, all optional: a provider key and settings for
 * when the host cannot sample, the fallback policy, and the protocol's timing and round state.
 * The registry's `server.json` declares exactly these; a test checks they are exactly the
 * variables the bins' `--help` names, so the list cannot drift from the kit.
 */

/** One variable, as the registry and the README describe it. */
export interface ServerVariable {
  name: string;
  description: string;
  /** A key or other secret: hosts store it as one and never show it. */
  secret: boolean;
  format: 'string' | 'number';
  /** The value the server uses when the variable is unset, for variables with a plain default. */
  default?: string;
}

/** Actions the fallback policy takes, for the descriptions below. */
const ACTIONS = 'comma-separated actions from provider, heuristic, delegate, error, in order';

export const SERVER_VARIABLES: readonly ServerVariable[] = [
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
];

/** Provider keys a user may give a host-facing install (the `.mcpb` settings, the VS Code prompt). */
export const KEY_VARIABLES = ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY'] as const;
