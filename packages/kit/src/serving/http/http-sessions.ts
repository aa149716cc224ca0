/**
 * 2025-era Streamable HTTP sessions: one SDK `WebStandardStreamableHTTPServerTransport` and one
 * server per session, so a 2025 host can be sent `sampling/createMessage` mid-call (stateless
 * 2025 HTTP cannot carry it). The table is bounded: at most `maxSessions` at once, a session
 * with no request for `idleMs` is closed, `DELETE` ends one, an unknown id gets 404.
 */
import { randomUUID } from 'node:crypto';
import { type McpServer, WebStandardStreamableHTTPServerTransport } from '@modelcontextprotocol/server';
import { quoted, REFUSED, rejectionResponse, SESSION_NOT_FOUND } from './http-refusals.js';

/** Seconds a client is told to wait (`Retry-After`) when no session can be opened. */
export const SESSION_RETRY_AFTER_SECONDS = 5;

/** How the table is bounded. */
export interface SessionTableOptions {
  /** Builds the server of one new session. */
  factory: () => McpServer;
  maxSessions: number;
  /** A session with no request for this long is closed. */
  idleMs: number;
  /** Largest POST body the session transports read. */
  maxRequestBodySize: number;
  onerror?: (error: Error) => void;
}

interface Session {
  transport: WebStandardStreamableHTTPServerTransport;
  server: McpServer;
  /** POSTs and DELETEs not answered yet (an open GET stream does not count). */
  inFlight: number;
  idleTimer?: NodeJS.Timeout;
}

/** The 2025-era sessions of one HTTP server. */
export class SessionTable {
  private readonly sessions = new Map<string, Session>();
  private opening = 0;
  private refusing = false;

  constructor(private readonly options: SessionTableOptions) {}

  /** Sessions open now. */
  get size(): number {
    return this.sessions.size;
  }

  /** Whether any session has a request in flight (e.g. a tool call waiting on the host's model). */
  get busy(): boolean {
    for (const session of this.sessions.values()) if (session.inFlight > 0) return true;
    return false;
  }

  /** Serve one 2025-era request (already classified as such). */
  async handle(request: Request): Promise<Response> {
    const id = request.headers.get('mcp-session-id');
    if (id !== null) return this.serveExisting(id, request);
    if (request.method !== 'POST') {
      return rejectionResponse({
        status: 400,
        code: REFUSED,
        message: `${request.method} needs an Mcp-Session-Id header on a 2025-era connection: open a session with initialize first.`,
      });
    }
    if (this.refusing) {
      return rejectionResponse({
        status: 503,
        code: REFUSED,
        message: 'Server is shutting down and opens no new session: connect again (another replica will answer).',
        headers: { 'retry-after': String(SESSION_RETRY_AFTER_SECONDS) },
      });
    }
    if (this.sessions.size + this.opening >= this.options.maxSessions) {
      return rejectionResponse({
        status: 503,
        code: REFUSED,
        message: `Too many open sessions (${this.options.maxSessions}, MCP_HTTP_MAX_SESSIONS): retry later, end unused sessions with DELETE, or raise MCP_HTTP_MAX_SESSIONS.`,
        headers: { 'retry-after': String(SESSION_RETRY_AFTER_SECONDS) },
      });
    }
    return this.open(request);
  }

  /** Open no new session from now on (shutdown). */
  refuseNew(): void {
    this.refusing = true;
  }

  /** Close every session. */
  async closeAll(): Promise<void> {
    await Promise.all([...this.sessions.keys()].map((id) => this.close(id)));
  }

  private async open(request: Request): Promise<Response> {
    this.opening += 1;
    const server = this.options.factory();
    let session: Session | undefined;
    const transport = new WebStandardStreamableHTTPServerTransport({
      sessionIdGenerator: () => randomUUID(),
      maxRequestBodySize: this.options.maxRequestBodySize,
      onsessioninitialized: (id) => {
        session = { transport, server, inFlight: 1 };
        this.sessions.set(id, session);
      },
      onsessionclosed: (id) => {
        void this.close(id);
      },
    });
    if (this.options.onerror !== undefined) transport.onerror = this.options.onerror;
    try {
      await server.connect(transport);
      const response = await transport.handleRequest(request);
      if (session === undefined) {
        // Not an initialize: the transport has answered it (400); nothing to keep.
        await server.close();
        return response;
      }
      return this.track(session, request, response);
    } catch (error) {
      await server.close().catch(() => undefined);
      throw error;
    } finally {
      this.opening -= 1;
    }
  }

  private async serveExisting(id: string, request: Request): Promise<Response> {
    const session = this.sessions.get(id);
    if (session === undefined) {
      return rejectionResponse({
        status: 404,
        code: SESSION_NOT_FOUND,
        message: `Session '${quoted(id)}' not found: it expired (no request for MCP_HTTP_SESSION_IDLE_SECONDS), was ended, or lives on another replica. Start a new session with initialize (no Mcp-Session-Id).`,
      });
    }
    clearTimeout(session.idleTimer);
    if (request.method === 'GET') {
      this.armIdleTimer(id, session);
      return session.transport.handleRequest(request);
    }
    session.inFlight += 1;
    let response: Response;
    try {
      response = await session.transport.handleRequest(request);
    } catch (error) {
      this.settled(session, id);
      throw error;
    }
    return this.track(session, request, response);
  }

  /** `response`, with the session's in-flight count dropped once its body ends or the client goes away. */
  private track(session: Session, request: Request, response: Response): Response {
    const id = session.transport.sessionId ?? '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      this.settled(session, id);
    };
    request.signal.addEventListener('abort', finish, { once: true });
    if (response.body === null) {
      finish();
      return response;
    }
    const body = response.body.pipeThrough(new TransformStream({ flush: finish }));
    return new Response(body, { status: response.status, statusText: response.statusText, headers: response.headers });
  }

  private settled(session: Session, id: string): void {
    session.inFlight -= 1;
    if (session.inFlight === 0 && this.sessions.get(id) === session) this.armIdleTimer(id, session);
  }

  private armIdleTimer(id: string, session: Session): void {
    clearTimeout(session.idleTimer);
    if (session.inFlight > 0) return;
    session.idleTimer = setTimeout(() => void this.close(id), this.options.idleMs);
    session.idleTimer.unref();
  }

  private async close(id: string): Promise<void> {
    const session = this.sessions.get(id);
    if (session === undefined) return;
    this.sessions.delete(id);
    clearTimeout(session.idleTimer);
    await session.server.close().catch((error: unknown) => this.options.onerror?.(error as Error));
  }
}
