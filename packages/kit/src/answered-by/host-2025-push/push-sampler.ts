/**
 * The 2025-era fulfiller: each step goes to the host as a real `sampling/createMessage` request on
 * the live connection, linked to the tool call's abort signal, with the kit's own time limit. The
 * kit drives these pushes itself (rather than through the SDK's legacy input_required shim) so a
 * decline, an error or a timeout reaches the tool as a typed `SamplingFailure`.
 */
import { SdkError, SdkErrorCode, type ServerContext } from '@modelcontextprotocol/server';
import { readReply } from '../../engine/read-reply.js';
import type { Fulfil } from '../../engine/run-direct.js';
import { SamplingFailure } from '../../tool/failures.js';
import type { StepProgress } from './progress.js';

/** Default time a host gets to answer one pushed request (people approve requests by hand). */
export const DEFAULT_SAMPLE_TIMEOUT_MS = 300_000;

/** The per-sample time limit: `MCP_SAMPLING_TIMEOUT_MS`, else the default. */
export function sampleTimeoutFromEnv(): number {
  const raw = process.env.MCP_SAMPLING_TIMEOUT_MS;
  const value = raw === undefined || raw === '' ? DEFAULT_SAMPLE_TIMEOUT_MS : Number(raw);
  if (!Number.isFinite(value) || value <= 0) {
    throw new RangeError(`MCP_SAMPLING_TIMEOUT_MS must be a positive number of milliseconds (got ${raw})`);
  }
  return value;
}

/** Messages hosts use when a person (or a policy) refuses a sampling request. */
const DECLINE_PATTERN = /\b(declin|reject|denied|deny|refus|not approved|cancelled by user)/i;

/** The JSON-RPC error code the spec gives for "user rejected the sampling request". */
const USER_REJECTED_CODE = -1;

/** A fulfiller that pushes steps to the host, reporting each one to `progress`. */
export function pushSampler(ctx: ServerContext, timeoutMs: number, progress: StepProgress): Fulfil {
  return async (key, step, signal) => {
    progress.asked(key);
    let reply: unknown;
    try {
      // Deprecated API, used on purpose: push sampling is the 2025-era form of sampling.
      reply = await ctx.mcpReq.requestSampling(step.params, {
        signal,
        timeout: timeoutMs,
        resetTimeoutOnProgress: true,
        // Over HTTP this sends the request on the tool call's own response stream. Without it the
        // SDK uses the client's optional GET stream, and drops the request if that is not open.
        relatedRequestId: ctx.mcpReq.id,
      });
    } catch (error) {
      throw classifyPushError(key, error, signal, timeoutMs);
    }
    const result = readReply(key, reply, step.params.maxTokens);
    progress.answered(key, result.model);
    return result;
  };
}

function classifyPushError(key: string, error: unknown, signal: AbortSignal, timeoutMs: number): unknown {
  if (signal.aborted) return signal.reason ?? error; // cancelled: propagate as-is
  const message = error instanceof Error ? error.message : String(error);
  if (error instanceof SdkError && error.code === SdkErrorCode.RequestTimeout) {
    return new SamplingFailure('timeout', `The host did not answer step '${key}' within ${formatDuration(timeoutMs)}.`, key);
  }
  const code = (error as { code?: unknown } | null)?.code;
  if (code === USER_REJECTED_CODE || DECLINE_PATTERN.test(message)) {
    return new SamplingFailure('declined', `The host declined step '${key}' (${message}).`, key);
  }
  return new SamplingFailure('failed', `The host failed step '${key}' (${message}).`, key);
}

function formatDuration(ms: number): string {
  return ms < 1000 ? `${ms} ms` : `${Math.round(ms / 1000)} s`;
}
