/** HAProxy's runtime API over its stats socket: `show stat`, read as server states. */
import { connect } from 'node:net';

/** Sends one command to a HAProxy stats socket and resolves with the whole answer. */
export function runtimeCommand(socketPath: string, command: string): Promise<string> {
  return new Promise((resolve, reject) => {
    const socket = connect(socketPath);
    let answer = '';
    socket.setEncoding('utf8');
    socket.on('connect', () => socket.end(`${command}\n`));
    socket.on('data', (chunk: string) => {
      answer += chunk;
    });
    socket.on('end', () => resolve(answer));
    socket.on('error', reject);
  });
}

/**
 * The `status` column of every server of `backend` in a `show stat` CSV answer, e.g.
 * `{ replica1: 'UP', replica2: 'DOWN' }` (a server between states reads like `UP 1/2`).
 */
export function serverStatuses(showStat: string, backend: string): Record<string, string> {
  const lines = showStat.split('\n').filter((line) => line.trim() !== '');
  const header = (lines[0] ?? '').replace(/^# /, '').split(',');
  const proxy = header.indexOf('pxname');
  const server = header.indexOf('svname');
  const status = header.indexOf('status');
  if (proxy < 0 || server < 0 || status < 0) throw new Error(`not a 'show stat' answer: ${lines[0] ?? '(empty)'}`);
  const statuses: Record<string, string> = {};
  for (const line of lines.slice(1)) {
    const cells = line.split(',');
    const name = cells[server] ?? '';
    if (cells[proxy] === backend && name !== 'BACKEND' && name !== 'FRONTEND') statuses[name] = cells[status] ?? '';
  }
  return statuses;
}
