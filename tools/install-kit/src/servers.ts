/**
 * The one source every generated install artefact is built from: the four servers, what each does
 * when no model answers, and where the project lives. Names, versions, descriptions and bins come
 * from each server's package.json, so a release (changesets bumping package.json) flows into
 * server.json, manifest.json and the README install sections on the next `generate`.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (two levels above this package). */
export const REPO_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

/** Where the project is published from: the GitHub owner in every `mcpName` and the repository. */
export const PROJECT = {
  owner: 'mcp-sampling',
  repository: 'https://github.com/mcp-sampling/mcp-sampling-servers',
  license: 'MIT',
} as const;

/** The servers, by their short name (the tool's name, the host config key, the registry name's last part). */
export const SERVER_NAMES = ['summarise', 'classify', 'route', 'draft'] as const;
export type ServerName = (typeof SERVER_NAMES)[number];

/** What the package.json of a server says about it. */
interface PackageJson {
  name: string;
  version: string;
  description: string;
  mcpName: string;
  bin: Record<string, string>;
  license: string;
  keywords?: string[];
  engines: { node: string };
  dependencies?: Record<string, string>;
}

/**
 * The npm packages every server's bin runs on, all inlined by its build (the package has no
 * runtime dependencies): the MCP SDK and its Node HTTP adapter, zod, and, in chunks loaded only on
 * a provider fallback, the AI SDK and its providers (these the package declares as
 * devDependencies); only when a log line is due, pino (and pino-pretty, on a terminal); and, in a
 * chunk loaded only when the `OTEL_*` variables turn export on, the OpenTelemetry SDK. pino and the
 * OpenTelemetry packages reach the bundle through the kit (and its `@mcp-sampling/telemetry`).
 */
export const INLINED_NPM_PACKAGES = [
  '@ai-sdk/anthropic',
  '@ai-sdk/openai',
  '@ai-sdk/openai-compatible',
  '@modelcontextprotocol/node',
  '@modelcontextprotocol/server',
  '@opentelemetry/api',
  '@opentelemetry/core',
  '@opentelemetry/exporter-metrics-otlp-http',
  '@opentelemetry/exporter-trace-otlp-http',
  '@opentelemetry/resources',
  '@opentelemetry/sdk-metrics',
  '@opentelemetry/sdk-trace-base',
  '@opentelemetry/sdk-trace-node',
  'ai',
  'pino',
  'pino-pretty',
  'zod',
] as const;

/** Facts about one server that only this package states. */
interface ServerFacts {
  /** Display name. */
  title: string;
  /**
   * What the tool answers with when no model can (Markdown, one sentence fragment), or `undefined`
   * for a tool with no deterministic answer (draft): it then returns an `isError`.
   */
  heuristic: string | undefined;
  /**
   * The port the install section starts this server on with `--http`: one per server, so the four
   * can run side by side on one machine (the bin's own default is 3000 for each).
   */
  httpPort: number;
}

const FACTS: Record<ServerName, ServerFacts> = {
  summarise: {
    title: 'Summarise',
    heuristic: 'an extractive summary: the sentences that carry the text’s most frequent content words, verbatim and in order',
    httpPort: 3001,
  },
  classify: {
    title: 'Classify',
    heuristic: 'a lexical match of the labels’ names and descriptions against the text, with a confidence of at most 0.5',
    httpPort: 3002,
  },
  route: {
    title: 'Route',
    heuristic:
      'the routes’ keywords, then the words a route’s name and description share with the request, then the fallback route',
    httpPort: 3003,
  },
  draft: { title: 'Draft', heuristic: undefined, httpPort: 3004 },
};

/** Everything the generators need to know about one server. */
export interface ServerInfo extends ServerFacts {
  name: ServerName;
  /** Directory, absolute. */
  dir: string;
  /** Directory relative to the repository root, with forward slashes (`packages/server-summarise`). */
  repoPath: string;
  /** npm package name, e.g. `@mcp-sampling/server-summarise`. */
  packageName: string;
  version: string;
  /** One line, at most 100 characters (the registry's limit). */
  description: string;
  /** Registry name, `io.github.<owner>/<name>`. */
  mcpName: string;
  /** The bin's command name, e.g. `mcp-server-summarise`. */
  binName: string;
  /** The bin's path inside the package, e.g. `dist/bin.js`. */
  binPath: string;
  keywords: string[];
  /** `engines.node` of the package, e.g. `>=20.19`. */
  node: string;
  /** The package's runtime `dependencies`: none, as the bin is self-contained (the tests check it). */
  dependencies: Record<string, string>;
}

/** Reads one server's package.json and joins it with the facts above. */
export function serverInfo(name: ServerName): ServerInfo {
  const repoPath = `packages/server-${name}`;
  const dir = path.join(REPO_ROOT, repoPath);
  const pkg = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8')) as PackageJson;
  const [binName, binPath] = Object.entries(pkg.bin)[0] ?? [];
  if (binName === undefined || binPath === undefined) throw new Error(`${pkg.name}: package.json declares no bin`);
  return {
    name,
    ...FACTS[name],
    dir,
    repoPath,
    packageName: pkg.name,
    version: pkg.version,
    description: pkg.description,
    mcpName: pkg.mcpName,
    binName,
    binPath,
    keywords: pkg.keywords ?? [],
    node: pkg.engines.node,
    dependencies: pkg.dependencies ?? {},
  };
}

/** All four servers, in the order of the root README. */
export function allServers(): ServerInfo[] {
  return SERVER_NAMES.map(serverInfo);
}
