/**
 * The generated files are what the generator produces (so an edit by hand, or a version bump
 * without `generate`, fails here), and the snippets in them mean what they say.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../src/generated-files.js';
import { cursorInstallLink, npxEntry, VSCODE_KEY_INPUT } from '../src/host-configs.js';
import { INSTALL_BEGIN, INSTALL_END, installSection, withInstallSection } from '../src/install-section.js';
import { allServers, REPO_ROOT } from '../src/servers.js';

const SERVERS = allServers();
const REGENERATE = 'pnpm --filter @mcp-sampling/install-kit run generate';

/** The install section of a README, markers excluded. */
function sectionOf(readme: string): string {
  const begin = readme.indexOf(INSTALL_BEGIN);
  const end = readme.indexOf(INSTALL_END);
  expect(begin, 'install:begin marker').toBeGreaterThan(-1);
  expect(end, 'install:end marker').toBeGreaterThan(begin);
  return readme.slice(begin + INSTALL_BEGIN.length, end);
}

/** The fenced blocks of one language in `markdown`. */
const blocks = (markdown: string, language: string): string[] =>
  [...markdown.matchAll(new RegExp(`\`\`\`${language}\\n([\\s\\S]*?)\\n\`\`\``, 'g'))].map((match) => match[1] ?? '');

describe.each(SERVERS.map((server) => [server.name, server] as const))('%s', (_, server) => {
  it(`has README, server.json and manifest.json exactly as generated (fix: ${REGENERATE})`, async () => {
    for (const file of await generatedFiles(server)) {
      const relative = path.relative(REPO_ROOT, file.path);
      expect(readFileSync(file.path, 'utf8'), `${relative} differs from the generator; run ${REGENERATE}`).toBe(file.expected);
    }
  });

  it('prints only valid JSON, naming the package with npx -y, the Windows variant through cmd /c', () => {
    const section = sectionOf(readFileSync(path.join(server.dir, 'README.md'), 'utf8'));
    type Entry = { command: string; args: string[] };
    const configs = blocks(section, 'json').map((block) => JSON.parse(block) as Record<string, Record<string, Entry>>);
    const entries = configs.flatMap((config) => Object.values(config.mcpServers ?? config.servers ?? {}));
    expect(entries.length).toBeGreaterThanOrEqual(4);
    for (const entry of entries) {
      expect(entry.args).toEqual(expect.arrayContaining(['-y', server.packageName]));
    }
    expect(entries).toContainEqual({ command: 'cmd', args: ['/c', 'npx', '-y', server.packageName] });
    expect(configs.map((config) => Object.keys(config))).toContainEqual(['chat.mcp.serverSampling']);
  });

  it('asks VS Code for the key as a password input and passes it as ANTHROPIC_API_KEY', () => {
    const section = sectionOf(readFileSync(path.join(server.dir, 'README.md'), 'utf8'));
    const vscode = blocks(section, 'json')
      .map((block) => JSON.parse(block) as { inputs?: Array<Record<string, unknown>>; servers?: Record<string, { env: object }> })
      .find((config) => config.servers !== undefined);
    expect(vscode?.inputs).toEqual([expect.objectContaining({ type: 'promptString', id: VSCODE_KEY_INPUT, password: true })]);
    expect(vscode?.servers?.[server.name]?.env).toEqual({ ANTHROPIC_API_KEY: `\${input:${VSCODE_KEY_INPUT}}` });
  });

  it('puts --scope and -e before the `--`, so they reach Claude Code rather than the server', () => {
    const section = sectionOf(readFileSync(path.join(server.dir, 'README.md'), 'utf8'));
    const commands = blocks(section, 'bash')
      .flatMap((block) => block.split('\n'))
      .filter((line) => line.startsWith('claude mcp add'));
    expect(commands).toContain(`claude mcp add --scope user ${server.name} -- npx -y ${server.packageName}`);
    expect(commands).toContain(
      `claude mcp add --scope user ${server.name} -e ANTHROPIC_API_KEY=sk-ant-… -- npx -y ${server.packageName}`,
    );
    for (const command of commands) expect(command.split(' -- ')[1]).toBe(`npx -y ${server.packageName}`);
    expect(section).toContain('`--scope` before the name');
  });

  it('tells VS Code users what sampling needs: the consent prompt, allowedModels, and the Insiders key', () => {
    const section = sectionOf(readFileSync(path.join(server.dir, 'README.md'), 'utf8'));
    const setting = blocks(section, 'json')
      .map((block) => JSON.parse(block) as Record<string, Record<string, object>>)
      .find((config) => 'chat.mcp.serverSampling' in config);
    expect(setting?.['chat.mcp.serverSampling']).toEqual({
      [`Global in Code: ${server.name}`]: { allowedModels: [expect.stringMatching(/^copilot\//)] },
    });
    expect(section).not.toContain('allowedDuringChat": true');
    expect(section).toContain(`\`Global in Code - Insiders: ${server.name}\``);
    expect(section).toContain('allowed by default');
  });

  it('links Cursor to the same server entry, base64-encoded', () => {
    const link = new URL(cursorInstallLink(server));
    expect(link.protocol).toBe('cursor:');
    expect(link.searchParams.get('name')).toBe(server.name);
    const config = JSON.parse(Buffer.from(link.searchParams.get('config') ?? '', 'base64').toString('utf8'));
    expect(config).toEqual(npxEntry(server));
    expect(installSection(server)).toContain(`(${cursorInstallLink(server)})`);
  });

  it('tells exactly what a host that cannot sample gets from this server', () => {
    const section = installSection(server);
    if (server.heuristic === undefined) {
      expect(section).toContain('an `isError` that says what to configure');
      expect(section).not.toContain('`path: heuristic`');
    } else {
      expect(section).toContain(`its heuristic, ${server.heuristic} (\`path: heuristic\`)`);
    }
  });
});

describe('withInstallSection', () => {
  const readme = '# x\n\nAbout.\n\n## Run it\n\nnode x\n';

  it('inserts the section before "## Run it" the first time, then replaces it in place', () => {
    const first = withInstallSection(readme, `${INSTALL_BEGIN}\nA\n${INSTALL_END}`);
    expect(first).toBe(`# x\n\nAbout.\n\n${INSTALL_BEGIN}\nA\n${INSTALL_END}\n\n## Run it\n\nnode x\n`);
    const second = withInstallSection(first, `${INSTALL_BEGIN}\nB\n${INSTALL_END}`);
    expect(second).toBe(first.replace('\nA\n', '\nB\n'));
  });

  it('refuses a README with neither markers nor a "## Run it" heading', () => {
    expect(() => withInstallSection('# x\n', 'section')).toThrow(/## Run it/);
  });
});
