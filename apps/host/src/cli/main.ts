/**
 * The CLI from start to exit code: parse the command line, build the session, run the command,
 * and turn any failure into one line on stderr (never a stack trace) and its exit code.
 */
import { readFileSync } from 'node:fs';
import { runCall } from '../commands/call.js';
import { runDemo } from '../commands/demo.js';
import { runList } from '../commands/list.js';
import { callError, EXIT_CODES, HostError, messageOf, oneLine } from '../errors.js';
import { createHostSession, type HostIO } from '../host-session.js';
import { parseCommandLine } from './args.js';
import { COMMAND_USAGE, USAGE } from './usage.js';

/** The package version. */
export const VERSION = (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string })
  .version;

/** Run the CLI with `argv` (without node and the script); resolves to the exit code. */
export async function main(argv: string[], io: HostIO): Promise<number> {
  try {
    const parsed = parseCommandLine(argv, io.env);
    if (parsed.kind === 'help') {
      io.stdout.write(`${parsed.command === undefined ? USAGE : COMMAND_USAGE[parsed.command]}\n`);
      return EXIT_CODES.ok;
    }
    if (parsed.kind === 'version') {
      io.stdout.write(`${VERSION}\n`);
      return EXIT_CODES.ok;
    }
    const { options } = parsed;
    const session = createHostSession(options, io, options.command === 'demo' ? 'auto' : 'tty');
    switch (options.command) {
      case 'list':
        return await runList(session, requireTarget(options.target));
      case 'call':
        return await runCall(session, requireTarget(options.target), options.tool ?? '', options.toolArgs);
      case 'demo':
        return await runDemo(session);
    }
  } catch (error) {
    const failure = error instanceof HostError ? error : callError(`unexpected error: ${oneLine(messageOf(error))}`);
    const hint = failure.help ? " (see 'mcp-sampling-host --help')" : '';
    io.stderr.write(`mcp-sampling-host: ${failure.message}${hint}\n`);
    return failure.exitCode;
  }
}

function requireTarget<T>(target: T | undefined): T {
  if (target === undefined) throw callError('no server to connect to');
  return target;
}
