/**
 * How each host reaches a server that runs on its own over Streamable HTTP (`--http`): the start
 * command, and the VS Code, Claude Code and Cursor entries for its URL with the bearer token, built
 * here once so every snippet names the same URL, port and token variable.
 */
import type { ServerInfo } from './servers.js';

/** The server's bearer token variable; hosts that can read the environment use the same name. */
export const HTTP_TOKEN_VARIABLE = 'MCP_HTTP_TOKEN';

/** The URL a server started by `httpStartCommand` answers on. */
export function localUrl(server: ServerInfo): string {
  return `http://127.0.0.1:${server.httpPort}/mcp`;
}

/** Starts the published package over HTTP on loopback, on the server's own port. */
export function httpStartCommand(server: ServerInfo): string {
  return `npx -y ${server.packageName} --http --port ${server.httpPort}`;
}

/** The line the bin writes to stderr once it listens (the kit's ready line). */
export function readyLine(server: ServerInfo): string {
  return `${server.binName} ${server.version} ready on ${localUrl(server)}`;
}

/** The VS Code input id that prompts for this server's bearer token. */
export function vscodeTokenInput(server: ServerInfo): string {
  return `${server.name}-http-token`;
}

/**
 * VS Code's `mcp.json` for the URL: `type: "http"`, `url`, and an `Authorization` header whose token
 * comes from an `inputs` prompt stored as a secret (`password: true`).
 */
export function vscodeHttpConfig(server: ServerInfo): object {
  const input = vscodeTokenInput(server);
  return {
    inputs: [
      {
        type: 'promptString',
        id: input,
        description: `Bearer token of the ${server.name} server (its ${HTTP_TOKEN_VARIABLE})`,
        password: true,
      },
    ],
    servers: {
      [server.name]: { type: 'http', url: localUrl(server), headers: { Authorization: `Bearer \${input:${input}}` } },
    },
  };
}

/**
 * Claude Code: `claude mcp add --transport http`, options before the name, `--header` after the URL.
 * The token is the shell's `$MCP_HTTP_TOKEN`, expanded when the command runs.
 */
export function claudeCodeHttpCommand(server: ServerInfo, options: { scope?: 'local' | 'user' | 'project' } = {}): string {
  const scope = options.scope === undefined ? '' : ` --scope ${options.scope}`;
  return `claude mcp add --transport http${scope} ${server.name} ${localUrl(server)} --header "Authorization: Bearer $${HTTP_TOKEN_VARIABLE}"`;
}

/** Cursor's `mcp.json` for the URL: `url` and `headers`, the token read with `${env:…}`. */
export function cursorHttpConfig(server: ServerInfo): object {
  return {
    mcpServers: {
      [server.name]: { url: localUrl(server), headers: { Authorization: `Bearer \${env:${HTTP_TOKEN_VARIABLE}}` } },
    },
  };
}
