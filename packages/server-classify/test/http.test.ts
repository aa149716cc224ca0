/**
 * classify over Streamable HTTP, in both eras: served in-process by the kit's HTTP server and by
 * the built bin with --http, each on a real loopback socket; with a sampling host and with one
 * that cannot sample, whose fallback must match what the stdio serving entry returns.
 */
import { httpOptionsFromEnv, startHttpServer } from '@mcp-sampling/kit/http';
import { ERAS } from '@mcp-sampling/testing';
import { noCapabilityHeuristic, useHttpServing } from '@mcp-sampling/testing/http-serving';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';
import { REFUND_TICKET, repairedBillingResult, repairedBillingScript, SUPPORT_LABELS } from './fixtures.js';

const { places, connect, callWithoutSampling } = useHttpServing(import.meta.url, {
  build: () => buildServer({ provider: null }), // as the bin builds it when no provider key is configured
  start: (build) => startHttpServer(build, httpOptionsFromEnv({ MCP_HTTP_PORT: '0' })),
});
const args = { text: REFUND_TICKET, labels: SUPPORT_LABELS };

describe.each(places)('classify over HTTP, %s', (_, serve) => {
  describe.each(ERAS)('%s', (era) => {
    it('with a sampling host: classifies after one repair, with the text delimited in user text', async () => {
      const server = await serve();
      const host = await connect(server.url, { era, script: repairedBillingScript() });
      const result = await host.callTool('classify', args);

      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toEqual(repairedBillingResult(era));
      expect(host.requests.map((request) => `${request.round} ${request.key}`)).toEqual(['1 classify', '2 classify:repair-1']);
      expect(host.requests[0]?.userText).toContain(`<untrusted-input name="text">\n${REFUND_TICKET}\n</untrusted-input>`);
      for (const request of host.requests) expect(request.systemPrompt).not.toMatch(/charged twice|refund/i);
      await server.stop();
    });

    it('with a host that cannot sample: the heuristic label, as on stdio', async () => {
      const result = await callWithoutSampling(await serve(), era, 'classify', args);
      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toMatchObject({ label: 'Billing', provenance: noCapabilityHeuristic(era) });
    });
  });
});
