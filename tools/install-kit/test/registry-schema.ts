/**
 * The MCP Registry's official server.json schema (2025-12-11), read from the checkout's sibling
 * `../shared/schemas/` (CI provides it there), or from `MCP_REGISTRY_SCHEMA`. It is never copied
 * into the repository. A fresh clone has neither: the checks that need it are then skipped, with
 * the path in their names, and the project's own zod schema (`src/server-json-schema.ts`) still
 * checks every server.json.
 */
import { existsSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { Ajv, type ValidateFunction } from 'ajv';
import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { REPO_ROOT } from '../src/servers.js';

/** Where the schema is looked for. */
export const REGISTRY_SCHEMA_PATH =
  process.env.MCP_REGISTRY_SCHEMA ?? path.resolve(REPO_ROOT, '..', 'shared', 'schemas', 'server.schema.2025-12-11.json');

/** Whether the official schema is at hand. */
export const REGISTRY_SCHEMA_AVAILABLE = existsSync(REGISTRY_SCHEMA_PATH);

/** Annotation keywords the schema uses beyond JSON Schema's own (OpenAPI's `example`). */
const ANNOTATIONS = ['example'];

/** ajv-formats is CommonJS: its plugin is also its `default` property. */
const addFormats = addFormatsModule.default;

/**
 * A validator for server.json, compiled with the JSON Schema draft the schema declares in
 * `$schema` (draft-07 for 2025-12-11; 2020-12 is handled the same way should a later one use it).
 * Throws, naming the path and how to provide it, when the schema file is absent.
 */
export function registryValidator(): ValidateFunction {
  if (!existsSync(REGISTRY_SCHEMA_PATH)) {
    throw new Error(
      `The MCP Registry schema is missing at ${REGISTRY_SCHEMA_PATH}. CI provides it beside the checkout ` +
        '(../shared/schemas/); elsewhere, set MCP_REGISTRY_SCHEMA to a copy of ' +
        'https://static.modelcontextprotocol.io/schemas/2025-12-11/server.schema.json.',
    );
  }
  const schema = JSON.parse(readFileSync(REGISTRY_SCHEMA_PATH, 'utf8')) as { $schema?: string };
  const draft2020 = schema.$schema?.includes('2020-12') ?? false;
  const ajv = draft2020 ? new Ajv2020({ allErrors: true }) : new Ajv({ allErrors: true });
  addFormats(ajv);
  for (const keyword of ANNOTATIONS) ajv.addKeyword(keyword);
  return ajv.compile(schema);
}
