import { connectInMemory, reply } from '@mcp-sampling/testing';
import { afterEach, describe, expect, it } from 'vitest';
import { buildServer } from '../src/fixture/server.js';

type Host = Awaited<ReturnType<typeof connectInMemory>>;
let host: Host | undefined;
afterEach(async () => {
  await host?.close();
  host = undefined;
});

describe('conformance fixture', () => {
  it('lists the tools the suite calls', async () => {
    host = await connectInMemory(buildServer, { era: '2026-07-28', script: reply.text('Paris') });
    const { tools } = await host.client.listTools();
    expect(tools.map((tool) => tool.name).sort()).toEqual([
      'test_input_required_result_capabilities',
      'test_input_required_result_sampling',
      'test_input_required_result_tampered_state',
      'test_sampling',
    ]);
  });

  for (const era of ['2025', '2026-07-28'] as const) {
    it(`answers test_input_required_result_sampling from the host's model under the capital_question step (${era})`, async () => {
      host = await connectInMemory(buildServer, { era, script: reply.text('The capital of France is Paris.') });
      const result = await host.client.callTool({ name: 'test_input_required_result_sampling', arguments: {} });
      expect(result.isError).not.toBe(true);
      expect(result.structuredContent).toMatchObject({ answer: 'The capital of France is Paris.', provenance: { path: 'host' } });
      expect(host.requests.map((request) => request.key)).toEqual(['capital_question']);
    });
  }

  it('sends the caller prompt of test_sampling inside the user message', async () => {
    host = await connectInMemory(buildServer, { era: '2025', script: reply.text('hello') });
    const result = await host.client.callTool({ name: 'test_sampling', arguments: { prompt: 'Say hello' } });
    expect(result.content).toEqual([{ type: 'text', text: 'LLM response: hello' }]);
    expect(JSON.stringify(host.requests[0])).toContain('Say hello');
  });
});
