/**
 * Every server.json against the MCP Registry's rules and against its own package: the registry
 * name is the package's `mcpName`, versions match package.json, the npm package runs over stdio,
 * and the declared variables are exactly the ones the server reads, all optional, keys secret.
 *
 * The rules are checked twice: always by the project's own zod schema, and by the official JSON
 * Schema where that file is at hand (CI; `MCP_REGISTRY_SCHEMA`). A table of bad documents keeps
 * the two honest: each must reject every one the official schema rejects.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { KEY_VARIABLES } from '../src/environment.js';
import { builtBin } from '../src/list-tools.js';
import { REGISTRY_DESCRIPTION_MAX } from '../src/server-json.js';
import { type ServerJson, serverJsonProblems } from '../src/server-json-schema.js';
import { allServers } from '../src/servers.js';
import { REGISTRY_SCHEMA_AVAILABLE, REGISTRY_SCHEMA_PATH, registryValidator } from './registry-schema.js';

const SERVERS = allServers();

/** Why the official checks did not run, in their names, so a skip says what to provide. */
const OFFICIAL = REGISTRY_SCHEMA_AVAILABLE
  ? 'the official registry schema'
  : `the official registry schema (skipped: no file at ${REGISTRY_SCHEMA_PATH}; set MCP_REGISTRY_SCHEMA to run it)`;

let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => {
  compiled ??= registryValidator();
  return compiled;
};

const serverJsonOf = (dir: string): ServerJson => JSON.parse(readFileSync(path.join(dir, 'server.json'), 'utf8')) as ServerJson;
const variablesOf = (document: ServerJson) => document.packages?.[0]?.environmentVariables ?? [];

