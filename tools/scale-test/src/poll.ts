/** Polling with a limit that only catches hangs: nothing here waits a fixed time for an event. */
import { setTimeout as pause } from 'node:timers/promises';

/** How long the harness waits for something that should happen quickly before calling it a hang. */
export const HANG_LIMIT_MS = 60_000;

/**
 * Calls `probe` until it returns something other than `undefined`, and returns that. Throws
 * `Timed out waiting for <what>` after `timeoutMs`; an error thrown by `probe` ends the wait.
 */
export async function waitFor<T>(
  what: string,
  probe: () => T | undefined | Promise<T | undefined>,
  { timeoutMs = HANG_LIMIT_MS, intervalMs = 25 }: { timeoutMs?: number; intervalMs?: number } = {},
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs / 1000} s waiting for ${what}`);
    await pause(intervalMs);
  }
}

/** Rejects with `Timed out: <what>` when `promise` has not settled within `timeoutMs`. */
export async function withinLimit<T>(what: string, promise: Promise<T>, timeoutMs: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`Timed out after ${timeoutMs / 1000} s: ${what}`)), timeoutMs);
  });
  try {
    return await Promise.race([promise, limit]);
  } finally {
    clearTimeout(timer);
  }
}
