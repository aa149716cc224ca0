/**
 * The environment a spawned client (and through it each server) gets: this process's, without the
 * variables that would give a server a model of its own, so every fallback in these tests is the
 * one a user without a key sees.
 */

/** True for a variable a server reads to reach a provider or to change its fallback policy. */
export function isProviderVariable(name: string): boolean {
  return name === 'ANTHROPIC_API_KEY' || name === 'OPENAI_API_KEY' || name.startsWith('MCP_SAMPLING_');
}

/** `env` without provider keys and `MCP_SAMPLING_*` settings, plus `extra`. */
export function cleanEnv(env: NodeJS.ProcessEnv = process.env, extra: Record<string, string> = {}): Record<string, string> {
  const clean: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    if (value !== undefined && !isProviderVariable(name)) clean[name] = value;
  }
  return { ...clean, ...extra };
}
