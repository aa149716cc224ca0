#!/usr/bin/env node
/** `mcp-sampling-host`: the reference MCP sampling host (see README.md). */
import { main } from './cli/main.js';

// stdout carries only results (one JSON document with --json): console output from libraries
// (the SDK writes console.debug notes) goes to stderr.
for (const method of ['log', 'info', 'debug'] as const) console[method] = console.error;

// Output piped into a reader that stops early (`| head`): stop quietly, as command-line tools do.
process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code === 'EPIPE') process.exit(0);
  throw error;
});

const code = await main(process.argv.slice(2), {
  stdout: process.stdout,
  stderr: process.stderr,
  stdin: process.stdin,
  env: process.env,
});

// Exit once everything written has been flushed, without waiting for timers the SDK may still hold
// for a server that never answered (its spawned processes end when their stdin closes).
process.stdout.write('', () => process.stderr.write('', () => process.exit(code)));
