/**
 * `call <tool> --args '{...}'`: one tool call. The host answers every sampling request the server
 * sends during the call (after approval), then prints the result and the transcript of the rounds
 * on stdout (or one JSON document with `--json`). With `--trace`, the call also carries its W3C
 * `traceparent` in `params._meta`, and its span tree follows as a timeline (or as the document's
 * `trace`). Exit code 0 for a result, 1 for an `isError` result or a call that failed.
 */
import type { CallToolResult } from '@modelcontextprotocol/client';
import { describeExit, type HostConnection } from '../connect.js';
import { DECLINED_MESSAGE_START } from '../declines.js';
import {
  callError,
  describeCallFailure,
  EXIT_CODES,
  type HostError,
  listToolsOf,
  messageOf,
  oneLine,
  usageError,
} from '../errors.js';
import type { HostSession } from '../host-session.js';
import { contentText, provenanceOf, resultLines } from '../render/result-text.js';
import { plural, terminalWidth } from '../render/text.js';
import { traceLines } from '../render/trace-text.js';
import { transcriptLines } from '../render/transcript-text.js';
import type { ServerTarget } from '../server-target.js';
import type { CallTrace } from '../trace/call-trace.js';
import type { CallTraceRecorder } from '../trace/call-tracer.js';
import type { CallInfo } from '../trace/span-attributes.js';
import type { Transcript } from '../transcript.js';

/** Time the host waits for one call; progress notifications (the servers here send them) restart it. */
export const CALL_TIMEOUT_MS = 600_000;

/** What one call produced. */
export interface CallOutcome {
  connection: HostConnection;
  tool: string;
  result: CallToolResult | undefined;
  /** Set when the call itself failed (no result). */
  error: HostError | undefined;
  /** The call's sampling requests. */
  transcript: Transcript;
  durationMs: number;
  /** With `--trace`: the call's spans. */
  trace: CallTrace | undefined;
}

/** Run `call` and write its output; returns the exit code. Connection problems throw a `HostError`. */
export async function runCall(
  session: HostSession,
  target: ServerTarget,
  tool: string,
  args: Record<string, unknown>,
): Promise<number> {
  const connection = await session.connect(target, session.options.era === 'both' ? 'auto' : session.options.era);
  try {
    const outcome = await callTool(session, connection, tool, args);
    writeCallOutput(session, outcome, args);
    if (outcome.error !== undefined) throw outcome.error;
    if (outcome.result?.isError) {
      session.io.stderr.write(`mcp-sampling-host: ${tool} returned an error: ${oneLine(contentText(outcome.result), 300)}\n`);
      return EXIT_CODES.callFailed;
    }
    return EXIT_CODES.ok;
  } finally {
    await connection.close();
  }
}

/**
 * Call one tool on an open connection, with a status line. A failed call is returned in `error`;
 * an unknown tool or a failed `tools/list` throws a `HostError`.
 */
export async function callTool(
  session: HostSession,
  connection: HostConnection,
  tool: string,
  args: Record<string, unknown>,
): Promise<CallOutcome> {
  const tools = await listToolsOf(connection.client);
  if (!tools.some((candidate) => candidate.name === tool)) {
    const offered = tools.map((candidate) => candidate.name).join(', ') || 'no tools';
    throw usageError(`unknown tool '${tool}': ${connection.server.name} offers ${offered}`, { help: false });
  }
  session.transcript.reset();
  const tracing =
    session.timeline === undefined
      ? undefined
      : await startTracing({ tool, era: connection.era, transport: connection.transport });
  session.status.start(`calling ${tool} on ${connection.server.name} (protocol ${connection.era})`);
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  try {
    const result = (await connection.client.callTool(
      { name: tool, arguments: args, ...(tracing !== undefined && { _meta: { ...tracing.meta } }) },
      {
        timeout: CALL_TIMEOUT_MS,
        resetTimeoutOnProgress: true,
        onprogress: (progress) => {
          if (progress.message) session.status.update(`${tool}: ${progress.message}`);
        },
      },
    )) as CallToolResult;
    const durationMs = elapsed();
    const transcript = session.transcript.snapshot();
    const trace = finishTracing(tracing, session, transcript, result);
    return { connection, tool, result, error: undefined, transcript, durationMs, trace };
  } catch (error) {
    const durationMs = elapsed();
    const transcript = session.transcript.snapshot();
    return {
      connection,
      tool,
      result: undefined,
      error: failureOf(error, connection, session.transcript),
      transcript,
      durationMs,
      trace: finishTracing(tracing, session, transcript, undefined),
    };
  } finally {
    session.status.stop();
  }
}

