/**
 * The demo's four tasks: each server of this repository, its built bin (resolved through its
 * package's `bin` field), and a realistic input shipped in `apps/host/demo/`.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { thousands } from '../render/text.js';

/** One demo task. */
export interface DemoCase {
  /** The server's package, e.g. `@mcp-sampling/server-summarise`. */
  packageName: string;
  tool: string;
  /** What the task is, in one line. */
  task: string;
  args: Record<string, unknown>;
}

/** The folder holding the demo inputs (`apps/host/demo`). */
export const DEMO_DIR = fileURLToPath(new URL('../../demo/', import.meta.url));

/** The path of a server package's built bin, from its package.json `bin` field. */
export function serverBinPath(packageName: string): string {
  const manifestPath = createRequire(import.meta.url).resolve(`${packageName}/package.json`);
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8')) as { bin?: string | Record<string, string> };
  const bin = typeof manifest.bin === 'string' ? manifest.bin : Object.values(manifest.bin ?? {})[0];
  if (bin === undefined) throw new Error(`${packageName} declares no bin`);
  return join(dirname(manifestPath), bin);
}

/** The four tasks, with inputs read from `dir`. */
export function demoCases(dir: string = DEMO_DIR): DemoCase[] {
  const text = (name: string) => readFileSync(join(dir, name), 'utf8');
  const json = (name: string) => JSON.parse(text(name)) as Record<string, unknown>;

  const report = text('sample-report.txt');
  const ticket = json('support-ticket.json');
  const routing = json('route-request.json');
  const brief = json('draft-brief.json');
  const context = text('draft-context.txt');
  const labels = ticket.labels as unknown[];
  const routes = routing.routes as Array<{ name: string }>;
  const mustInclude = brief.mustInclude as string[];

  return [
    {
      packageName: '@mcp-sampling/server-summarise',
      tool: 'summarise',
      task: `a ${thousands(report.length)}-character annual report (demo/sample-report.txt), as bullets of at most 120 words`,
      args: { text: report, style: 'bullets', maxWords: 120 },
    },
    {
      packageName: '@mcp-sampling/server-classify',
      tool: 'classify',
      task: `a support ticket (demo/support-ticket.json) into one of ${labels.length} labels`,
      args: ticket,
    },
    {
      packageName: '@mcp-sampling/server-route',
      tool: 'route',
      task: `a customer message (demo/route-request.json) to one of ${routes.length} desks: ${routes.map((route) => route.name).join(', ')}`,
      args: routing,
    },
    {
      packageName: '@mcp-sampling/server-draft',
      tool: 'draft',
      task:
        `an ${String(brief.kind)} from a brief with ${mustInclude.length} required points (demo/draft-brief.json) ` +
        `and ${thousands(context.length)} characters of context (demo/draft-context.txt)`,
      args: { ...brief, context },
    },
  ];
}
