/**
 * Exit codes and the one-line messages the CLI prints for every failure. Nothing reaches the user
 * as a stack trace: each error is reduced to one line on stderr and an exit code.
 */
import { type Client, SdkError, SdkErrorCode, type Tool } from '@modelcontextprotocol/client';

/** The CLI's exit codes. */
export const EXIT_CODES = {
  /** The command did what was asked. */
  ok: 0,
  /** The tool call failed: an `isError` result, or the call itself was rejected (e.g. a declined request on 2026-07-28). */
  callFailed: 1,
  /** Bad usage: unknown command or flag, bad flag value, `--args` not a JSON object, unknown tool, provider misconfigured. */
  usage: 2,
  /** No usable connection: the server could not be started or reached, exited, or closed the connection. */
  connection: 3,
  /** The server was started or reached but did not answer within the connect timeout (`--connect-timeout`). */
  noAnswer: 4,
} as const;

/** An error the CLI reports as one line with a given exit code. */
export class HostError extends Error {
  override readonly name = 'HostError';
  constructor(
    message: string,
    readonly exitCode: number,
    /** Whether the message should point at `--help`. */
    readonly help = false,
  ) {
    super(message);
  }
}

/** A usage error (exit code 2); `help: false` when pointing at --help would not help. */
export function usageError(message: string, options: { help?: boolean } = {}): HostError {
  return new HostError(message, EXIT_CODES.usage, options.help ?? true);
}

/** A connection error (exit code 3). */
export function connectionError(message: string): HostError {
  return new HostError(message, EXIT_CODES.connection);
}

/** A failed call (exit code 1). */
export function callError(message: string): HostError {
  return new HostError(message, EXIT_CODES.callFailed);
}

/** The innermost `cause`'s message (e.g. `connect ECONNREFUSED 127.0.0.1:3000` under `fetch failed`). */
export function deepestMessage(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 5 && current instanceof Error && current.cause instanceof Error; depth += 1)
    current = current.cause;
  return current instanceof Error ? current.message : String(current);
}

/** Any thrown value as one line of text, at most `max` characters. */
export function oneLine(text: string, max = 400): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** The message of any thrown value, following `cause` to the most specific one (e.g. `ECONNREFUSED`). */
export function messageOf(error: unknown): string {
  if (!(error instanceof Error)) return String(error);
  const causes: string[] = [];
  let cause: unknown = error.cause;
  for (let depth = 0; cause instanceof Error && depth < 4; depth += 1) {
    causes.push(cause.message);
    cause = cause.cause;
  }
  const deepest = causes.at(-1);
  return deepest !== undefined && deepest !== error.message ? `${error.message} (${deepest})` : error.message;
}

/** The message and exit code for a failure after the connection was made; `what` names the request (`the call`). */
export function describeCallFailure(error: unknown, what = 'the call'): HostError {
  if (error instanceof HostError) return error;
  if (error instanceof SdkError) {
    if (error.code === SdkErrorCode.ConnectionClosed || error.code === SdkErrorCode.NotConnected) {
      return connectionError(`the server closed the connection during ${what}`);
    }
    if (error.code === SdkErrorCode.RequestTimeout) return callError(`${what} timed out: ${oneLine(error.message)}`);
  }
  return callError(`${what} failed: ${oneLine(messageOf(error))}`);
}

/**
 * `client.listTools()`, with any failure as a one-line `HostError`. A server without the `tools`
 * capability offers no tools; it is not asked (the SDK would answer the same, with a console line).
 */
export async function listToolsOf(client: Client): Promise<Tool[]> {
  if (client.getServerCapabilities()?.tools === undefined) return [];
  try {
    return (await client.listTools()).tools;
  } catch (error) {
    throw describeCallFailure(error, 'tools/list');
  }
}
