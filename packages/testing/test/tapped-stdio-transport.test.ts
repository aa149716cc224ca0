import { describe, expect, it } from 'vitest';
import { TappedStdioTransport } from '../src/tapped-stdio-transport.js';

/** A process that ignores the end of its stdin, as a server busy with a call may. */
const STUBBORN = ['-e', "process.stdin.resume(); process.stdin.on('end', () => {}); setInterval(() => {}, 1000);"];

describe('TappedStdioTransport.close', () => {
  it('kills a server that does not exit when its stdin ends, and a second close returns too', async () => {
    const transport = new TappedStdioTransport({ command: process.execPath, args: STUBBORN });
    await transport.start();
    await transport.close();
    await expect(transport.close()).resolves.toBeUndefined();
  });

  it('returns at once for a server a signal has already ended', async () => {
    const transport = new TappedStdioTransport({ command: process.execPath, args: STUBBORN });
    await transport.start();
    const ended = new Promise<void>((resolve) => (transport.onclose = () => resolve()));
    process.kill(transport.pid as number, 'SIGKILL');
    await ended;
    await expect(transport.close()).resolves.toBeUndefined();
  });
});
