/**
 * A small concurrency limiter: the provider path runs at most so many steps at once, per call and
 * per process, and a step waiting its turn leaves the queue when its call is cancelled.
 */

/** A concurrency limit: at most `size` tasks run at once; the rest wait in order (or until aborted). */
export type Limiter = <T>(task: () => Promise<T>, signal: AbortSignal) => Promise<T>;

/** A limiter that runs at most `size` tasks at once. */
export function limiter(size: number): Limiter {
  let running = 0;
  const waiting: Array<() => void> = [];
  const release = () => {
    running -= 1;
    waiting.shift()?.();
  };
  return async (task, signal) => {
    if (running >= size) {
      await new Promise<void>((resolve, reject) => {
        const start = () => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        };
        const onAbort = () => {
          waiting.splice(waiting.indexOf(start), 1);
          reject(signal.reason);
        };
        waiting.push(start);
        signal.addEventListener('abort', onAbort, { once: true });
      });
    }
    signal.throwIfAborted();
    running += 1;
    try {
      return await task();
    } finally {
      release();
    }
  };
}
