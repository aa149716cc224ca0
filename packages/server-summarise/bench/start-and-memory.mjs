/**
 * Start-up and memory section of the summarise bench: the kit bin against the minimal
 * raw-SDK anchor (bench/minimal-server.mjs: one tool, McpServer + serveStdio, nothing of the kit).
 * Cold start is spawn → first `tools/list` answer, the servers taking turns (the kit also with a
 * fallback provider configured, whose module must still load lazily); peak RSS (VmHWM) is read from
 * a fresh process of each after the same short load of `summarise` calls, many in flight.
 */
import { fileURLToPath } from 'node:url';
import { call, coldStarts, peakRssAfterLoad, throughput } from '@mcp-sampling/testing/bench';

/** The minimal anchor, spawned like the bin. */
export const ANCHOR = { command: process.execPath, args: [fileURLToPath(new URL('./minimal-server.mjs', import.meta.url))] };

/** Cold starts per server; the short load before reading peak RSS; fresh processes per server for it. */
export const START_AND_MEMORY = { coldStarts: 15, loadCalls: 200, loadInFlight: 50, rssRuns: 3 };

/**
 * Cold start of `servers.kit` and `servers.kitWithProvider` against the anchor, and peak RSS of
 * the kit against the anchor after `START_AND_MEMORY.loadCalls` calls of `summarise` with `args`.
 */
export async function measureStartAndMemory(servers, era, script, args) {
  const starts = await coldStarts(
    { kit: servers.kit, kitWithProvider: servers.kitWithProvider, anchor: ANCHOR },
    era,
    START_AND_MEMORY.coldStarts,
  );
  const load = (host) =>
    throughput(() => call(host, 'summarise', args), START_AND_MEMORY.loadCalls, START_AND_MEMORY.loadInFlight);
  const rss = await peakRssAfterLoad({ kit: servers.kit, anchor: ANCHOR }, { era, script }, load, START_AND_MEMORY.rssRuns);
  return {
    coldStart: {
      ...starts,
      ratio: starts.kit.medianMs / starts.anchor.medianMs,
      providerRatio: starts.kitWithProvider.medianMs / starts.anchor.medianMs,
    },
    peakRss: { kitMiB: rss.kit, anchorMiB: rss.anchor, ratio: rss.kit / rss.anchor },
  };
}
