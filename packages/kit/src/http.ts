/**
 * `@mcp-sampling/kit/http`: serving kit tools over Streamable HTTP from Node (the server, its
 * options and limits). A subpath of its own, so code that only defines tools does not load the
 * HTTP adapter; bins reach it through `runServerBin --http`.
 */
export {
  DEFAULT_DRAIN_SECONDS,
  DEFAULT_HTTP_HOST,
  DEFAULT_HTTP_PORT,
  DEFAULT_MAX_SESSIONS,
  DEFAULT_SESSION_IDLE_SECONDS,
  HttpConfigError,
  type HttpOptions,
  httpOptionsFromEnv,
  httpRequested,
  isLoopbackHost,
  MIN_TOKEN_CHARS,
} from './serving/http/http-options.js';
export {
  HEALTH_PATH,
  type HttpLog,
  type HttpServerHandle,
  MAX_HTTP_BODY_BYTES,
  MCP_PATH,
  startHttpServer,
} from './serving/http/http-server.js';
