/**
 * How each host starts a server: the configuration objects and commands the README install
 * sections print, built here once so every snippet names the same package, command and variables.
 * Every host runs the published package with `npx -y`, which needs nothing but Node.js.
 */
import type { ServerInfo } from './servers.js';

/** A stdio server entry in the `mcpServers` shape (Claude Desktop, Cursor, Claude Code's .mcp.json). */
export interface StdioEntry {
  command: string;
  args: string[];
  env?: Record<string, string>;
}

/** `npx -y <package>`: the command every host runs. */
export function npxEntry(server: ServerInfo): StdioEntry {
  return { command: 'npx', args: ['-y', server.packageName] };
}

/** Windows runs `npx` (a .cmd script) through `cmd /c`. */
export function windowsEntry(server: ServerInfo): StdioEntry {
  const { command, args } = npxEntry(server);
  return { command: 'cmd', args: ['/c', command, ...args] };
}

/** `claude_desktop_config.json` (and Cursor's `mcp.json`): `{ mcpServers: { <name>: entry } }`. */
export function mcpServersConfig(server: ServerInfo, entry: StdioEntry): { mcpServers: Record<string, StdioEntry> } {
  return { mcpServers: { [server.name]: entry } };
}

/** The same entry with a provider key in `env` (the key is a placeholder). */
export function withKey(entry: StdioEntry, variable: string, placeholder: string): StdioEntry {
  return { ...entry, env: { [variable]: placeholder } };
}

/** Claude Code: `claude mcp add`, with the key when given. */
export function claudeCodeCommand(server: ServerInfo, key?: { variable: string; placeholder: string }): string {
  const { command, args } = npxEntry(server);
  const env = key === undefined ? '' : ` -e ${key.variable}=${key.placeholder}`;
  return `claude mcp add ${server.name}${env} -- ${[command, ...args].join(' ')}`;
}

/** The VS Code input id that prompts for the optional Anthropic key. */
export const VSCODE_KEY_INPUT = 'anthropic-api-key';

/**
 * VS Code's `mcp.json`: top-level `servers` (with `type: "stdio"`) and an `inputs` entry that asks
 * for the optional key once, stored as a secret (`password: true`); left empty, the server has no key.
 */
export function vscodeConfig(server: ServerInfo): object {
  const { command, args } = npxEntry(server);
  return {
    inputs: [
      {
        type: 'promptString',
        id: VSCODE_KEY_INPUT,
        description: `Anthropic API key for ${server.name}, used only when the host's model cannot do a step (optional: leave empty)`,
        password: true,
      },
    ],
    servers: {
      [server.name]: { type: 'stdio', command, args, env: { ANTHROPIC_API_KEY: `\${input:${VSCODE_KEY_INPUT}}` } },
    },
  };
}

/** `code --add-mcp`: the same server, added from a terminal (without the key prompt). */
export function vscodeAddCommand(server: ServerInfo): string {
  const { command, args } = npxEntry(server);
  return `code --add-mcp '${JSON.stringify({ name: server.name, command, args })}'`;
}

/**
 * The user setting that lets this server sample in VS Code. The key is the server's configuration
 * source and name as VS Code shows them: `Global in Code` for the user `mcp.json`.
 */
export function vscodeSamplingSetting(server: ServerInfo): object {
  return { 'chat.mcp.serverSampling': { [`Global in Code: ${server.name}`]: { allowedDuringChat: true } } };
}

/** Cursor's install link: the server entry as base64 JSON (https://cursor.com/docs/mcp/install-links). */
export function cursorInstallLink(server: ServerInfo): string {
  const config = Buffer.from(JSON.stringify(npxEntry(server))).toString('base64');
  return `cursor://anysphere.cursor-deeplink/mcp/install?name=${encodeURIComponent(server.name)}&config=${encodeURIComponent(config)}`;
}

/** The MCP Bundle's file name, as `mcpb pack` is told to write it. */
export function bundleFileName(server: ServerInfo): string {
  return `${server.binName}-${server.version}.mcpb`;
}
