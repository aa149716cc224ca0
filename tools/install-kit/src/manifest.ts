/**
 * A server's MCP Bundle `manifest.json` (manifest_version 0.3, which `mcpb` 2.1.2 validates
 * strictly). The bundle carries the self-contained build in `server/` and is started with the
 * host's Node.js. Its optional settings (`user_config`) become the server's environment: two
 * provider keys, stored as secrets, and the fallback actions. Each defaults to an empty string,
 * which the server treats as unset; without a default, a host would pass the literal
 * `${user_config.…}` placeholder.
 *
 * `privacy_policies` is a list of URLs in the manifest schema, so it names the policies of the
 * providers a key sends data to; the wording about when that happens is in `long_description`.
 */
import { KEY_VARIABLES } from './environment.js';
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

/** user_config key → the environment variable it sets. */
const USER_CONFIG_VARIABLES: Record<string, string> = {
  anthropic_api_key: KEY_VARIABLES[0],
  openai_api_key: KEY_VARIABLES[1],
  fallback: 'MCP_SAMPLING_FALLBACK',
};

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
  const keyConfig = (provider: string, variable: string) => ({
    type: 'string',
    title: `${provider} API key`,
    description: `Optional. Used only when the host cannot do a step itself (Claude Desktop never samples): the server then calls ${provider} with it (${variable}).`,
    sensitive: true,
    required: false,
    default: '',
  });
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
          Object.entries(USER_CONFIG_VARIABLES).map(([key, variable]) => [variable, `\${user_config.${key}}`]),
        ),
      },
    },
    tools: tools.map((tool) => ({ name: tool.name, ...(tool.description !== undefined && { description: tool.description }) })),
    tools_generated: false,
    user_config: {
      anthropic_api_key: keyConfig('Anthropic', 'ANTHROPIC_API_KEY'),
      openai_api_key: keyConfig('OpenAI', 'OPENAI_API_KEY'),
      fallback: {
        type: 'string',
        title: 'Fallback actions',
        description:
          'Optional (MCP_SAMPLING_FALLBACK). What to do when no model is reachable, comma-separated, in order: provider, ' +
          'heuristic, delegate, error. Empty means the default (provider when a key is set, then heuristic, then error); ' +
          '"delegate" hands the prepared task to Claude.',
        required: false,
        default: '',
      },
    },
    compatibility: {
      platforms: ['darwin', 'win32', 'linux'],
      runtimes: { node: server.node.replace(/^>=(\d+\.\d+)$/, '>=$1.0') },
    },
    privacy_policies: PROVIDER_PRIVACY_POLICIES,
  };
}
