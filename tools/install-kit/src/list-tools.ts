/**
 * The tools a built server lists, asked over stdio exactly as a host would (`tools/list`), so the
 * bundle manifest names the tools the server really serves.
 */
import { existsSync } from 'node:fs';
import * as path from 'node:path';
import { connectStdio } from '@mcp-sampling/testing';
import type { ListedTool } from './manifest.js';
import { blankServerEnvironment } from './server-env.js';
import type { ServerInfo } from './servers.js';

/** The built bin of `server` in the workspace; throws, naming the fix, when it has not been built. */
export function builtBin(server: ServerInfo): string {
  const bin = path.join(server.dir, server.binPath);
  if (!existsSync(bin)) throw new Error(`${bin} does not exist: build the servers first (pnpm build).`);
  return bin;
}

/** Spawns the built bin, lists its tools, and stops it. */
export async function listTools(server: ServerInfo): Promise<ListedTool[]> {
  const host = await connectStdio({ command: process.execPath, args: [builtBin(server)], env: blankServerEnvironment() });
  try {
    const { tools } = await host.client.listTools();
    return tools.map((tool) => ({ name: tool.name, ...(tool.description !== undefined && { description: tool.description }) }));
  } finally {
    await host.close();
  }
}
