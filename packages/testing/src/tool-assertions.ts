/**
 * Assertions a server's argument tests share: a call refused before any sample, and a tool list whose
 * input schemas let no unknown field through.
 */
import { expect } from 'vitest';
import type { MockHost } from './mock-host.js';
import { textOf } from './results.js';
import { looseObjectPaths } from './strict-arguments.js';

/** Calls `tool` with `args` and asserts an `isError` whose text matches `message`, with no sample asked. */
export async function expectRefused(
  host: MockHost,
  tool: string,
  args: Record<string, unknown>,
  message: RegExp | string,
): Promise<void> {
  const result = await host.callTool(tool, args);
  expect(result.isError).toBe(true);
  expect(textOf(result)).toMatch(message);
  expect(host.requests).toHaveLength(0);
}

/** Asserts the server lists exactly `tool`, and that no object of its input schema accepts unknown fields. */
export async function expectStrictTool(host: MockHost, tool: string): Promise<void> {
  const { tools } = await host.client.listTools();
  expect(tools.map((listed) => listed.name)).toEqual([tool]);
  for (const listed of tools) expect(looseObjectPaths(listed.inputSchema)).toEqual([]);
}
