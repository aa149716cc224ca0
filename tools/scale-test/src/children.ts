/**
 * Every process the harness starts (replicas, HAProxy), so that all of them are stopped when the
 * run ends: normally, on an error, or on Ctrl-C.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';

const running = new Set<ChildProcess>();

/** Spawn a process that is killed when the harness exits. */
export function spawnTracked(command: string, args: readonly string[], options: SpawnOptions): ChildProcess {
  const child = spawn(command, args, options);
  running.add(child);
  child.once('exit', () => running.delete(child));
  child.once('error', () => running.delete(child));
  return child;
}

/** Resolves once `child` has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/** Kill every tracked process that is still running (SIGKILL: nothing of theirs needs to survive). */
export function killAll(): void {
  for (const child of running) child.kill('SIGKILL');
}

/** Stop every child on exit, and on SIGINT/SIGTERM (exit code 130/143 after cleaning up). */
export function killChildrenOnExit(): void {
  process.once('exit', killAll);
  for (const [signal, code] of [
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const) {
    process.once(signal, () => {
      killAll();
      process.exit(code);
    });
  }
}
