/**
 * The MCP Registry's documented rules for `server.json` (schema 2025-12-11), stated as this
 * project's own zod schema so every checkout can check its server.json files with nothing beside
 * it. Where the official JSON Schema is at hand, the tests also run it; both reject the same bad
 * examples. The rules the registry documents in prose but its JSON Schema cannot state (a version
 * range, an unknown package registry) are checked here too.
 */
import * as z from 'zod/v4';
import { REGISTRY_DESCRIPTION_MAX } from './server-json.js';

/** `namespace/name`: a reverse-DNS namespace (e.g. `io.github.owner`), one slash, then the server's name. */
export const REGISTRY_NAME_PATTERN = /^[a-zA-Z0-9.-]+\/[a-zA-Z0-9._-]+$/;

/** Package registries the registry knows how to download from. */
export const PACKAGE_REGISTRIES = ['npm', 'pypi', 'oci', 'nuget', 'mcpb'] as const;

/** A version range, or a tag that moves: `^1.2.3`, `~1.2.3`, `>=1.2.3`, `1.x`, `1.*`, `1 - 2`, `a || b`, `latest`. */
const MOVING_VERSION = /^[\^~<>=]|(?:^|\.)[xX*](?:\.|$)|\s|\|\||^latest$/;

/** One exact version, as the registry requires of servers and packages alike. */
const exactVersion = z
  .string()
  .min(1)
  .max(255)
  .refine((version) => !MOVING_VERSION.test(version), {
    message: 'must be one exact version (e.g. 1.0.2), not a range or a tag such as ^1.0.0, 1.x or latest',
  });

/** An environment variable, header or argument value a host asks for. */
const input = {
  description: z.string().optional(),
  isRequired: z.boolean().optional(),
  isSecret: z.boolean().optional(),
  format: z.enum(['string', 'number', 'boolean', 'filepath']).optional(),
  default: z.string().optional(),
  value: z.string().optional(),
  placeholder: z.string().optional(),
  choices: z.array(z.string()).optional(),
};

/** A named input: an environment variable or a header. */
const keyValueInput = z.object({ name: z.string().min(1, 'needs a name'), ...input });

const httpUrl = z.string().regex(/^https?:\/\/\S+$/, 'must be an http(s) URL');

/** How a host talks to a package it started: stdio, or HTTP on a URL. */
const transport = z.discriminatedUnion('type', [
  z.object({ type: z.literal('stdio') }),
  z.object({ type: z.literal('streamable-http'), url: httpUrl, headers: z.array(keyValueInput).optional() }),
  z.object({ type: z.literal('sse'), url: httpUrl, headers: z.array(keyValueInput).optional() }),
]);

const registryPackage = z.object({
  registryType: z.enum(PACKAGE_REGISTRIES),
  registryBaseUrl: z.url().optional(),
  identifier: z.string().min(1),
  version: exactVersion.optional(),
  runtimeHint: z.string().optional(),
  transport,
  environmentVariables: z.array(keyValueInput).optional(),
});

/** A server.json document, as the registry accepts it (unknown fields pass, as they do there). */
export const ServerJsonSchema = z.object({
  $schema: z.url().optional(),
  name: z
    .string()
    .min(3)
    .max(200)
    .regex(REGISTRY_NAME_PATTERN, 'must be namespace/name with one slash, e.g. io.github.owner/server')
    .refine((name) => name.split('/')[0]?.includes('.'), {
      message: 'needs a reverse-DNS namespace before the slash, e.g. io.github.owner',
    }),
  title: z.string().min(1).max(100).optional(),
  description: z.string().min(1).max(REGISTRY_DESCRIPTION_MAX),
  version: exactVersion,
  repository: z
    .object({ url: z.url(), source: z.string(), subfolder: z.string().optional(), id: z.string().optional() })
    .optional(),
  websiteUrl: z.url().optional(),
  packages: z.array(registryPackage).optional(),
});

export type ServerJson = z.infer<typeof ServerJsonSchema>;

/** The problems the registry would report for `document`, one line each (empty when it is valid). */
export function serverJsonProblems(document: unknown): string[] {
  const parsed = ServerJsonSchema.safeParse(document);
  return parsed.success ? [] : parsed.error.issues.map((issue) => `${issue.path.join('.') || '(root)'}: ${issue.message}`);
}
