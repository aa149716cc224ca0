/** `list`: the tools a server offers (name, title, description, input fields), or the raw list with `--json`. */
import { EXIT_CODES, listToolsOf } from '../errors.js';
import type { HostSession } from '../host-session.js';
import { toolsLines } from '../render/tools-text.js';
import type { ServerTarget } from '../server-target.js';

/** Run `list` and write its output; returns the exit code. */
export async function runList(session: HostSession, target: ServerTarget): Promise<number> {
  const connection = await session.connect(target, session.options.era === 'both' ? 'auto' : session.options.era);
  try {
    const tools = await listToolsOf(connection.client);
    const out = session.io.stdout;
    if (session.options.json) {
      out.write(`${JSON.stringify({ server: connection.server, era: connection.era, tools }, null, 2)}\n`);
    } else {
      const c = session.colors.out;
      const heading = c.dim(
        `${connection.server.name} ${connection.server.version} · protocol ${connection.era} · ${tools.length} tool${tools.length === 1 ? '' : 's'}`,
      );
      out.write(`${[heading, '', ...toolsLines(tools, c)].join('\n')}\n`);
    }
    return EXIT_CODES.ok;
  } finally {
    await connection.close();
  }
}
