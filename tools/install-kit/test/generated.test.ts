/**
 * The generated files are what the generator produces (so an edit by hand, or a version bump
 * without `generate`, fails here), and the snippets in them mean what they say.
 */
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, expect, it } from 'vitest';
import { generatedFiles } from '../src/generated-files.js';
import { cursorInstallLink, npxEntry, VSCODE_KEY_INPUT } from '../src/host-configs.js';
import { localUrl, vscodeTokenInput } from '../src/http-configs.js';
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
    type Entry = { command?: string; args?: string[]; url?: string };
    const configs = blocks(section, 'json').map((block) => JSON.parse(block) as Record<string, Record<string, Entry>>);
    const all = configs.flatMap((config) => Object.values(config.mcpServers ?? config.servers ?? {}));
    const entries = all.filter((entry) => entry.url === undefined);
    expect(entries.length).toBeGreaterThanOrEqual(4);
    expect(all.filter((entry) => entry.url !== undefined)).toHaveLength(2);
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
      .filter((line) => line.startsWith('claude mcp add') && !line.includes('--transport http'));
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

  it('gives VS Code the URL form: type http, the URL, and the token from a password input in the header', () => {
    const section = sectionOf(readFileSync(path.join(server.dir, 'README.md'), 'utf8'));
    type VsCode = { inputs?: Array<Record<string, unknown>>; servers?: Record<string, Record<string, unknown>> };
    const vscode = blocks(section, 'json')
      .map((block) => JSON.parse(block) as VsCode)
      .find((config) => config.servers?.[server.name]?.type === 'http');
    expect(vscode?.servers?.[server.name]).toEqual({
      type: 'http',
      url: localUrl(server),
      headers: { Authorization: `Bearer \${input:${vscodeTokenInput(server)}}` },
    });
    expect(vscode?.inputs).toEqual([
      expect.objectContaining({ type: 'promptString', id: vscodeTokenInput(server), password: true }),
    ]);
  });

  it('gives Claude Code the URL form: --transport http before the name, --header with the bearer token after the URL', () => {
    const section = sectionOf(readFileSync(path.join(server.dir, 'README.md'), 'utf8'));
    const commands = blocks(section, 'bash')
      .flatMap((block) => block.split('\n'))
      .filter((line) => line.startsWith('claude mcp add --transport http'));
    expect(commands).toEqual([
      `claude mcp add --transport http --scope user ${server.name} ${localUrl(server)} --header "Authorization: Bearer $MCP_HTTP_TOKEN"`,
    ]);
    expect(commands[0]).not.toContain(' -- ');
  });

  it('gives Cursor the URL form: url and headers, the token read from the environment', () => {
    const section = sectionOf(readFileSync(path.join(server.dir, 'README.md'), 'utf8'));
    const cursor = blocks(section, 'json')
      .map((block) => JSON.parse(block) as { mcpServers?: Record<string, Record<string, unknown>> })
      .find((config) => config.mcpServers?.[server.name]?.url !== undefined);
    expect(cursor?.mcpServers?.[server.name]).toEqual({
      url: localUrl(server),
      headers: { Authorization: `Bearer \${env:MCP_HTTP_TOKEN}` },
    });
  });

  it('starts the server over HTTP on the port every URL form names, and says where the service guide is', () => {
    const section = sectionOf(readFileSync(path.join(server.dir, 'README.md'), 'utf8'));
    const lines = blocks(section, 'bash').flatMap((block) => block.split('\n'));
    expect(lines).toContain(`npx -y ${server.packageName} --http --port ${new URL(localUrl(server)).port}`);
    expect(section).toContain(`ready on ${localUrl(server)}`);
    expect(section).toContain('../../README.md#run-it-as-a-service');
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

describe('the HTTP ports of the install sections', () => {
  it('differ between servers, so the four can run side by side on one machine', () => {
    const ports = SERVERS.map((server) => new URL(localUrl(server)).port);
    expect(new Set(ports).size).toBe(SERVERS.length);
  });
});
