/**
 * MCP Inspector's CLI against each built bin, in both protocol eras. The Inspector does not sample,
 * so every tool answers by its fallback: summarise, classify and route with their heuristics, draft
 * with an isError result that says what to configure.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { killLiveProcesses } from './support/bounded-process.js';
import { CALLS } from './support/calls.js';
import { type InspectorEra, type InspectorRun, runInspector, throwawayHome } from './support/inspector.js';
import { SERVERS } from './support/servers.js';

/** The era the server reports in `provenance.era` for each Inspector `--protocol-era`. */
const ERA_SEEN: Record<InspectorEra, string> = { legacy: '2025', modern: '2026-07-28' };

/** Room for two bounded Inspector runs on a loaded machine; only a hang reaches it. */
const TEST_LIMIT_MS = 300_000;

let home: ReturnType<typeof throwawayHome>;
beforeAll(() => {
  home = throwawayHome();
});
afterAll(() => home.dispose());
afterEach(killLiveProcesses);

/** The Inspector's arguments for one `tools/call`: key=value pairs, or one JSON object for the nested route arguments. */
function callArgs(tool: string, args: Record<string, unknown>): string[] {
  if (tool === 'route') return ['--method', 'tools/call', '--tool-name', tool, '--tool-args-json', JSON.stringify(args)];
  const pairs = Object.entries(args).map(([key, value]) => `${key}=${typeof value === 'string' ? value : JSON.stringify(value)}`);
  return ['--method', 'tools/call', '--tool-name', tool, '--tool-arg', ...pairs];
}

/** A failure message that carries what the Inspector and the server wrote on stderr. */
const seen = (run: InspectorRun) => `exit ${run.code}; stderr:\n${run.stderr}`;

describe.each(SERVERS)('MCP Inspector CLI against $binName', (server) => {
  const call = CALLS[server.tool];

  describe.each<InspectorEra>(['legacy', 'modern'])('--protocol-era %s', (era) => {
    it('lists the tool with the arguments its input schema requires', { timeout: TEST_LIMIT_MS }, async () => {
      const run = await runInspector({ era, serverBin: server.bin, methodArgs: ['--method', 'tools/list'], home: home.home });
      expect(run.code, seen(run)).toBe(0);
      const tools = run.result?.tools as Array<{ name: string; inputSchema: { required?: string[] } }>;
      expect(tools.map((tool) => tool.name)).toEqual([server.tool]);
      expect(tools[0]?.inputSchema.required).toEqual(server.required);
      // The bin logs its start on stderr, which the Inspector passes through; its stdout carried only JSON-RPC.
      expect(run.stderr).toContain(`${server.binName} `);
    });

    it('calls the tool and gets the answer for a host that does not sample', { timeout: TEST_LIMIT_MS }, async () => {
      const run = await runInspector({
        era,
        serverBin: server.bin,
        methodArgs: callArgs(server.tool, call.args),
        home: home.home,
      });
      const result = run.result as { isError?: boolean; content: Array<{ text?: string }>; structuredContent?: unknown };
      expect(result, seen(run)).toBeDefined();
      // A 2026-07-28 result carries the server's identity in `_meta`; a 2025 result has no `_meta`.
      const meta = (result as { _meta?: Record<string, { name?: string }> })._meta;
      if (era === 'modern') expect(meta?.['io.modelcontextprotocol/serverInfo']?.name).toBe(server.binName);
      else expect(meta).toBeUndefined();
      if (call.heuristicResult === undefined) {
        expect(run.code, seen(run)).toBe(5);
        expect(run.error?.code).toBe('tool_is_error');
        expect(result.isError).toBe(true);
        const text = result.content.map((block) => block.text ?? '').join('\n');
        expect(text).toContain('the host did not declare sampling');
        expect(text).toContain('no provider is configured');
        expect(text).toMatch(/ANTHROPIC_API_KEY or OPENAI_API_KEY/);
        expect(text).toContain('MCP_SAMPLING_FALLBACK=delegate');
        return;
      }
      expect(run.code, seen(run)).toBe(0);
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({
        ...call.heuristicResult,
        provenance: {
          path: 'heuristic',
          era: ERA_SEEN[era],
          models: [],
          // No key reached the server: the provider step of the fallback had nothing to use.
          reason: expect.stringMatching(/^no-capability: .*no provider is configured/),
        },
      });
    });
  });
});
