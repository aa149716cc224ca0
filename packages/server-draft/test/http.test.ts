/**
 * draft over Streamable HTTP, in both eras: served in-process by the kit's HTTP server and by the
 * built bin with --http, each on a real loopback socket; with a sampling host and with one that
 * cannot sample, whose clear isError must match what the stdio serving entry returns.
 */
import { httpOptionsFromEnv, startHttpServer } from '@mcp-sampling/kit/http';
import { ERAS, textOf } from '@mcp-sampling/testing';
import { useHttpServing } from '@mcp-sampling/testing/http-serving';
import { describe, expect, it } from 'vitest';
import { buildServer } from '../src/server.js';
import { ONE_REVISION_ARGS, ONE_REVISION_SCRIPT, oneRevisionResult, structured } from './fixtures.js';

const { places, connect, callWithoutSampling } = useHttpServing(import.meta.url, {
  build: () => buildServer({ provider: null }), // as the bin builds it when no provider key is configured
  start: (build) => startHttpServer(build, httpOptionsFromEnv({ MCP_HTTP_PORT: '0' })),
});
const args = ONE_REVISION_ARGS;

describe.each(places)('draft over HTTP, %s', (_, serve) => {
  describe.each(ERAS)('%s', (era) => {
    it('with a sampling host: outlines, drafts and revises once, with the brief delimited in user text', async () => {
      const server = await serve();
      const host = await connect(server.url, { era, script: ONE_REVISION_SCRIPT });
      const result = await host.callTool('draft', args);

      expect(result.isError).toBeFalsy();
      expect(structured(result)).toMatchObject(oneRevisionResult(era));
      expect(structured(result).provenance.models).toEqual(['mock-model']);
      expect(host.requests.map((request) => `${request.round} ${request.key}`)).toEqual(['1 outline', '2 draft', '3 revise:1']);
      for (const request of host.requests) {
        expect(request.userText).toContain(`<untrusted-input name="brief">\n${args.brief}\n</untrusted-input>`);
        expect(request.systemPrompt).not.toMatch(/clean-up|parking/i);
      }
      await server.stop();
    });

    it('with a host that cannot sample: the clear isError of a tool with no heuristic, as on stdio', async () => {
      const result = await callWithoutSampling(await serve(), era, 'draft', args);
      expect(result.isError).toBe(true);
      expect(textOf(result)).toMatch(/does not offer MCP sampling/);
      expect(textOf(result)).toContain("no provider is configured; the tool 'draft' has no heuristic");
    });
  });
});
