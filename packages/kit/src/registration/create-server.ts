/**
 * `createSamplingServer`: an `McpServer` with kit tools registered, built fresh on every call, so it
 * can back the `buildServer` factory the SDK's serving entries call per connection or request.
 */
import { McpServer } from '@modelcontextprotocol/server';
import { MAX_ROUNDS, type SamplingTool } from '../tool/contract.js';
import { type RegisterOptions, registerSamplingTool } from './register-tool.js';

/** Identity and tools of a kit-built server. */
export interface SamplingServerSpec {
  name: string;
  version: string;
  /** Shown to hosts that surface server instructions. */
  instructions?: string;
  // biome-ignore lint/suspicious/noExplicitAny: a list of tools with differing schemas.
  tools: ReadonlyArray<SamplingTool<any, any>>;
}

/**
 * Build an `McpServer` with the given sampling tools registered. Side-effect free, so it can back
 * a `buildServer` factory that the SDK's serving entries call once per connection or request.
 */
export function createSamplingServer(spec: SamplingServerSpec, options: RegisterOptions = {}): McpServer {
  const server = new McpServer(
    { name: spec.name, version: spec.version },
    {
      ...(spec.instructions !== undefined && { instructions: spec.instructions }),
      // The kit pushes 2025-era steps itself, so the SDK's legacy shim only ever sees an
      // input_required return from code outside the kit; cap it at the kit's own round budget.
      inputRequired: { maxRounds: MAX_ROUNDS },
    },
  );
  for (const tool of spec.tools) registerSamplingTool(server, tool, options);
  return server;
}
