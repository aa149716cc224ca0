/**
 * summarise over Streamable HTTP, in both eras: served in-process by the kit's HTTP server and by
 * the built bin with --http, each on a real loopback socket; with a sampling host and with one
 * that cannot sample, whose fallback must match what the stdio serving entry returns.
 */
import { httpOptionsFromEnv, startHttpServer } from '@mcp-sampling/kit/http';
import { ERAS, PATIENT_WAIT, provenanceOf, type Reply, reply, structuredOf } from '@mcp-sampling/testing';
import { noCapabilityHeuristic, useHttpServing } from '@mcp-sampling/testing/http-serving';
import { describe, expect, it, vi } from 'vitest';
import { buildServer } from '../src/server.js';
import { documentOf, paragraph } from './texts.js';

const { places, connect, callWithoutSampling } = useHttpServing(import.meta.url, {
  build: () => buildServer({ provider: null }), // as the bin builds it when no provider key is configured
  start: (build) => startHttpServer(build, httpOptionsFromEnv({ MCP_HTTP_PORT: '0' })),
});

describe.each(places)('summarise over HTTP, %s', (_, serve) => {
  describe.each(ERAS)('%s', (era) => {
    it('with a sampling host: fans out the chunks, then reduces, with the document delimited in user text', async () => {
      const server = await serve();
      // On 2025 the three pushed requests can arrive over several reads of the stream: each chunk
      // is answered once all three are in, so the mock host counts them as the one round they are.
      const part: Reply = async (request, signal) => {
        await vi.waitFor(() => expect(host.requests.filter((r) => r.key?.startsWith('map:'))).toHaveLength(3), PATIENT_WAIT);
        return reply.text('Part.')(request, signal);
      };
      const host = await connect(server.url, {
        era,
        script: { rules: [{ match: 'map', reply: part }], otherwise: reply.text('The whole story, briefly.') },
      });
      const result = await host.callTool('summarise', { text: documentOf(60_000), maxWords: 30 });

      expect(result.isError).toBeFalsy();
      expect(result.structuredContent).toEqual({
        summary: 'The whole story, briefly.',
        style: 'paragraph',
        words: 4,
        chunks: 3,
        provenance: { path: 'host', models: ['mock-model'], era, rounds: 2, samples: 4 },
      });
      expect(host.keysInRound(1)).toEqual(['map:0', 'map:1', 'map:2']);
      expect(host.keysInRound(2)).toEqual(['reduce']);
      const first = host.requests.find((request) => request.key === 'map:0');
      expect(first?.userText).toContain(`<untrusted-input name="document-part">\n${paragraph(1)}\n`);
      for (const request of host.requests) expect(request.systemPrompt).not.toContain('Section 1 describes');
      await server.stop();
    });

    it('with a host that cannot sample: the extractive summary, as on stdio', async () => {
      const args = { text: documentOf(3_000), style: 'bullets', maxWords: 60 };
      const result = await callWithoutSampling(await serve(), era, 'summarise', args);
      expect(result.isError).toBeFalsy();
      expect(provenanceOf(result)).toMatchObject(noCapabilityHeuristic(era));
      const { summary } = structuredOf<{ summary: string }>(result);
      for (const line of summary.split('\n')) expect(args.text).toContain(line.replace(/^- /, ''));
    });
  });
});
