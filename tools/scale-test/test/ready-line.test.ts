import { describe, expect, it } from 'vitest';
import { parseReadyLine } from '../src/ready-line.js';

describe('parseReadyLine', () => {
  it('reads the bin, version, URL and real port', () => {
    expect(parseReadyLine('mcp-server-summarise 0.1.0 ready on http://127.0.0.1:41235/mcp')).toEqual({
      bin: 'mcp-server-summarise',
      version: '0.1.0',
      url: 'http://127.0.0.1:41235/mcp',
      port: 41235,
    });
  });

  it('reads the replica name when MCP_HTTP_REPLICA is set', () => {
    expect(parseReadyLine('mcp-server-draft 0.2.0 ready on http://0.0.0.0:3000/mcp (replica draft-2)')?.replica).toBe('draft-2');
  });

  it('reads an IPv6 host', () => {
    expect(parseReadyLine('mcp-server-route 1.0.0 ready on http://[::1]:8080/mcp')?.port).toBe(8080);
  });

  it('ignores every other line, the stdio ready line included', () => {
    expect(parseReadyLine('mcp-server-summarise 0.1.0 ready on stdio')).toBeUndefined();
    expect(parseReadyLine('mcp-server-summarise: SIGTERM: draining (up to 30 s), then exiting')).toBeUndefined();
    expect(parseReadyLine('')).toBeUndefined();
  });
});
