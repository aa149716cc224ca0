/**
 * Mock hosts that close themselves: for a test file, a `connect` that opens a host in-process (in
 * either era) exactly as `connectInMemory` does and closes every host it opened after each test,
 * so a test says only what it checks; and the assertions argument tests share (tool-assertions.ts).
 */
import { afterEach } from 'vitest';
import { connectInMemory, type MockHost, type MockHostOptions, type ServerFactory } from './mock-host.js';

/** Opens a host, closed after the current test. */
export type ConnectHost = (build: ServerFactory, options?: MockHostOptions) => Promise<MockHost>;

/** Call at the top level of a test file; the hosts the returned function opens are closed after each test. */
export function useMockHosts(): ConnectHost {
  const open: MockHost[] = [];
  afterEach(async () => {
    await Promise.all(open.splice(0).map((host) => host.close()));
  });
  return async (build, options = {}) => {
    const host = await connectInMemory(build, options);
    open.push(host);
    return host;
  };
}

export { expectRefused, expectStrictTool } from './tool-assertions.js';
