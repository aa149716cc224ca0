/**
 * `pnpm --filter @mcp-sampling/install-kit run generate`: writes every server's README install
 * section, server.json and manifest.json from the sources in this package. With `--check`, writes
 * nothing and exits 1 listing the files that differ.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { generatedFiles } from './generated-files.js';
import { allServers, REPO_ROOT } from './servers.js';

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const server of allServers()) {
  for (const file of await generatedFiles(server)) {
    const current = existsSync(file.path) ? readFileSync(file.path, 'utf8') : undefined;
    if (current === file.expected) continue;
    stale.push(path.relative(REPO_ROOT, file.path));
    if (!check) writeFileSync(file.path, file.expected);
  }
}
const verb = check ? 'out of date' : 'written';
process.stderr.write(stale.length === 0 ? 'generated files are up to date\n' : `${verb}: ${stale.join(', ')}\n`);
if (check && stale.length > 0) process.exitCode = 1;
