/**
 * The writer on its own: pino is loaded only when a line is due, lines due while it loads wait and
 * come out in order with the time they were logged, and a process that exits before it has loaded
 * still writes them (plain JSON, synchronously, from the exit handler).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it, vi } from 'vitest';

/** A fresh copy of the writer and its settings: nothing logged, pino not loaded by them yet. */
async function freshWriter() {
  vi.resetModules();
  const settings = await import('../src/operations/log-settings.js');
  const writer = await import('../src/operations/log-writer.js');
  return { ...settings, ...writer };
}

describe('the log writer', () => {
  it('keeps the lines due before pino has loaded, and writes them in order with their own times', async () => {
    const { configureLogging, writeLine, flushLogs } = await freshWriter();
    const lines: string[] = [];
    configureLogging({ level: 'info', write: (line) => lines.push(line) });
    const before = Date.now();
    for (const n of [1, 2, 3]) writeLine('info', `line ${n}`, { n });
    writeLine('debug', 'not due', {});
    const after = Date.now();
    expect(lines).toEqual([]);

    await flushLogs();
    const parsed = lines.map((line) => JSON.parse(line) as { msg: string; n: number; time: number; level: number });
    expect(parsed.map((line) => line.msg)).toEqual(['line 1', 'line 2', 'line 3']);
    for (const line of parsed) {
      expect(line.level).toBe(30);
      expect(line.time).toBeGreaterThanOrEqual(before);
      expect(line.time).toBeLessThanOrEqual(after);
    }

    // Once loaded, a line is written before writeLine returns.
    writeLine('warn', 'now', {});
    expect(lines).toHaveLength(4);
  });

  it('at off, loads nothing and writes nothing', async () => {
    const { configureLogging, writeLine, flushLogs } = await freshWriter();
    const lines: string[] = [];
    configureLogging({ level: 'off', write: (line) => lines.push(line) });
    writeLine('error', 'dropped', {});
    await flushLogs();
    expect(lines).toEqual([]);
  });

  it('writes the waiting lines to stderr when the process exits before pino has loaded', () => {
    const dist = (file: string) => fileURLToPath(new URL(`../dist/operations/${file}`, import.meta.url));
    const script = [
      `import { configureLogging } from ${JSON.stringify(dist('log-settings.js'))};`,
      `import { writeLine } from ${JSON.stringify(dist('log-writer.js'))};`,
      "configureLogging({ level: 'info' });",
      "writeLine('info', 'first', { n: 1 });",
      "writeLine('warn', 'second', { n: 2 });",
      'process.exit(0);',
    ].join('\n');
    const run = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8', timeout: 60_000 });
    expect(run.status).toBe(0);
    expect(run.stdout).toBe('');
    const lines = run.stderr
      .trim()
      .split('\n')
      .map((line) => JSON.parse(line) as Record<string, unknown>);
    expect(lines).toMatchObject([
      { level: 30, msg: 'first', n: 1, pid: expect.any(Number), hostname: expect.any(String), time: expect.any(Number) },
      { level: 40, msg: 'second', n: 2 },
    ]);
  });
});
