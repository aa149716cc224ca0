/**
 * Throughput section of the summarise bench: one open stdio connection each to the kit bin and
 * to the raw-SDK baseline (bench/baseline-server.mjs, the same tool contract), single-sample `summarise` calls with an instant host, many in flight at once;
 * alternating runs, median calls/s per side and the median ratio kit/baseline (more is better).
 */
import { call, compareThroughput, withKitAndBaseline } from '@mcp-sampling/testing/bench';

/**
 * What one era's throughput run does. A thousand warm-up calls each: with fewer, the first timed
 * runs were still visibly speeding up. Eleven run pairs: with five, the median ratio moved by about
 * ±0.08 from one bench run to the next on the same commit; eleven cost a few seconds more per era.
 */
export const THROUGHPUT = { calls: 1000, inFlight: 50, runs: 11, warmup: 1000 };

/**
 * Throughput of `servers.kit` against `servers.baseline` on `era`, calling `summarise` with `args`
 * (every answer must carry `expectedSummary`). Stray stdout lines and a client that never reached
 * `THROUGHPUT.inFlight` calls in flight are added to `problems`.
 */
export async function measureThroughput(servers, era, script, args, expectedSummary, problems) {
  const figures = await withKitAndBaseline(servers, { era, script }, problems, (kitHost, baseHost) => {
    const summariseOn = (host, who) => async () => {
      const result = await call(host, 'summarise', args);
      if (result.structuredContent?.summary !== expectedSummary) throw new Error(`${who}: unexpected summary`);
    };
    return compareThroughput({ kit: summariseOn(kitHost, 'kit'), baseline: summariseOn(baseHost, 'baseline'), ...THROUGHPUT });
  });
  if (figures.maxInFlight !== THROUGHPUT.inFlight) {
    problems.push(`${era} throughput: at most ${figures.maxInFlight} calls were in flight, not ${THROUGHPUT.inFlight}`);
  }
  return figures;
}
