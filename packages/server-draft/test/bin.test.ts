import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { MAX_STDIO_LINE_BYTES } from '@mcp-sampling/kit';
import { describeBinContract } from '@mcp-sampling/testing/bin-contract';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8')) as { version: string };

describeBinContract({
  name: 'mcp-server-draft',
  path: fileURLToPath(new URL('../dist/bin.js', import.meta.url)),
  version,
  maxLineBytes: MAX_STDIO_LINE_BYTES,
});