describe.each(SERVERS.map((server) => [server.name, server] as const))('%s server.json', (_, server) => {
  it("meets the registry's documented rules (the project's own schema)", () => {
    expect(serverJsonProblems(serverJsonOf(server.dir))).toEqual([]);
  });

  it.skipIf(!REGISTRY_SCHEMA_AVAILABLE)(`is valid against ${OFFICIAL}`, () => {
    const validate = validator();
    expect(validate(serverJsonOf(server.dir)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('names the npm package, its mcpName and its version, over stdio', () => {
    const document = serverJsonOf(server.dir);
    expect(document.name).toBe(server.mcpName);
    expect(document.name).toMatch(/^io\.github\.mcp-sampling\/[a-z]+$/);
    expect(document.version).toBe(server.version);
    expect(document.packages).toHaveLength(1);
    expect(document.packages?.[0]).toMatchObject({
      registryType: 'npm',
      identifier: server.packageName,
      version: server.version,
      transport: { type: 'stdio' },
    });
  });

  it('declares exactly the variables the bin documents, all optional, keys secret', () => {
    const variables = variablesOf(serverJsonOf(server.dir));
    const help = execFileSync(process.execPath, [builtBin(server), '--help'], { encoding: 'utf8', timeout: 60_000 });
    const documented = new Set(
      help.match(/\b(?:MCP_SAMPLING_[A-Z_]+|MCP_HTTP_[A-Z_]+|MCP_TRANSPORT|[A-Z]+_API_KEY|OTEL_[A-Z_]+)\b/g),
    );
    expect(variables.map((variable) => variable.name).sort()).toEqual([...documented].sort());
    for (const variable of variables) expect(variable.isRequired).toBe(false);
    const secrets = variables.filter((variable) => variable.isSecret).map((variable) => variable.name);
    expect(secrets).toEqual(
      expect.arrayContaining([
        ...KEY_VARIABLES,
        'MCP_SAMPLING_API_KEY',
        'MCP_SAMPLING_STATE_KEY',
        'MCP_HTTP_TOKEN',
        'OTEL_EXPORTER_OTLP_HEADERS',
      ]),
    );
    expect(secrets).toHaveLength(6);
  });
});

/**
 * A bad document, made from a good one. `official` says what the official JSON Schema does with
 * it: most rules it states itself; a few the registry documents only in prose and enforces when
 * publishing (a version range, an unknown package registry), which only the zod schema can state.
 */
interface BadExample {
  what: string;
  spoil: (document: ServerJson) => unknown;
  official: 'rejects' | 'accepts';
}

const withPackage = (document: ServerJson, change: Record<string, unknown>) => ({
  ...document,
  packages: [{ ...document.packages?.[0], ...change }],
});

const BAD_EXAMPLES: BadExample[] = [
  { what: 'a name without a namespace', spoil: (d) => ({ ...d, name: 'summarise' }), official: 'rejects' },
  { what: 'a name with two slashes', spoil: (d) => ({ ...d, name: 'io.github.x/a/b' }), official: 'rejects' },
  { what: 'a name with a space', spoil: (d) => ({ ...d, name: 'io.github.x/my server' }), official: 'rejects' },
  { what: 'a namespace that is not reverse-DNS', spoil: (d) => ({ ...d, name: 'mcp-sampling/summarise' }), official: 'accepts' },
  {
    what: `a description of ${REGISTRY_DESCRIPTION_MAX + 1} characters`,
    spoil: (d) => ({ ...d, description: 'x'.repeat(REGISTRY_DESCRIPTION_MAX + 1) }),
    official: 'rejects',
  },
  { what: 'an empty description', spoil: (d) => ({ ...d, description: '' }), official: 'rejects' },
  { what: 'no version', spoil: ({ version: _, ...d }) => d, official: 'rejects' },
  { what: 'a package version of latest', spoil: (d) => withPackage(d, { version: 'latest' }), official: 'rejects' },
  { what: 'a package version range ^1.0.0', spoil: (d) => withPackage(d, { version: '^1.0.0' }), official: 'accepts' },
  { what: 'a package version 1.x', spoil: (d) => withPackage(d, { version: '1.x' }), official: 'accepts' },
  { what: 'a server version range >=1.0.0', spoil: (d) => ({ ...d, version: '>=1.0.0' }), official: 'accepts' },
  { what: 'a package without registryType', spoil: (d) => withPackage(d, { registryType: undefined }), official: 'rejects' },
  { what: 'a package registryType of a number', spoil: (d) => withPackage(d, { registryType: 7 }), official: 'rejects' },
  { what: 'an unknown package registry', spoil: (d) => withPackage(d, { registryType: 'cpan' }), official: 'accepts' },
  { what: 'a package without transport', spoil: (d) => withPackage(d, { transport: undefined }), official: 'rejects' },
  { what: 'a websocket transport', spoil: (d) => withPackage(d, { transport: { type: 'websocket' } }), official: 'rejects' },
  {
    what: 'a streamable-http transport without a URL',
    spoil: (d) => withPackage(d, { transport: { type: 'streamable-http' } }),
    official: 'rejects',
  },
  {
    what: 'an environment variable without a name',
    spoil: (d) => withPackage(d, { environmentVariables: [{ description: 'A key.', isSecret: true }] }),
    official: 'rejects',
  },
  {
    what: 'an environment variable with an unknown format',
    spoil: (d) => withPackage(d, { environmentVariables: [{ name: 'X', format: 'integer' }] }),
    official: 'rejects',
  },
  {
    what: 'an environment variable whose isSecret is a string',
    spoil: (d) => withPackage(d, { environmentVariables: [{ name: 'X', isSecret: 'yes' }] }),
    official: 'rejects',
  },
];

describe('bad server.json documents', () => {
  const good = serverJsonOf(SERVERS[0]?.dir ?? '');

  it.each(BAD_EXAMPLES.map((example) => [example.what, example] as const))(
    "the project's own schema rejects %s",
    (_, example) => {
      expect(serverJsonProblems(good)).toEqual([]);
      expect(serverJsonProblems(example.spoil(good))).not.toEqual([]);
    },
  );

  it.skipIf(!REGISTRY_SCHEMA_AVAILABLE).each(BAD_EXAMPLES.map((example) => [example.what, example] as const))(
    `${OFFICIAL} agrees on %s`,
    (_, example) => {
      const validate = validator();
      expect(validate(good)).toBe(true);
      expect(validate(example.spoil(good)), JSON.stringify(validate.errors)).toBe(example.official === 'accepts');
    },
  );
});
