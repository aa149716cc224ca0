/**
 * The environment variables every server reads, all optional, from the kit's one list
 * (`SERVER_SETTINGS`, which `--help` is also rendered from): the registry's `server.json`, the
 * bundle manifest and the README tables are generated from it, and a test checks the bundled bins
 * read no variable it does not name.
 */
import { SERVER_SETTINGS, type ServerSetting } from '@mcp-sampling/kit';

/** One variable, as the registry and the README describe it. */
export type ServerVariable = ServerSetting;

export const SERVER_VARIABLES: readonly ServerVariable[] = SERVER_SETTINGS;

/** The variables a stdio-only install (the MCP Bundle) offers: all but the HTTP serving ones. */
export const BUNDLE_VARIABLES: readonly ServerVariable[] = SERVER_VARIABLES.filter((variable) => variable.httpOnly !== true);

/** Provider keys a user may give a host-facing install (the `.mcpb` settings, the VS Code prompt). */
export const KEY_VARIABLES = ['ANTHROPIC_API_KEY', 'OPENAI_API_KEY'] as const;
