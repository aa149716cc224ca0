/**
 * One representative tool call per server, with what it must send to the model and what a
 * model-free answer looks like, for checks that run the packaged servers (npm install, .mcpb).
 */
import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Era, StdioMockHost } from '@mcp-sampling/testing';
import { COMPATIBLE_API } from '@mcp-sampling/testing/provider-apis';
import { expect } from 'vitest';
import type { ServerInfo, ServerName } from '../src/servers.js';

export const ERAS: Era[] = ['2025', '2026-07-28'];

/** The text the summarise call sends; its first sentence is the offline model's anchor. */
const REPORT =
  'The Eastcliff branch library reopened on 14 October after the storm. Volunteers moved 9,000 books in two days. ' +
  'The branch now opens on Sunday afternoons as well, and the reading room has new lighting.';

/** A call per server: arguments, the step keys of its first round, and a word the user text must carry. */
export const CALLS: Record<ServerName, { args: Record<string, unknown>; firstKeys: string[]; userTextHas: string }> = {
  summarise: { args: { text: REPORT, maxWords: 40 }, firstKeys: ['summary'], userTextHas: 'Eastcliff' },
  classify: {
    args: {
      text: 'I was charged twice for my March invoice. Please refund the duplicate payment.',
      labels: ['Billing', 'Refund request', 'Bug report'],
    },
    firstKeys: ['classify'],
    userTextHas: 'charged twice',
  },
  route: {
    args: {
      request: 'My invoice shows a payment I did not make. Can you refund it?',
      routes: [
        { name: 'billing', description: 'Invoices, payments, refunds and unexpected charges.', keywords: ['invoice', 'refund'] },
        { name: 'technical', description: 'Error messages, outages and bugs.', keywords: ['error', 'bug'] },
      ],
    },
    firstKeys: ['route'],
    userTextHas: 'payment I did not make',
  },
  draft: {
    args: { brief: 'Invite the volunteers to the harbour clean-up on Saturday at 9 am.', kind: 'note', maxWords: 80 },
    firstKeys: ['outline'],
    userTextHas: 'harbour clean-up',
  },
};

/**
 * Calls the server's tool through `host` (a sampling host in `era`) and checks that the host's
 * model answered it, what was sent, and that stdout carried only JSON-RPC.
 */
export async function expectAnsweredByHost(host: StdioMockHost, server: ServerInfo, era: Era): Promise<void> {
  const call = CALLS[server.name];
  const { tools } = await host.client.listTools();
  expect(tools.map((tool) => tool.name)).toEqual([server.name]);

  const result = await host.callTool(server.name, call.args);
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  expect(result.structuredContent).toMatchObject({ provenance: { path: 'host', era } });
  expect(host.keysInRound(1)).toEqual(call.firstKeys);
  for (const request of host.requests) {
    expect(request.systemPrompt).not.toContain(call.userTextHas);
    expect(request.maxTokens).toBeGreaterThan(0);
  }
  expect(host.requests[0]?.userText).toContain(call.userTextHas);
  expect(host.client.getProtocolEra()).toBe(era === '2025' ? 'legacy' : 'modern');
  expect(host.transport.strayStdoutLines).toEqual([]);
}

/**
 * Calls the tool through a host that cannot sample, with no key: the heuristic answers, or for a
 * tool without one, an `isError` that names a key to set.
 */
export async function expectAnsweredWithoutModel(host: StdioMockHost, server: ServerInfo): Promise<void> {
  const result = await host.callTool(server.name, CALLS[server.name].args);
  if (server.heuristic === undefined) {
    expect(result.isError).toBe(true);
    expect(JSON.stringify(result.content)).toContain('ANTHROPIC_API_KEY');
  } else {
    expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
    expect(result.structuredContent).toMatchObject({ provenance: { path: 'heuristic', models: [] } });
  }
  expect(host.requests).toEqual([]);
}

/** A request that reached the fake provider. */
export interface ProviderRequest {
  path: string;
  body: { model?: string; messages?: Array<{ role: string; content: unknown }> };
}

/**
 * A local OpenAI-compatible endpoint (as Ollama serves) that answers every chat completion with
 * `text`, in the wire format of the shared provider fakes, and records what it was sent. A real
 * HTTP server, because the packaged servers run in their own processes.
 */
export async function fakeCompatibleProvider(text: string) {
  const requests: ProviderRequest[] = [];
  const server = createServer(async (request, response) => {
    const body = JSON.parse(await readBody(request)) as ProviderRequest['body'];
    requests.push({ path: request.url ?? '', body });
    response.writeHead(200, { 'content-type': 'application/json' });
    response.end(JSON.stringify(COMPATIBLE_API.success(text, body.model ?? 'unknown')));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    requests,
    /** The variables that point a server at this endpoint. */
    env: {
      MCP_SAMPLING_PROVIDER: 'openai-compatible',
      MCP_SAMPLING_BASE_URL: `http://127.0.0.1:${port}/v1`,
      MCP_SAMPLING_MODEL: 'fake-local-model',
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/**
 * Summarises through a host that cannot sample, with the fake provider configured: the provider
 * chunk and the AI SDK load and answer. Checks what reached the provider.
 */
export async function expectSummarisedByProvider(
  host: StdioMockHost,
  provider: Awaited<ReturnType<typeof fakeCompatibleProvider>>,
): Promise<void> {
  const result = await host.callTool('summarise', CALLS.summarise.args);
  expect(result.isError, JSON.stringify(result.content)).toBeFalsy();
  expect(result.structuredContent).toMatchObject({
    summary: 'The branch reopened after the storm.',
    provenance: { path: 'provider', models: ['fake-local-model'] },
  });
  expect(provider.requests.map((request) => request.path)).toEqual(['/v1/chat/completions']);
  const [system, user] = provider.requests[0]?.body.messages ?? [];
  expect(system?.role).toBe('system');
  expect(JSON.stringify(system?.content)).not.toContain('Eastcliff');
  expect(JSON.stringify(user?.content)).toContain('Eastcliff');
}

/** What the fake provider answers with in `expectSummarisedByProvider`. */
export const PROVIDER_SUMMARY = 'The branch reopened after the storm.';
