/**
 * Three replicas of one server sharing a state key, behind HAProxy, plus the mock hosts that
 * talk to them.
 */
import { randomBytes } from 'node:crypto';
import { mkdirSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { connectHttp, type MockHost, type Script } from '@mcp-sampling/testing';
import { type ServerBin, type ServerName, serverBin } from './bins.js';
import type { ExchangeLog } from './exchange-log.js';
import { Haproxy, SERVER_NAMES } from './haproxy.js';
import { Replica } from './replica.js';

/** Where the run's files go (the repository's .bench/, as for every benchmark). */
const BENCH_DIR = path.resolve(import.meta.dirname, '../../../.bench');

/** The two protocol eras. */
export type Era = '2025' | '2026-07-28';

/** A random secret of `bytes` bytes, hex-encoded (a state key needs at least 32 bytes). */
export function secret(bytes = 32): string {
  return randomBytes(bytes).toString('hex');
}

export class Cluster {
  private constructor(
    readonly server: ServerName,
    readonly bin: ServerBin,
    /** MCP_SAMPLING_STATE_KEY shared by the replicas. */
    readonly stateKey: string,
    /** MCP_HTTP_TOKEN of every replica. */
    readonly token: string,
    /** In the order of HAProxy's server lines (replica1, replica2, replica3). */
    readonly replicas: readonly Replica[],
    readonly proxy: Haproxy,
  ) {}

  /** Start three replicas and HAProxy in front of them; everything started is stopped on failure. */
  static async start(server: ServerName, haproxyBinary: string, runDir: string): Promise<Cluster> {
    const bin = serverBin(server);
    const stateKey = secret();
    const token = secret(24);
    const started = await Promise.allSettled(
      SERVER_NAMES.map((_, index) => Replica.start({ bin, name: `${server}-${index + 1}`, stateKey, token })),
    );
    const replicas = started.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value] : []));
    try {
      const failed = started.find((outcome) => outcome.status === 'rejected');
      if (failed !== undefined) throw (failed as PromiseRejectedResult).reason;
      const proxy = await Haproxy.start(
        haproxyBinary,
        replicas.map((replica) => replica.address),
        runDir,
        server,
      );
      return new Cluster(server, bin, stateKey, token, replicas, proxy);
    } catch (error) {
      await Promise.all(replicas.map((replica) => replica.stop()));
      throw error;
    }
  }

  /** The replica with this `Mcp-Replica` name. */
  replica(name: string | undefined): Replica {
    const found = this.replicas.find((replica) => replica.name === name);
    if (found === undefined) throw new Error(`no replica named ${name ?? '(none)'}`);
    return found;
  }

  /** HAProxy's server name (replica1..3) for a replica. */
  serverNameOf(replica: Replica): string {
    return SERVER_NAMES[this.replicas.indexOf(replica)] ?? '?';
  }

  /** A mock host connected to `url` (default: through HAProxy) with the replicas' token. */
  connect(era: Era, script: Script, log: ExchangeLog, url = this.proxy.url): Promise<MockHost> {
    return connectHttp(url, { era, script, headers: { Authorization: `Bearer ${this.token}` }, fetch: log.fetch });
  }

  /** What went wrong lately, for a failure report: the tail of each replica's stderr and of HAProxy's log. */
  diagnostics(lines = 8): string[] {
    return [
      ...this.replicas.flatMap((replica) => [`${replica.name} stderr:`, ...replica.stderr.slice(-lines).map((l) => `  ${l}`)]),
      'haproxy (replica state changes, then the last lines):',
      ...this.proxy.stateChanges().map((line) => `  ${line}`),
      ...this.proxy.log.slice(-lines).map((line) => `  ${line}`),
    ];
  }

  /** Stop HAProxy and every replica; HAProxy's whole log is kept in `.bench/scale-<server>-haproxy.log`. */
  async close(): Promise<void> {
    await this.proxy.close();
    mkdirSync(BENCH_DIR, { recursive: true });
    writeFileSync(path.join(BENCH_DIR, `scale-${this.server}-haproxy.log`), `${this.proxy.log.join('\n')}\n`);
    await Promise.all(this.replicas.map((replica) => replica.stop()));
  }
}
