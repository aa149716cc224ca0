/**
 * The mock host over Streamable HTTP: the same `MockHost` API as `connectStdio` and
 * `connectInMemory`, against a server URL (a kit bin started with `--http`, or an in-process
 * HTTP server). 2026-07-28 is pinned and stateless; 2025 opens a session, ended with DELETE on close.
 */
import { type FetchLike, StreamableHTTPClientTransport, type Transport } from '@modelcontextprotocol/client';
import { MockHost, type MockHostOptions, newClient } from './mock-host.js';

/** How the HTTP mock host connects, on top of the usual mock host options. */
export interface HttpMockHostOptions extends MockHostOptions {
  /** Headers sent with every request, e.g. `{ authorization: 'Bearer …' }`. */
  headers?: Record<string, string>;
  /** The `fetch` the SDK client transport uses; wrap the global one to read response headers. */
  fetch?: FetchLike;
}

/** A mock host connected over HTTP. */
export class HttpMockHost extends MockHost {
  constructor(
    client: ConstructorParameters<typeof MockHost>[0],
    options: HttpMockHostOptions,
    /** The SDK client transport (its `sessionId` is set on 2025-era connections). */
    readonly transport: StreamableHTTPClientTransport,
  ) {
    super(client, options, async () => undefined);
  }

  /** End the session (2025: `DELETE /mcp`; ignored if the server is gone) and close the client. */
  override async close(): Promise<void> {
    if (this.transport.sessionId !== undefined) await this.transport.terminateSession().catch(() => undefined);
    await super.close();
  }
}

/** Connect a mock host to a Streamable HTTP endpoint such as `http://127.0.0.1:3000/mcp`. */
export async function connectHttp(url: string | URL, options: HttpMockHostOptions = {}): Promise<HttpMockHost> {
  const transport = new StreamableHTTPClientTransport(new URL(url), {
    ...(options.headers !== undefined && { requestInit: { headers: options.headers } }),
    ...(options.fetch !== undefined && { fetch: options.fetch }),
  });
  const client = newClient(options);
  const host = new HttpMockHost(client, options, transport);
  await client.connect(transport as Transport);
  return host;
}
