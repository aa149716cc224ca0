/**
 * `pnpm bundle` (root) → `pnpm --filter @mcp-sampling/install-kit run mcpb`: an MCP Bundle per
 * server in `<repo>/.mcpb/`, each validated and packed with the `mcpb` tool. Expects the servers
 * built (the root script builds them first).
 */
import * as path from 'node:path';
import { builtBin } from './list-tools.js';
import { BUNDLE_DIR, buildBundle } from './mcpb.js';
import { allServers, REPO_ROOT } from './servers.js';
import { textTable } from './text-table.js';

const kib = (bytes: number): string => (bytes / 1024).toFixed(1);

const servers = allServers();
for (const server of servers) builtBin(server);
const rows = [['server', 'bundle', 'KiB', 'unpacked KiB']];
for (const server of servers) {
  const bundle = await buildBundle(server);
  rows.push([server.name, path.relative(REPO_ROOT, bundle.file), kib(bundle.bytes), kib(bundle.unpackedBytes)]);
}
process.stdout.write(`${textTable(rows)}\n\nValidated and packed with mcpb into ${path.relative(REPO_ROOT, BUNDLE_DIR)}/.\n`);
