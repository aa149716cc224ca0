/**
 * deploy/haproxy.cfg keeps the settings that were measured to matter (see its comments and
 * deploy/README.md); `pnpm test:scale` runs it for real, these catch an edit that drops one.
 */
import { chmodSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findHaproxy, HAPROXY_CONFIG, haproxyEnvironment, INSTALL_HINT, SERVER_NAMES } from '../src/haproxy.js';

const config = readFileSync(HAPROXY_CONFIG, 'utf8');
/** The configuration's directives, comments left out. */
const directives = config
  .split('\n')
  .map((line) => line.replace(/#.*$/, '').trim())
  .filter((line) => line !== '');

function seconds(directive: string): number {
  const line = directives.find((candidate) => candidate.startsWith(`${directive} `));
  const match = /(\d+)(ms|s|m)$/.exec(line ?? '');
  if (match === null) throw new Error(`no '${directive}' with a duration`);
  return Number(match[1]) * { ms: 0.001, s: 1, m: 60 }[match[2] as 'ms' | 's' | 'm'];
}

describe('deploy/haproxy.cfg', () => {
  it('keeps 2025 sessions on the replica that created them, by Mcp-Session-Id', () => {
    expect(directives).toContain('stick on req.hdr(mcp-session-id)');
    expect(directives).toContain('stick store-response res.hdr(mcp-session-id)');
    expect(directives.some((line) => line.startsWith('stick-table type string'))).toBe(true);
  });

  it('balances round robin (2026 rounds need no stickiness)', () => {
    expect(directives).toContain('balance roundrobin');
  });

  it('resends a request that met a dead replica to another one', () => {
    expect(directives).toContain('option redispatch 1');
    expect(directives).toContain('retry-on conn-failure empty-response response-timeout');
  });

  it("outlasts the kit's 300 s sampling wait on client and server side, and keeps client connections 10 s", () => {
    expect(seconds('timeout client')).toBeGreaterThan(300);
    expect(seconds('timeout server')).toBeGreaterThan(300);
    expect(seconds('timeout http-keep-alive')).toBeGreaterThanOrEqual(10);
  });

  it("does not pass the replicas' Keep-Alive hint on to clients", () => {
    expect(directives).toContain('http-response del-header keep-alive');
  });

  it('checks each replica on /healthz and expects 200', () => {
    expect(directives).toContain('http-check send meth GET uri /healthz');
    expect(directives).toContain('http-check expect status 200');
  });

  it('takes every replica address from MCP_REPLICA_n, one server line per name the harness knows', () => {
    const servers = directives.filter((line) => line.startsWith('server '));
    expect(servers.map((line) => line.split(' ')[1])).toEqual([...SERVER_NAMES]);
    expect(servers.map((line) => /"\$\{(MCP_REPLICA_\d)-/.exec(line)?.[1])).toEqual([
      'MCP_REPLICA_1',
      'MCP_REPLICA_2',
      'MCP_REPLICA_3',
    ]);
  });
});

describe('haproxyEnvironment', () => {
  it('fills the variables the configuration reads', () => {
    expect(haproxyEnvironment(['127.0.0.1:1', '127.0.0.1:2', '127.0.0.1:3'], '127.0.0.1:9', '/tmp/s.sock')).toEqual({
      MCP_REPLICA_1: '127.0.0.1:1',
      MCP_REPLICA_2: '127.0.0.1:2',
      MCP_REPLICA_3: '127.0.0.1:3',
      MCP_HAPROXY_BIND: '127.0.0.1:9',
      MCP_HAPROXY_STATS_SOCKET: '/tmp/s.sock',
    });
    for (const variable of ['MCP_REPLICA_1', 'MCP_HAPROXY_BIND', 'MCP_HAPROXY_STATS_SOCKET'])
      expect(config).toContain(`\${${variable}`);
  });

  it('refuses a replica count the configuration has no server lines for', () => {
    expect(() => haproxyEnvironment(['127.0.0.1:1'], '127.0.0.1:9', '/tmp/s.sock')).toThrow(/3 server lines/);
  });
});

describe('findHaproxy', () => {
  const dir = mkdtempSync(path.join(tmpdir(), 'find-haproxy-'));
  const fake = path.join(dir, 'haproxy');
  writeFileSync(fake, '#!/bin/sh\n');
  chmodSync(fake, 0o755);

  it('takes $HAPROXY when it is executable, and nothing else when it is not', () => {
    expect(findHaproxy({ HAPROXY: fake, PATH: '' })).toBe(fake);
    expect(findHaproxy({ HAPROXY: path.join(dir, 'missing'), PATH: dir })).toBeUndefined();
  });

  it('finds haproxy on PATH', () => {
    expect(findHaproxy({ PATH: dir })).toBe(fake);
  });

  it('says how to install it when it is missing', () => {
    expect(INSTALL_HINT).toContain('apt-get install -y haproxy');
    expect(INSTALL_HINT).toContain('HAPROXY=');
  });
});
