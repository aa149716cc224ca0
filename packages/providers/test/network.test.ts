/**
 * A real refused connection, without msw: a port is opened to learn a free number, then closed, so
 * nothing listens there when the provider calls it.
 */
import { createServer } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createProvider, describeProviderError, ProviderError } from '../src/index.js';
import { FULL_REQUEST } from './fixtures.js';

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  if (address === null || typeof address === 'string') throw new Error('no TCP address');
  return address.port;
}

describe('a refused connection', () => {
  it('is a network error naming the URL and the system error code, retried, without the key', async () => {
    const port = await closedPort();
    const key = 'local-token-for-network-test';
    const provider = createProvider({
      provider: 'openai-compatible',
      baseURL: `http://127.0.0.1:${port}/v1`,
      apiKey: key,
      model: 'llama3.2',
      maxRetries: 1,
      retryBaseDelayMs: 1,
    });

    const error = await provider.generate(FULL_REQUEST).catch((thrown: unknown) => thrown);

    expect(error).toBeInstanceOf(ProviderError);
    expect(error).toMatchObject({ kind: 'network', attempts: 2, retryable: true });
    const message = describeProviderError(error as ProviderError);
    expect(message).toBe(
      `Could not reach the OpenAI-compatible endpoint at http://127.0.0.1:${port}/v1 (model llama3.2) after 2 attempts: ECONNREFUSED. ` +
        'Check MCP_SAMPLING_BASE_URL and that the server behind it is running (for Ollama: `ollama serve`).',
    );
    expect(JSON.stringify(error)).not.toContain(key);
  });
});
