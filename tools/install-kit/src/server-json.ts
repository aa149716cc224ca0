/**
 * A server's `server.json` for the MCP Registry (schema 2025-12-11): the npm package, started over
 * stdio, with every optional variable declared (keys as secrets). The registry proves ownership of
 * the npm package through its package.json `mcpName`, which must equal `name` here.
 */
import { SERVER_VARIABLES } from './environment.js';
import { PROJECT, type ServerInfo } from './servers.js';

export const REGISTRY_SCHEMA_URL = 'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json';

/** The registry's description limit. */
export const REGISTRY_DESCRIPTION_MAX = 100;

/** The server.json document for `server`. */
export function serverJson(server: ServerInfo): Record<string, unknown> {
  return {
    $schema: REGISTRY_SCHEMA_URL,
    name: server.mcpName,
    title: server.title,
    description: server.description,
    version: server.version,
    repository: { url: PROJECT.repository, source: 'github', subfolder: server.repoPath },
    websiteUrl: `${PROJECT.repository}/tree/main/${server.repoPath}#readme`,
    packages: [
      {
        registryType: 'npm',
        registryBaseUrl: 'https://registry.npmjs.org',
        identifier: server.packageName,
        version: server.version,
        runtimeHint: 'npx',
        transport: { type: 'stdio' },
        environmentVariables: SERVER_VARIABLES.map((variable) => ({
          name: variable.name,
          description: variable.description,
          isRequired: false,
          isSecret: variable.secret,
          format: variable.format,
          ...(variable.default !== undefined && { default: variable.default }),
        })),
      },
    ],
  };
}
