/**
 * Where the server is: a command to spawn and speak to over stdio, or a Streamable HTTP URL. A
 * spawned server inherits the host's environment except the host's own provider keys: those pay
 * for the host's model, and a server that wants a model of its own gets a key explicitly
 * (`--env ANTHROPIC_API_KEY=…`).
 */
import { basename } from 'node:path';
import { API_KEY_VARIABLE } from '@mcp-sampling/providers';

/** A server to connect to. */
export type ServerTarget =
  | { kind: 'stdio'; command: string; args: string[]; env: Record<string, string>; cwd?: string }
  | {
      kind: 'http';
      url: URL;
      /** Sent with every request (e.g. `Authorization: Bearer …`); never printed. */
      headers?: Record<string, string>;
    };

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

/** Programs that run a script: for these the script, not the program, names the server. */
const RUNTIMES = /^(node|nodejs|bun|deno|tsx|ts-node|python3?|uv|uvx|npx|pnpm|yarn|sh|bash)(\.exe)?$/i;

/**
 * What a person calls the server: for `node path/to/never-answers.mjs` the script's file name
 * (`never-answers.mjs`), for `npx -y some-package` the package, else the program's file name; for
 * HTTP the URL.
 */
export function serverLabel(target: ServerTarget): string {
  if (target.kind === 'http') return target.url.href;
  const program = basename(target.command);
  if (!RUNTIMES.test(program)) return program;
  const script = target.args.find((arg) => !arg.startsWith('-') && arg !== 'run' && arg !== 'exec');
  return script === undefined ? program : basename(script);
}
