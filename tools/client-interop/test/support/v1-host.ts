/**
 * A host built on the v1 SDK (`@modelcontextprotocol/sdk` 1.32.2), the most used MCP client library:
 * its `Client` with the sampling capability and its `StdioClientTransport`, connected to a server
 * bin. Every `sampling/createMessage` the server sends is recorded, then answered by `answer`.
 */
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StdioClientTransport } from '@modelcontextprotocol/sdk/client/stdio.js';
import {
  type CreateMessageRequest,
  CreateMessageRequestSchema,
  type CreateMessageResult,
  McpError,
} from '@modelcontextprotocol/sdk/types.js';
import { cleanEnv } from './clean-env.js';

/** The parameters of one `sampling/createMessage` request. */
export type SamplingParams = CreateMessageRequest['params'];

/** How the host answers a request: a completion, or a thrown error (as a declining user's host does). */
export type Answer = (params: SamplingParams) => CreateMessageResult;

/** The model name the host reports in every completion. */
export const HOST_MODEL = 'v1-host-model';

/** The request metadata key the kit names each step with. */
export const STEP_KEY = 'io.github.mcp-sampling/step';

/** A connected v1 host and what it has seen. */
export interface V1Host {
  client: Client;
  /** Every sampling request, in arrival order. */
  requests: SamplingParams[];
  /** The server's stderr so far, for failure messages. */
  stderr: () => string;
  close: () => Promise<void>;
}

const open = new Set<V1Host>();

/** A completion of `text` from the host's model. */
export function completion(text: string): CreateMessageResult {
  return { role: 'assistant', model: HOST_MODEL, content: { type: 'text', text }, stopReason: 'endTurn' };
}

/**
 * The host's user says no. The spec's shape for it: JSON-RPC error -1 "User rejected sampling
 * request"; the v1 SDK sends a thrown McpError's code and message as the error response.
 */
export const decline: Answer = () => {
  throw new McpError(-1, 'User rejected sampling request');
};

/** Spawns `bin` under this Node (no provider keys in its environment) and connects a v1 host to it. */
export async function connectV1Host(bin: string, answer: Answer): Promise<V1Host> {
  const client = new Client({ name: 'client-interop-v1-host', version: '1.0.0' }, { capabilities: { sampling: {} } });
  const requests: SamplingParams[] = [];
  client.setRequestHandler(CreateMessageRequestSchema, (request) => {
    requests.push(request.params);
    return answer(request.params);
  });
  const transport = new StdioClientTransport({ command: process.execPath, args: [bin], env: cleanEnv(), stderr: 'pipe' });
  let stderr = '';
  transport.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
  });
  const host: V1Host = {
    client,
    requests,
    stderr: () => stderr,
    close: async () => {
      open.delete(host);
      await client.close();
    },
  };
  open.add(host);
  try {
    await client.connect(transport);
  } catch (error) {
    await host.close();
    throw new Error(`the v1 client could not connect to ${bin}: ${String(error)}\nserver stderr:\n${stderr}`);
  }
  return host;
}

/** Closes every host still open (and so ends its server); for `afterEach`. */
export async function closeV1Hosts(): Promise<void> {
  await Promise.all([...open].map((host) => host.close()));
}

/** The step key the kit put in a request's metadata. */
export function stepOf(params: SamplingParams): string | undefined {
  const key = (params.metadata as Record<string, unknown> | undefined)?.[STEP_KEY];
  return typeof key === 'string' ? key : undefined;
}

/** Every text block of the request's user messages, joined by newlines. */
export function userTextOf(params: SamplingParams): string {
  return params.messages
    .filter((message) => message.role === 'user')
    .flatMap((message) => (Array.isArray(message.content) ? message.content : [message.content]))
    .flatMap((block) => (block.type === 'text' ? [block.text] : []))
    .join('\n');
}
