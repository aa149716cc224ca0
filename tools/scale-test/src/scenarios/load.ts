/**
 * Many concurrent calls, each with its own token, against one URL: through HAProxy to three
 * replicas, or to one replica directly. Every call must come back, carrying its own token.
 */
import { performance } from 'node:perf_hooks';
import type { MockHost } from '@mcp-sampling/testing';
import type { Cluster, Era } from '../cluster.js';
import { ExchangeLog } from '../exchange-log.js';
import { newToken, WORKLOADS, wrongAnswer } from '../workloads.js';

/** The figures of one load run. */
export interface LoadFigures {
  server: string;
  era: Era;
  route: 'HAProxy, 3 replicas' | 'one replica, direct';
  calls: number;
  /** 2025: sessions the calls were spread over (one mock host each). */
  sessions: number;
  /** Calls that failed or came back with a wrong answer. */
  lost: number;
  wallSeconds: number;
  callsPerSecond: number;
  /** `tools/call` requests (one per round) answered by each replica. */
  toolCallsPerReplica: Record<string, number>;
  /** Calls whose rounds were answered by more than one replica. */
  callsOnSeveralReplicas: number;
  /** HAProxy's messages about replicas leaving or rejoining the rotation during the run. */
  stateChanges: string[];
  /** The first few problems, for the report. */
  problems: string[];
}

/** How a load run is shaped. */
export interface LoadShape {
  era: Era;
  calls: number;
  /** 2025 only: the calls are spread over this many sessions (2026 calls share one stateless host). */
  sessions: number;
  /** Default: through HAProxy. */
  direct?: boolean;
}

/** Random 0-50 ms, the host's thinking time per request. */
const randomDelay = () => Math.random() * 50;

/** Run `shape.calls` concurrent calls and measure them. Connecting is not part of the wall time. */
export async function runLoad(cluster: Cluster, shape: LoadShape): Promise<LoadFigures> {
  const workload = WORKLOADS[cluster.server];
  const log = new ExchangeLog();
  const url = shape.direct === true ? (cluster.replicas[0]?.url ?? '') : cluster.proxy.url;
  const hostCount = shape.era === '2025' ? shape.sessions : 1;
  const hosts: MockHost[] = [];
  try {
    for (let index = 0; index < hostCount; index += 1) {
      hosts.push(await cluster.connect(shape.era, workload.script({ delayMs: randomDelay }), log, url));
    }
    log.clear();
    const logStart = cluster.proxy.log.length;
    const problems: string[] = [];
    const started = performance.now();
    const outcomes = await Promise.all(
      Array.from({ length: shape.calls }, async (_, index) => {
        const token = newToken();
        const host = hosts[index % hosts.length] as MockHost;
        try {
          const problem = wrongAnswer(await host.callTool(workload.tool, workload.args(token)), token);
          if (problem !== undefined) problems.push(`call ${index + 1}: ${problem}`);
          return problem === undefined;
        } catch (error) {
          problems.push(`call ${index + 1}: ${describeError(error)}`);
          return false;
        }
      }),
    );
    const wallSeconds = (performance.now() - started) / 1000;
    const answered = outcomes.filter(Boolean).length;
    const replicasPerCall = new Map<string, Set<string>>();
    for (const exchange of log.of('tools/call')) {
      if (exchange.token === undefined) continue;
      const seen = replicasPerCall.get(exchange.token) ?? new Set<string>();
      seen.add(exchange.replica ?? '(none)');
      replicasPerCall.set(exchange.token, seen);
    }
    return {
      server: cluster.server,
      era: shape.era,
      route: shape.direct === true ? 'one replica, direct' : 'HAProxy, 3 replicas',
      calls: shape.calls,
      sessions: shape.era === '2025' ? hostCount : 0,
      lost: shape.calls - answered,
      wallSeconds,
      callsPerSecond: answered / wallSeconds,
      toolCallsPerReplica: log.perReplica('tools/call'),
      callsOnSeveralReplicas: [...replicasPerCall.values()].filter((replicas) => replicas.size > 1).length,
      stateChanges: shape.direct === true ? [] : cluster.proxy.stateChanges(logStart),
      problems: problems.slice(0, 5),
    };
  } finally {
    await Promise.allSettled(hosts.map((host) => host.close()));
  }
}

/** The lines a load check prints. */
export function loadLines(figures: LoadFigures): string[] {
  const spread = Object.entries(figures.toolCallsPerReplica)
    .map(([name, count]) => `${name} ${count}`)
    .join(', ');
  return [
    `${figures.calls - figures.lost}/${figures.calls} calls answered with their own token` +
      `${figures.sessions > 0 ? ` over ${figures.sessions} sessions` : ''} in ${figures.wallSeconds.toFixed(2)} s ` +
      `(${figures.callsPerSecond.toFixed(1)} calls/s)`,
    `tools/call per replica: ${spread}; calls with rounds on more than one replica: ${figures.callsOnSeveralReplicas}`,
    ...(figures.route === 'HAProxy, 3 replicas'
      ? figures.stateChanges.length === 0
        ? ['HAProxy kept every replica UP throughout']
        : ['HAProxy changed replica states during the run:', ...figures.stateChanges.map((line) => `  ${line}`)]
      : []),
    ...figures.problems,
  ];
}

/** An error's message and, for `fetch failed`, the socket-level cause under it. */
function describeError(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const cause = error.cause as { code?: string; message?: string } | undefined;
  return cause === undefined ? error.message : `${error.message} (${[cause.code, cause.message].filter(Boolean).join(': ')})`;
}
