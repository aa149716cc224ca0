/**
 * `demo`: the four servers of this repository (summarise, classify, route, draft), each on a
 * realistic input, in one or both protocol eras, with every sampling request answered by this host.
 * Prints, per run: the rounds and requests, which model answered, the result and its provenance.
 * With `--transport http` each server runs on its own over Streamable HTTP for the whole demo, and
 * is stopped with SIGTERM at the end.
 */
import { describeExit, type EraOption, type ServerExit } from '../connect.js';
import { EXIT_CODES, messageOf, oneLine } from '../errors.js';
import type { HostSession } from '../host-session.js';
import type { Colors } from '../render/colors.js';
import { contentText, provenanceLine, provenanceOf } from '../render/result-text.js';
import { clip, indent, plural, terminalWidth } from '../render/text.js';
import { transcriptLines } from '../render/transcript-text.js';
import { type ServerTarget, serverEnvironment } from '../server-target.js';
import { type CallOutcome, callTool, transcriptJson } from './call.js';
import { type DemoCase, demoCases, serverBinPath } from './demo-cases.js';
import { type HttpServerProcess, startHttpServer } from './http-server-process.js';

/** Each demo server over HTTP: the running process, or why it did not start. */
type HttpServers = Map<string, { server: HttpServerProcess } | { failure: string }>;

/** How each era's section is introduced. */
const ERA_HEADINGS: Record<EraOption, string> = {
  legacy: 'Protocol 2025 (initialize): the server pushes each sampling request to the host on the live connection',
  '2026-07-28':
    'Protocol 2026-07-28 (server/discover): sampling requests come back embedded in input_required results; the host answers them and retries the call',
  auto: '--era auto: each connection probes with server/discover and falls back to initialize',
};

/** Run the demo; returns the exit code (1 if any run failed). */
export async function runDemo(session: HostSession): Promise<number> {
  const eras: EraOption[] = session.options.era === 'both' ? ['legacy', '2026-07-28'] : [session.options.era];
  const cases = demoCases();
  const c = session.colors.out;
  const out = session.io.stdout;
  const write = (lines: string[]) => {
    if (!session.options.json) out.write(`${lines.join('\n')}\n`);
  };
  const models = session.answerer.models;
  const model =
    models === undefined
      ? `${session.answerer.modelFor('balanced')} (the offline model; no API key)`
      : `${session.answerer.name} (fast: ${models.fast}, balanced: ${models.balanced}, smart: ${models.smart})`;
  const http = session.options.transport === 'http';
  write([
    c.bold('mcp-sampling-host demo'),
    `Four MCP servers from this repository, each given a task. Every sampling request they send is shown,`,
    `approved (--approve ${session.approver.mode}) and answered by this host with ${model}.`,
    ...(http
      ? [
          'Each server runs on its own over Streamable HTTP (--http on 127.0.0.1, a free port, a bearer token made for',
          'this run); the host connects to its URL, and stops it with SIGTERM at the end.',
        ]
      : []),
  ]);

  const servers = http ? await startServers(session, cases) : undefined;
  const runs: Array<{ era: EraOption; demo: DemoCase; outcome: CallOutcome | undefined; failure: string | undefined }> = [];
  let stopped: Array<{ demo: DemoCase; url: string | undefined; exit: ServerExit | undefined }> = [];
  try {
    for (const era of eras) {
      write(['', c.bold(c.cyan(`=== ${ERA_HEADINGS[era]} ===`))]);
      for (const demo of cases) {
        const run = await runCase(session, era, demo, servers);
        runs.push({ era, demo, ...run });
        const url = serverUrl(servers, demo);
        write(['', ...caseLines(demo, run.outcome, run.failure, c, terminalWidth(out), url)]);
      }
    }
  } finally {
    if (servers !== undefined) stopped = await stopServers(cases, servers);
  }
  write(['', ...summaryLines(runs, c)]);
  if (servers !== undefined) write(['', ...stoppedLines(stopped, c)]);
  if (session.options.json) {
    session.io.stdout.write(
      `${JSON.stringify(
        {
          answeredBy: session.answerer.name,
          transport: session.options.transport,
          ...(servers !== undefined && {
            servers: stopped.map(({ demo, url, exit }) => ({
              packageName: demo.packageName,
              url: url ?? null,
              exit: exit ?? null,
            })),
          }),
          runs: runs.map(({ era, demo, outcome, failure }) => ({
            era: outcome?.connection.era ?? era,
            server: outcome?.connection.server,
            tool: demo.tool,
            task: demo.task,
            durationMs: outcome?.durationMs,
            result: outcome?.result ?? null,
            ...((failure ?? outcome?.error) !== undefined && { error: failure ?? outcome?.error?.message }),
            transcript: outcome === undefined ? undefined : transcriptJson(outcome.transcript),
          })),
        },
        null,
        2,
      )}\n`,
    );
  }
  const failed =
    runs.some((run) => run.failure !== undefined || run.outcome?.error !== undefined || run.outcome?.result?.isError) ||
    stopped.some(({ exit }) => exit !== undefined && (exit.code !== 0 || exit.signal !== null));
  return failed ? EXIT_CODES.callFailed : EXIT_CODES.ok;
}

/** Starts every demo server over HTTP, side by side; one that fails is recorded, not fatal. */
async function startServers(session: HostSession, cases: DemoCase[]): Promise<HttpServers> {
  const started = await Promise.all(
    cases.map(async (demo) => {
      try {
        const server = await startHttpServer({
          bin: serverBinPath(demo.packageName),
          env: serverEnvironment(session.io.env),
          readyTimeout: session.options.connectTimeout,
          label: demo.packageName,
          ...(session.options.verbose && { stderr: session.io.stderr }),
        });
        return [demo.packageName, { server }] as const;
      } catch (error) {
        return [demo.packageName, { failure: oneLine(messageOf(error)) }] as const;
      }
    }),
  );
  return new Map<string, { server: HttpServerProcess } | { failure: string }>(started);
}

