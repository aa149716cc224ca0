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

/** Where Claude Code keeps a server: this project only (its default), every project, or the project's `.mcp.json`. */
export type ClaudeCodeScope = 'local' | 'user' | 'project';

/**
 * Claude Code: `claude mcp add`, with a scope and the key when given. Claude Code's options go
 * before the `--` (everything after it is the server's command line): `--scope` before the name,
 * and `-e` after it, because `-e` takes several values and would swallow the name.
 */
export function claudeCodeCommand(
  server: ServerInfo,
  options: { scope?: ClaudeCodeScope; key?: { variable: string; placeholder: string } } = {},
): string {
  const { command, args } = npxEntry(server);
  const scope = options.scope === undefined ? '' : ` --scope ${options.scope}`;
  const env = options.key === undefined ? '' : ` -e ${options.key.variable}=${options.key.placeholder}`;
  return `claude mcp add${scope} ${server.name}${env} -- ${[command, ...args].join(' ')}`;
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

/** Model ids VS Code's **Configure Model Access** writes look like this one. */
export const VSCODE_EXAMPLE_MODEL = 'copilot/gpt-4.1';

/**
 * The user setting that chooses which models this server may sample with in VS Code. The key is the
 * server's configuration source and name as VS Code shows them: `Global in Code` for the user
 * `mcp.json` (`Global in Code - Insiders` in VS Code Insiders). `allowedDuringChat` is left out:
 * sampling during a chat is allowed by default.
 */
export function vscodeSamplingSetting(server: ServerInfo, source = 'Global in Code'): object {
  return { 'chat.mcp.serverSampling': { [`${source}: ${server.name}`]: { allowedModels: [VSCODE_EXAMPLE_MODEL] } } };
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
