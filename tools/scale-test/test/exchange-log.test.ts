/** The exchange log against a real HTTP server that answers like a replica (Mcp-Replica, Mcp-Session-Id). */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ExchangeLog } from '../src/exchange-log.js';

function replica(name: string): Promise<{ server: Server; url: string }> {
  const server = createServer((request, response) => {
    response.setHeader('mcp-replica', name);
    if (request.headers['mcp-session-id'] === undefined) response.setHeader('mcp-session-id', `session-of-${name}`);
    request.resume();
    request.on('end', () => response.end('{}'));
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () =>
      resolve({ server, url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/mcp` }),
    ),
  );
}

describe('ExchangeLog', () => {
  let a: { server: Server; url: string };
  let b: { server: Server; url: string };
  beforeAll(async () => {
    [a, b] = await Promise.all([replica('alpha'), replica('beta')]);
  });
  afterAll(() => {
    a.server.close();
    b.server.close();
  });

  const call = (token: string) =>
    JSON.stringify({ jsonrpc: '2.0', id: 1, method: 'tools/call', params: { name: 'x', arguments: { text: `about ${token}` } } });

  it('records the method, the token in the arguments, the answering replica and the session', async () => {
    const log = new ExchangeLog();
    await log.fetch(a.url, { method: 'POST', body: call('scale-0123456789ab') });
    await log.fetch(a.url, {
      method: 'POST',
      body: JSON.stringify({ jsonrpc: '2.0', id: 0, result: {} }),
      headers: { 'mcp-session-id': 's-1' },
    });
    await log.fetch(a.url, { method: 'GET' });
    expect(
      log.exchanges.map(({ method, replica, token, sessionId, status }) => ({ method, replica, token, sessionId, status })),
    ).toEqual([
      { method: 'tools/call', replica: 'alpha', token: 'scale-0123456789ab', sessionId: 'session-of-alpha', status: 200 },
      { method: 'response', replica: 'alpha', token: undefined, sessionId: 's-1', status: 200 },
      { method: 'GET', replica: 'alpha', token: undefined, sessionId: 'session-of-alpha', status: 200 },
    ]);
  });

  it('sends the requests the redirect picks elsewhere, and counts requests per replica', async () => {
    const log = new ExchangeLog();
    let calls = 0;
    log.redirectWith(({ method }) => (method === 'tools/call' && ++calls === 2 ? b.url : undefined));
    for (let round = 0; round < 3; round += 1) await log.fetch(a.url, { method: 'POST', body: call('scale-aaaaaaaaaaaa') });
    expect(log.of('tools/call').map((exchange) => exchange.replica)).toEqual(['alpha', 'beta', 'alpha']);
    expect(log.perReplica('tools/call')).toEqual({ alpha: 2, beta: 1 });
  });
});