/** Start the call span; the OpenTelemetry SDK is loaded here, only when a call is traced. */
async function startTracing(info: CallInfo): Promise<CallTraceRecorder> {
  const { startCallTrace } = await import('../trace/call-tracer.js');
  return startCallTrace(info);
}

/** End the call span and write the rounds' spans; `result` undefined when the call failed. */
function finishTracing(
  tracing: CallTraceRecorder | undefined,
  session: HostSession,
  transcript: Transcript,
  result: CallToolResult | undefined,
): CallTrace | undefined {
  if (tracing === undefined || session.timeline === undefined) return undefined;
  const failed = result === undefined || result.isError === true;
  const provenance = result === undefined ? undefined : provenanceOf(result);
  return tracing.finish({
    outcome: failed ? 'error' : 'ok',
    ...(failed && { errorType: result === undefined ? 'call_failed' : 'tool_error' }),
    ...(provenance !== undefined && { provenance }),
    requests: transcript.records.length,
    rounds: transcript.rounds,
    records: transcript.records,
    timeline: session.timeline,
  });
}

/** Why a call failed, in one line; a declined request on 2026-07-28 says so. */
function failureOf(error: unknown, connection: HostConnection, transcript: Transcript): HostError {
  const declined = transcript.records.find((record) => record.outcome?.status === 'declined');
  if (declined?.outcome?.status === 'declined' && messageOf(error).startsWith(DECLINED_MESSAGE_START)) {
    const step = declined.key === undefined ? 'a sampling request' : `sampling request '${declined.key}'`;
    const reason = declined.outcome.reason;
    return callError(
      `the call ended without a result: ${step} was declined (${reason}); on protocol ${connection.era} a declined request ends the tool call; ` +
        'with --era legacy the server is told of the decline and can answer with its own fallback',
    );
  }
  const failure = describeCallFailure(error);
  if (failure.exitCode !== EXIT_CODES.connection) return failure;
  const exit = connection.serverExit();
  if (exit !== undefined) failure.message += `: ${describeExit(exit)}`;
  const said = connection.serverErrorLine();
  if (said !== undefined) failure.message += ` (it said: ${oneLine(said, 200)})`;
  return failure;
}

function writeCallOutput(session: HostSession, outcome: CallOutcome, args: Record<string, unknown>): void {
  const { connection, result } = outcome;
  const out = session.io.stdout;
  if (session.options.json) {
    out.write(
      `${JSON.stringify(
        {
          server: connection.server,
          era: connection.era,
          tool: outcome.tool,
          arguments: args,
          durationMs: outcome.durationMs,
          result: result ?? null,
          ...(outcome.error !== undefined && { error: outcome.error.message }),
          transcript: transcriptJson(outcome.transcript),
          ...(outcome.trace !== undefined && { trace: outcome.trace }),
        },
        null,
        2,
      )}\n`,
    );
    return;
  }
  const c = session.colors.out;
  const width = terminalWidth(out);
  // A failed call's trace is printed too (its error is on stderr): that is when it tells the most.
  const trace =
    outcome.trace === undefined
      ? []
      : traceLines(
          outcome.trace,
          result === undefined ? { kind: 'no-result' } : { kind: 'result', provenance: provenanceOf(result) },
          c,
          { width },
        );
  if (result === undefined) {
    if (trace.length > 0) out.write(`${trace.join('\n')}\n`);
    return;
  }
  const transcript = outcome.transcript;
  const lines = [
    c.dim(
      `${connection.server.name} ${connection.server.version} · protocol ${connection.era} · ${outcome.tool} · ` +
        `${plural(transcript.records.length, 'sampling request')} in ${plural(transcript.rounds, 'round')} · ${outcome.durationMs} ms`,
    ),
    ...resultLines(result, c, { structured: true }),
    '',
    ...transcriptLines(transcript, c, { width }),
    ...(trace.length > 0 ? ['', ...trace] : []),
  ];
  out.write(`${lines.join('\n')}\n`);
}

/** The transcript as machine output. */
export function transcriptJson(transcript: Transcript): { rounds: number; requests: unknown[] } {
  return { rounds: transcript.rounds, requests: transcript.records.map((record) => ({ ...record })) };
}
