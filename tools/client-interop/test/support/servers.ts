/**
 * The four server bins under test, as built by their packages (`dist/bin.js`), with the one tool
 * each serves and the arguments its input schema requires.
 */
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';

/** The servers, by the name of their tool. */
export type ToolName = 'summarise' | 'classify' | 'route' | 'draft';

/** One server bin and what `tools/list` must show of its tool. */
export interface ServerUnderTest {
  tool: ToolName;
  /** The bin's command name, e.g. `mcp-server-summarise`. */
  binName: string;
  /** Absolute path of the built bin. */
  bin: string;
  /** `inputSchema.required` of the tool, in schema order. */
  required: string[];
}

const require = createRequire(import.meta.url);

/** The built bin of `packageName`, read from its package.json `bin`; fails clearly when it is not built. */
function builtBin(packageName: string): { binName: string; bin: string } {
  const manifestPath = require.resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin: Record<string, string> };
  const [binName, relative] = Object.entries(manifest.bin)[0] ?? [];
  if (binName === undefined || relative === undefined) throw new Error(`${packageName} declares no bin`);
  const bin = join(dirname(manifestPath), relative);
  if (!existsSync(bin)) {
    throw new Error(`${bin} is missing: build it first (pnpm turbo run build --filter=@mcp-sampling/client-interop...)`);
  }
  return { binName, bin };
}

/** Every server, in a fixed order. */
export const SERVERS: readonly ServerUnderTest[] = [
  { tool: 'summarise', ...builtBin('@mcp-sampling/server-summarise'), required: ['text'] },
  { tool: 'classify', ...builtBin('@mcp-sampling/server-classify'), required: ['text', 'labels'] },
  { tool: 'route', ...builtBin('@mcp-sampling/server-route'), required: ['request', 'routes'] },
  { tool: 'draft', ...builtBin('@mcp-sampling/server-draft'), required: ['brief'] },
];
