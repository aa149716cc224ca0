/**
 * route over Streamable HTTP, in both eras: served in-process by the kit's HTTP server and by the
 * built bin with --http, each on a real loopback socket; with a sampling host and with one that
 * cannot sample, whose fallback must match what the stdio serving entry returns.
 */
import { httpOptionsFromEnv, startHttpServer } from '@mcp-sampling/kit/http';
import { ERAS, reply } from '@mcp-sampling/testing';
import { noCapabilityHeuristic, useHttpServing } from '@mcp-sampling/testing/http-serving';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';
import { deskCall, PHISHING_REQUEST } from './desk.js';

const { places, connect, callWithoutSampling } = useHttpServing(import.meta.url, {
  build: () => buildServer({ provider: null }), // as the bin builds it when no provider key is configured
  start: (build) => startHttpServer(build, httpOptionsFromEnv({ MCP_HTTP_PORT: '0' })),
});
const args = deskCall(PHISHING_REQUEST, { fallback: 'technical' });

describe.each(places)('route over HTTP, %s', (_, serve) => {
  describe.each(ERAS)('%s', (era) => {
    it('with a sampling host: routes through a repair, with the request delimited in user text', async () => {
      const server = await serve();
      const host = await connect(server.url, {
        era,
        script: {
          rules: [
            { match: /^route$/, reply: reply.text('Let me think about it.') },
            { match: /^route:repair-1$/, reply: reply.json({ route: 'Security', confidence: 0.9, reason: 'A phishing link.' }) },
          ],
        },
      });
      const result = await host.callTool('route', args);

      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({
        route: 'security',
        matchedBy: 'model',
        provenance: { path: 'host', models: ['mock-model'], era, rounds: 2, samples: 2 },
      });
      expect(host.requests.map((request) => `${request.round} ${request.key}`)).toEqual(['1 route', '2 route:repair-1']);
      expect(host.requests[0]?.userText).toContain(`<untrusted-input name="request">\n${PHISHING_REQUEST}\n</untrusted-input>`);
      for (const request of host.requests) expect(request.systemPrompt).not.toMatch(/stranger|invoice/i);
      await server.stop();
    });

    it('with a host that cannot sample: the keyword route, as on stdio', async () => {
      const result = await callWithoutSampling(await serve(), era, 'route', args);
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({
        route: 'security',
        matchedBy: 'keywords',
        provenance: noCapabilityHeuristic(era),
      });
    });
  });
});
