/**
 * Every server.json against the MCP Registry schema (2025-12-11), and against its own package:
 * the registry name is the package's `mcpName`, versions match package.json, the npm package runs
 * over stdio, and the declared variables are exactly the ones the server reads, all optional,
 * keys secret.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import type { ValidateFunction } from 'ajv';
import { describe, expect, it } from 'vitest';
import { KEY_VARIABLES } from '../src/environment.js';
import { builtBin } from '../src/list-tools.js';
import { REGISTRY_DESCRIPTION_MAX } from '../src/server-json.js';
import { allServers } from '../src/servers.js';
import { registryValidator } from './registry-schema.js';

const SERVERS = allServers();

interface ServerJson {
  name: string;
  description: string;
  version: string;
  packages: Array<{
    registryType: string;
    identifier: string;
    version: string;
    transport: { type: string };
    environmentVariables: Array<{ name: string; isRequired: boolean; isSecret: boolean }>;
  }>;
}

/** Compiled on first use, so a missing schema fails each test that needs it, with the path in the message. */
let compiled: ValidateFunction | undefined;
const validator = (): ValidateFunction => {
  compiled ??= registryValidator();
  return compiled;
};

const serverJsonOf = (dir: string): ServerJson => JSON.parse(readFileSync(path.join(dir, 'server.json'), 'utf8')) as ServerJson;

describe.each(SERVERS.map((server) => [server.name, server] as const))('%s server.json', (_, server) => {
  it('is valid against the registry schema', () => {
    const validate = validator();
    expect(validate(serverJsonOf(server.dir)), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('names the npm package, its mcpName and its version, over stdio', () => {
    const document = serverJsonOf(server.dir);
    expect(document.name).toBe(server.mcpName);
    expect(document.name).toMatch(/^io\.github\.mcp-sampling\/[a-z]+$/);
    expect(document.version).toBe(server.version);
    expect(document.packages).toHaveLength(1);
    expect(document.packages[0]).toMatchObject({
      registryType: 'npm',
      identifier: server.packageName,
      version: server.version,
      transport: { type: 'stdio' },
    });
  });

  it('declares exactly the variables the bin documents, all optional, keys secret', () => {
    const variables = serverJsonOf(server.dir).packages[0]?.environmentVariables ?? [];
    const help = execFileSync(process.execPath, [builtBin(server), '--help'], { encoding: 'utf8' });
    const documented = new Set(help.match(/\b(?:MCP_SAMPLING_[A-Z_]+|[A-Z]+_API_KEY)\b/g));
    expect(variables.map((variable) => variable.name).sort()).toEqual([...documented].sort());
    for (const variable of variables) expect(variable.isRequired).toBe(false);
    const secrets = variables.filter((variable) => variable.isSecret).map((variable) => variable.name);
    expect(secrets).toEqual(expect.arrayContaining([...KEY_VARIABLES, 'MCP_SAMPLING_API_KEY', 'MCP_SAMPLING_STATE_KEY']));
    expect(secrets).toHaveLength(4);
  });
});

describe('the registry schema', () => {
  it('rejects what the registry would: a long description, a version range, a name without a namespace', () => {
    const document = serverJsonOf(SERVERS[0]?.dir ?? '');
    const validate = validator();
    expect(validate({ ...document, description: 'x'.repeat(REGISTRY_DESCRIPTION_MAX + 1) })).toBe(false);
    expect(validate({ ...document, packages: [{ ...document.packages[0], version: 'latest' }] })).toBe(false);
    expect(validate({ ...document, name: 'summarise' })).toBe(false);
  });
});
