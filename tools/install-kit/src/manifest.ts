/**
 * A server's MCP Bundle `manifest.json` (manifest_version 0.3, which `mcpb` 2.1.2 validates
 * strictly). The bundle carries the self-contained build in `server/` and is started with the
 * host's Node.js. Its optional settings (`user_config`) become the server's environment: one per
 * variable the server reads (the kit's `SERVER_SETTINGS`) except the HTTP-only ones, keys and other secrets marked
 * sensitive. Each has a default (empty for a string, which the server treats as unset; the
 * server's own default for a number); without one, a host would pass the literal
 * `${user_config.…}` placeholder.
 *
 * `privacy_policies` is a list of URLs in the manifest schema, so it names the policies of the
 * providers a key sends data to; the wording about when that happens is in `long_description`.
 */
import { BUNDLE_VARIABLES, type ServerVariable } from './environment.js';
import { PROJECT, type ServerInfo } from './servers.js';

/** The manifest version written, and the schema `mcpb validate` applies. */
export const MANIFEST_VERSION = '0.3';

/** Where the bundled entry sits inside the bundle. */
export const BUNDLE_ENTRY = 'server/bin.js';

/** The providers' privacy policies, for the two keys a user may set. */
export const PROVIDER_PRIVACY_POLICIES = [
  'https://www.anthropic.com/legal/privacy',
  'https://openai.com/policies/privacy-policy/',
];

/** A tool as `tools/list` describes it. */
export interface ListedTool {
  name: string;
  description?: string;
}

/** user_config keys of the settings a user most likely sets, with their titles; the rest are keyed by their variable name. */
const NAMED_SETTINGS: Record<string, { key: string; title: string }> = {
  ANTHROPIC_API_KEY: { key: 'anthropic_api_key', title: 'Anthropic API key' },
  OPENAI_API_KEY: { key: 'openai_api_key', title: 'OpenAI API key' },
  MCP_SAMPLING_FALLBACK: { key: 'fallback', title: 'Fallback actions' },
};

/** The user_config key of `variable`: a named one, else the variable's name in lower case, without the prefix. */
export function userConfigKey(variable: string): string {
  return NAMED_SETTINGS[variable]?.key ?? variable.replace(/^MCP_SAMPLING_/, '').toLowerCase();
}

/**
 * One optional setting per variable the server reads. A string defaults to empty (which the server
 * treats as unset); a number to the server's own default, so leaving it alone changes nothing.
 */
function userConfigOf(variable: ServerVariable): Record<string, unknown> {
  const base = {
    title: NAMED_SETTINGS[variable.name]?.title ?? variable.name,
    description: `Optional (${variable.name}). ${variable.description}`,
    ...(variable.secret && { sensitive: true }),
    required: false,
  };
  return variable.format === 'number' && variable.default !== undefined
    ? { type: 'number', ...base, default: Number(variable.default), min: 1 }
    : { type: 'string', ...base, default: '' };
}

function privacyText(server: ServerInfo): string {
  const without =
    server.heuristic === undefined
      ? 'this tool then answers with an error saying what to configure'
      : `this tool then answers on your computer with its heuristic (${server.heuristic})`;
  return (
    'Privacy: the server keeps nothing and logs no keys. Claude Desktop does not lend its model to servers (MCP sampling), ' +
    `so without a key no model is called: ${without}. With an Anthropic or OpenAI API key set, each call sends the ` +
    'tool’s input, inside the prompts its README shows, to that provider under your key, and the provider’s privacy ' +
    'policy applies (listed in privacy_policies). With the fallback actions set to `delegate`, the prepared task goes ' +
    'back to Claude instead.'
  );
}

/** The manifest.json document for `server`, listing `tools` as the server lists them. */
export function bundleManifest(server: ServerInfo, tools: ListedTool[]): Record<string, unknown> {
  return {
    manifest_version: MANIFEST_VERSION,
    name: server.binName,
    display_name: server.title,
    version: server.version,
    description: server.description,
    long_description: `${server.description}\n\n${privacyText(server)}`,
    author: { name: PROJECT.owner, url: `https://github.com/${PROJECT.owner}` },
    repository: { type: 'git', url: PROJECT.repository },
    homepage: `${PROJECT.repository}/tree/main/${server.repoPath}#readme`,
    license: PROJECT.license,
    keywords: server.keywords,
    server: {
      type: 'node',
      entry_point: BUNDLE_ENTRY,
      mcp_config: {
        command: 'node',
        args: [`\${__dirname}/${BUNDLE_ENTRY}`],
        env: Object.fromEntries(
          BUNDLE_VARIABLES.map((variable) => [variable.name, `\${user_config.${userConfigKey(variable.name)}}`]),
        ),
      },
    },
    tools: tools.map((tool) => ({ name: tool.name, ...(tool.description !== undefined && { description: tool.description }) })),
    tools_generated: false,
    user_config: Object.fromEntries(BUNDLE_VARIABLES.map((variable) => [userConfigKey(variable.name), userConfigOf(variable)])),
    compatibility: {
      platforms: ['darwin', 'win32', 'linux'],
      runtimes: { node: server.node.replace(/^>=(\d+\.\d+)$/, '>=$1.0') },
    },
    privacy_policies: PROVIDER_PRIVACY_POLICIES,
  };
}
