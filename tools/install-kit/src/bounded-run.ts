/**
 * Child processes with a limit of their own: each gets a time limit and an optional abort signal,
 * and is ended with its whole process group (npm starts children of its own) when either fires,
 * or when this process exits. Failures carry the command's stderr, so a test that fails says why
 * rather than "Hook timed out".
 */
import { spawn } from 'node:child_process';

/** How to run one command. */
export interface BoundedRunOptions {
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Ends the command when it has run this long. */
  timeoutMs: number;
  /** Ends the command when aborted (a test's end). */
  signal?: AbortSignal;
  /** Extra context for a failure, read after the command ended (e.g. the tail of a log it wrote). */
  explain?: () => Promise<string>;
}

/** What a command printed. */
export interface BoundedRunResult {
  stdout: string;
  stderr: string;
}

/** Process groups still running, ended if this process exits first. */
const running = new Set<number>();

process.once('exit', () => {
  for (const pid of running) endGroup(pid);
});

/** SIGKILL to the group `pid` leads (it was started detached, so it leads its own). */
function endGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

/** Whether the process `pid` still exists. */
export function isRunning(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `command args` and resolves with its output when it exits with 0. Rejects with an error
 * naming the command, why it stopped (exit code, time limit, abort) and its stderr otherwise.
 * `onStart` receives the process id (for tests that check it was ended).
 */
export function boundedRun(
  command: string,
  args: string[],
  options: BoundedRunOptions,
  onStart?: (pid: number) => void,
): Promise<BoundedRunResult> {
  const label = [command, ...args].join(' ');
  return new Promise((resolve, reject) => {
    if (options.signal?.aborted) {
      reject(new Error(`${label}: not started, the run was already aborted`));
      return;
    }
    const child = spawn(command, args, {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    let stopped: string | undefined;
    const stop = (why: string) => {
      stopped ??= why;
      if (child.pid !== undefined) endGroup(child.pid);
    };
    const timer = setTimeout(() => stop(`did not finish within ${options.timeoutMs / 1000} s and was ended`), options.timeoutMs);
    const onAbort = () => stop('was ended because the run was aborted');
    options.signal?.addEventListener('abort', onAbort, { once: true });
    if (child.pid !== undefined) {
      running.add(child.pid);
      onStart?.(child.pid);
    }

    let finished = false;
    const finish = async (code: number | null, error?: Error) => {
      if (finished) return;
      finished = true;
      clearTimeout(timer);
      options.signal?.removeEventListener('abort', onAbort);
      if (child.pid !== undefined) {
        // The leader is gone; anything it left in its group goes too.
        endGroup(child.pid);
        running.delete(child.pid);
      }
      if (error === undefined && stopped === undefined && code === 0) {
        resolve({ stdout, stderr });
        return;
      }
      const why = error?.message ?? stopped ?? `exited with code ${code}`;
      const extra = options.explain === undefined ? '' : await options.explain().catch(() => '');
      const output = stderr.trim() === '' ? '(nothing on stderr)' : stderr.trim();
      reject(new Error(`${label} ${why}.\nstderr:\n${output}${extra === '' ? '' : `\n${extra}`}`));
    };
    child.once('error', (error) => void finish(null, error));
    child.once('close', (code) => void finish(code));
  });
}
