/**
 * Writes a fresh `mcp-sampling-host demo` run (stdout, no colours) into README.md between the
 * demo-transcript markers. test/demo.test.ts fails when the README and a fresh run differ in
 * anything but milliseconds. Run after `pnpm --filter @mcp-sampling/host build`.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const README = fileURLToPath(new URL('../README.md', import.meta.url));
const BIN = fileURLToPath(new URL('../dist/bin.js', import.meta.url));

const output = execFileSync(process.execPath, [BIN, 'demo', '--quiet'], {
  encoding: 'utf8',
  env: { ...process.env, NO_COLOR: '1' },
});
const readme = readFileSync(README, 'utf8');
const begin = '<!-- demo-transcript:begin -->';
const end = '<!-- demo-transcript:end -->';
const before = readme.slice(0, readme.indexOf(begin) + begin.length);
const after = readme.slice(readme.indexOf(end));
writeFileSync(README, `${before}\n\n\`\`\`text\n$ mcp-sampling-host demo\n${output}\`\`\`\n\n${after}`);
process.stdout.write(`README.md: demo transcript updated (${output.split('\n').length} lines)\n`);
