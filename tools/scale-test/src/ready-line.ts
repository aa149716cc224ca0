/**
 * Reads the line a server bin prints on stderr once it listens over HTTP:
 * `<bin> <version> ready on http://<host>:<port>/mcp` and, when MCP_HTTP_REPLICA is set,
 * ` (replica <name>)`.
 */

/** What the ready line says. */
export interface ReadyLine {
  bin: string;
  version: string;
  /** The endpoint, e.g. `http://127.0.0.1:41235/mcp`. */
  url: string;
  port: number;
  replica?: string;
}

const READY = /^(\S+) (\S+) ready on (http:\/\/(?:\[[^\]]+\]|[^:/\s]+):(\d+)\/mcp)(?: \(replica (.+)\))?$/;

/** The parsed ready line, or `undefined` for any other stderr line. */
export function parseReadyLine(line: string): ReadyLine | undefined {
  const match = READY.exec(line.trim());
  if (match === null) return undefined;
  const [, bin = '', version = '', url = '', port = '', replica] = match;
  return { bin, version, url, port: Number(port), ...(replica !== undefined && { replica }) };
}
