/**
 * Runs a command to completion with a hang limit. The child leads its own process group, so the
 * limit (or `killLiveProcesses` after a test) also ends what it spawned, such as the server behind
 * the Inspector.
 */
import { spawn } from 'node:child_process';

/** How a finished child ended, with everything it wrote. */
export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

/** Generous: a run takes seconds; only a hang should ever reach it. */
export const HANG_LIMIT_MS = 120_000;

const live = new Set<number>();

function killGroup(pid: number): void {
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // The group has already exited.
  }
}

/** Kills every child (and its group) that is still running; for `afterEach`. */
export function killLiveProcesses(): void {
  for (const pid of live) killGroup(pid);
  live.clear();
}

/** Runs `command args` with `env` and no stdin; rejects (with its stderr) if it runs past `limitMs`. */
export function runBounded(
  command: string,
  args: readonly string[],
  env: Record<string, string>,
  limitMs = HANG_LIMIT_MS,
): Promise<Finished> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    const pid = child.pid;
    if (pid !== undefined) live.add(pid);
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      if (pid !== undefined) killGroup(pid);
      reject(
        new Error(
          `${[command, ...args.slice(0, 3)].join(' ')} … did not finish within ${limitMs / 1000} s; its stderr:\n${stderr}`,
        ),
      );
    }, limitMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      if (pid !== undefined) {
        // The client is gone; anything it left in its group goes with it.
        killGroup(pid);
        live.delete(pid);
      }
      resolve({ code, signal, stdout, stderr });
    });
  });
}
