/**
 * Where the server is: a command to spawn and speak to over stdio, or a Streamable HTTP URL. A
 * spawned server inherits the host's environment except the host's own provider keys: those pay
 * for the host's model, and a server that wants a model of its own gets a key explicitly
 * (`--env ANTHROPIC_API_KEY=…`).
 */
import { API_KEY_VARIABLE } from '@mcp-sampling/providers';

/** A server to connect to. */
export type ServerTarget =
  | { kind: 'stdio'; command: string; args: string[]; env: Record<string, string>; cwd?: string }
  | { kind: 'http'; url: URL };

/** The host's own secrets, never passed to a spawned server. */
export const HOST_ONLY_VARIABLES: readonly string[] = Object.values(API_KEY_VARIABLE);

/** The environment a spawned server gets: the host's, minus its keys, plus `extra`. */
export function serverEnvironment(env: NodeJS.ProcessEnv, extra: Record<string, string> = {}): Record<string, string> {
  const inherited = Object.entries(env).filter(
    (entry): entry is [string, string] => entry[1] !== undefined && !HOST_ONLY_VARIABLES.includes(entry[0]),
  );
  return { ...Object.fromEntries(inherited), ...extra };
}

/** A short name for a target, for messages: the command line or the URL. */
export function describeTarget(target: ServerTarget): string {
  return target.kind === 'http' ? target.url.href : [target.command, ...target.args].join(' ');
}