/** SIGTERM to every server that started, and how each ended. */
async function stopServers(
  cases: DemoCase[],
  servers: HttpServers,
): Promise<Array<{ demo: DemoCase; url: string | undefined; exit: ServerExit | undefined }>> {
  return Promise.all(
    cases.map(async (demo) => {
      const entry = servers.get(demo.packageName);
      if (entry === undefined || !('server' in entry)) return { demo, url: undefined, exit: undefined };
      return { demo, url: entry.server.target.url.href, exit: await entry.server.stop() };
    }),
  );
}

function stoppedLines(
  stopped: Array<{ demo: DemoCase; url: string | undefined; exit: ServerExit | undefined }>,
  c: Colors,
): string[] {
  const lines = [c.bold('Servers stopped (SIGTERM)')];
  for (const { demo, url, exit } of stopped) {
    const name = demo.tool.padEnd(9);
    if (exit === undefined) lines.push(`  ${name} ${c.red('never started')}`);
    else {
      const clean = exit.code === 0 && exit.signal === null;
      const how = describeExit(exit).replace(/^it /, '');
      lines.push(`  ${name} ${url ?? ''}  ${clean ? how : c.red(how)}`);
    }
  }
  return lines;
}

async function runCase(
  session: HostSession,
  era: EraOption,
  demo: DemoCase,
  servers: HttpServers | undefined,
): Promise<{ outcome: CallOutcome | undefined; failure: string | undefined }> {
  try {
    const target = demoTarget(session, demo, servers);
    const connection = await session.connect(target, era);
    try {
      return { outcome: await callTool(session, connection, demo.tool, demo.args), failure: undefined };
    } finally {
      await connection.close();
    }
  } catch (error) {
    return { outcome: undefined, failure: oneLine(messageOf(error)) };
  }
}

/** The demo server for `demo`: spawned on stdio, or the URL of its running HTTP process. */
function demoTarget(session: HostSession, demo: DemoCase, servers: HttpServers | undefined): ServerTarget {
  if (servers === undefined) {
    return {
      kind: 'stdio',
      command: process.execPath,
      args: [serverBinPath(demo.packageName)],
      env: serverEnvironment(session.io.env),
    };
  }
  const entry = servers.get(demo.packageName);
  if (entry === undefined) throw new Error(`${demo.packageName} was not started`);
  if ('failure' in entry) throw new Error(entry.failure);
  return entry.server.target;
}

/** The URL of a demo server running over HTTP, if it is. */
function serverUrl(servers: HttpServers | undefined, demo: DemoCase): string | undefined {
  const entry = servers?.get(demo.packageName);
  return entry !== undefined && 'server' in entry ? entry.server.target.url.href : undefined;
}

function caseLines(
  demo: DemoCase,
  outcome: CallOutcome | undefined,
  failure: string | undefined,
  c: Colors,
  width: number | undefined,
  url: string | undefined,
): string[] {
  const server =
    outcome === undefined ? demo.packageName : `${outcome.connection.server.name} ${outcome.connection.server.version}`;
  const era = outcome === undefined ? '' : ` · protocol ${outcome.connection.era}`;
  const lines = [
    `${c.magenta('▶')} ${c.bold(demo.tool)}  ${c.dim(`${server}${era}${url === undefined ? '' : ` · ${url}`}`)}`,
    `  ${c.dim('task:')} ${demo.tool} ${demo.task}`,
  ];
  if (outcome === undefined) return [...lines, `  ${c.red('failed:')} ${failure}`];
  const transcriptWidth = width === undefined ? undefined : width - 2;
  lines.push(...transcriptLines(outcome.transcript, c, { prompts: true, width: transcriptWidth }).map((line) => `  ${line}`));
  if (outcome.error !== undefined) return [...lines, `  ${c.red('failed:')} ${outcome.error.message}`];
  const result = outcome.result;
  if (result === undefined) return lines;
  lines.push(`  ${result.isError ? c.red('error') : c.bold('result')} ${c.dim(`(${outcome.durationMs} ms)`)}:`);
  lines.push(indent(clip(contentText(result), 800), '    '));
  const provenance = provenanceOf(result);
  if (provenance !== undefined) lines.push(`  ${c.dim('provenance:')} ${provenanceLine(provenance)}`);
  return lines;
}

function summaryLines(
  runs: Array<{ era: EraOption; demo: DemoCase; outcome: CallOutcome | undefined; failure: string | undefined }>,
  c: Colors,
): string[] {
  const lines = [c.bold('Summary')];
  for (const { demo, outcome, failure } of runs) {
    const era = (outcome?.connection.era ?? '?').padEnd(10);
    if (outcome === undefined || outcome.result === undefined) {
      lines.push(`  ${era} ${demo.tool.padEnd(9)} ${c.red('failed')}: ${failure ?? outcome?.error?.message}`);
      continue;
    }
    const provenance = provenanceOf(outcome.result);
    const t = outcome.transcript;
    lines.push(
      `  ${era} ${demo.tool.padEnd(9)} ${plural(t.rounds, 'round').padEnd(8)} ${plural(t.records.length, 'request').padEnd(11)} ` +
        `path ${(provenance?.path ?? '?').padEnd(9)} ${(provenance?.models ?? []).join(', ').padEnd(22)} ${outcome.durationMs} ms`,
    );
  }
  return lines;
}
