/**
 * Progress for 2025-era calls, while pushed steps are out with the host. When the caller asked
 * for progress (a `progressToken`), it gets one notification per answered step and, while steps
 * are waiting (a person may be approving them), a heartbeat every few seconds, so clients that
 * reset their timeout on progress keep the call alive. `progress` counts notifications, so it
 * always increases, as the spec requires; the message says where the call stands.
 */
import type { ServerContext } from '@modelcontextprotocol/server';

/** Default time between heartbeats while steps are waiting. */
export const DEFAULT_HEARTBEAT_MS = 5_000;

/** Watches the steps of one call; `stop()` when the call ends. */
export interface StepProgress {
  asked(key: string): void;
  answered(key: string, model: string): void;
  stop(): void;
}

const SILENT: StepProgress = { asked() {}, answered() {}, stop() {} };

/** The progress of one call: silent unless the caller sent a `progressToken`. */
export function stepProgress(ctx: ServerContext, heartbeatMs = DEFAULT_HEARTBEAT_MS): StepProgress {
  const token = ctx.mcpReq._meta?.progressToken;
  if (token === undefined) return SILENT;
  let sent = 0;
  let asked = 0;
  let answered = 0;
  let timer: NodeJS.Timeout | undefined;

  const notify = (message: string) => {
    sent += 1;
    void ctx.mcpReq
      .notify({ method: 'notifications/progress', params: { progressToken: token, progress: sent, message } })
      .catch(() => {}); // the call may already be over
  };
  const stopHeartbeat = () => {
    clearInterval(timer);
    timer = undefined;
  };
  return {
    asked() {
      asked += 1;
      timer ??= setInterval(() => notify(`waiting for the host's model: ${answered} of ${asked} steps answered`), heartbeatMs);
      timer.unref();
    },
    answered(key, model) {
      answered += 1;
      notify(`step ${key} answered by ${model} (${answered} of ${asked})`);
      if (answered === asked) stopHeartbeat();
    },
    stop: stopHeartbeat,
  };
}
