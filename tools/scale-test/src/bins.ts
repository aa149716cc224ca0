/** Where the built server bins are: each server package's `bin`, resolved through its package.json. */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import * as path from 'node:path';

/** The servers the scale test runs. */
export type ServerName = 'summarise' | 'draft';

/** A built server bin. */
export interface ServerBin {
  server: ServerName;
  /** Command name, e.g. `mcp-server-summarise`. */
  command: string;
  /** Absolute path of the built entry (`dist/bin.js`). */
  path: string;
}

const require = createRequire(import.meta.url);

/** The built bin of one server; throws with the build command when it is missing. */
export function serverBin(server: ServerName): ServerBin {
  const manifestPath = require.resolve(`@mcp-sampling/server-${server}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const [command, relative] = Object.entries(manifest.bin)[0] ?? [];
  if (command === undefined || relative === undefined) throw new Error(`server-${server} declares no bin`);
  const binPath = path.join(path.dirname(manifestPath), relative);
  if (!existsSync(binPath)) {
    throw new Error(`${binPath} is not built: run pnpm turbo run build --filter=@mcp-sampling/scale-test...`);
  }
  return { server, command, path: binPath };
}
