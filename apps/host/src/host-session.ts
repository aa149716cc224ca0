/**
 * One run of the host: the pieces every command shares, built from the command line. The model
 * that answers, the approval policy, the session budget, the transcript of the current call, the
 * stderr presentation (status line, request cards, one line per settled request), and `connect`.
 */
import type { Readable, Writable } from 'node:stream';
import type { Answerer } from './answerers/answerer.js';
import { answererFromOptions } from './answerers/from-options.js';
import { type ApprovalMode, type Approver, autoApprover, denyApprover, NO_TERMINAL_REASON, promptApprover } from './approval.js';
import { TokenBudget } from './budget.js';
import type { CliOptions } from './cli/args.js';
import { connectToServer, type EraOption, type HostConnection } from './connect.js';
import { usageError } from './errors.js';
import { type Colors, colorsFor, NO_COLORS } from './render/colors.js';
import { CARD_MESSAGE_CHARS, requestCard } from './render/request-card.js';
import { terminalWidth } from './render/text.js';
import { recordLine } from './render/transcript-text.js';
import { combineObservers, createSamplingHandler, type SamplingHandler, type SamplingObserver } from './sampling-handler.js';
import { type ServerTarget, serverLabel } from './server-target.js';
import { Status } from './status.js';
import { SamplingTimeline } from './trace/sampling-timeline.js';
import { Transcript } from './transcript.js';

/** The streams and environment a run uses (the process's own, or a test's). */
export interface HostIO {
  stdout: Writable & { isTTY?: boolean };
  stderr: Writable & { isTTY?: boolean; columns?: number };
  stdin: Readable & { isTTY?: boolean };
  env: NodeJS.ProcessEnv;
}

/** The shared pieces of one run. */
export interface HostSession {
  readonly options: CliOptions;
  readonly io: HostIO;
  readonly answerer: Answerer;
  readonly approver: Approver;
  readonly budget: TokenBudget;
  /** The current call's sampling; reset before each call. */
  readonly transcript: Transcript;
  /** With `--trace`: when each of the current call's requests arrived, was approved and settled. */
  readonly timeline: SamplingTimeline | undefined;
  readonly handler: SamplingHandler;
  readonly status: Status;
  /** Colours for stdout and stderr. */
  readonly colors: { out: Colors; err: Colors };
  /** A line on stderr, unless `--quiet`. */
  notice(text: string): void;
  /** Connect to a server with this session's sampling handler. */
  connect(target: ServerTarget, era: EraOption): Promise<HostConnection>;
}

/** Build the session; `defaultApproval` is the mode when `--approve` is absent (`tty`: prompt if possible, else deny). */
export function createHostSession(options: CliOptions, io: HostIO, defaultApproval: ApprovalMode | 'tty' = 'tty'): HostSession {
  const colors = { out: options.json ? NO_COLORS : colorsFor(io.stdout, io.env), err: colorsFor(io.stderr, io.env) };
  // `list` never calls a tool, so nothing about sampling is worth a note there.
  const samples = options.command !== 'list';
  const interactive = io.stdin.isTTY === true && io.stderr.isTTY === true;
  if (options.approve === 'prompt' && !interactive && samples) {
    throw usageError(
      '--approve prompt needs a terminal (stdin and stderr): run it in one, or pass --approve auto or --approve deny',
    );
  }
  const mode = options.approve ?? (defaultApproval === 'tty' ? (interactive ? 'prompt' : 'deny') : defaultApproval);
  // The spinner also runs while connecting with prompts in use; each prompt pauses it (approverFor).
  const status = new Status(io.stderr, io.stderr.isTTY === true && !options.quiet, colors.err);
  const notice = (text: string) => {
    if (!options.quiet) status.log(text);
  };
  const { answerer, note } = answererFromOptions(options, io.env);
  if (note !== undefined && samples) notice(colors.err.dim(`note: ${note}`));
  const approver = approverFor(mode, options.approve === undefined && !interactive, io, colors.err, status);

  const budget = new TokenBudget(options.budget);
  const transcript = new Transcript();
  const timeline = options.trace ? new SamplingTimeline() : undefined;
  const observers: SamplingObserver[] = [
    ...(options.quiet ? [] : [stderrObserver(status, colors.err, options.verbose && approver.mode !== 'prompt', io.stderr)]),
    ...(timeline === undefined ? [] : [timeline]),
  ];
  let serverName = 'server';
  const handler = createSamplingHandler({
    answerer,
    approver,
    budget,
    transcript,
    server: () => serverName,
    ...(options.maxTokensPerRequest !== undefined && { maxTokensPerRequest: options.maxTokensPerRequest }),
    ...(observers.length > 0 && { observer: combineObservers(...observers) }),
  });

  return {
    options,
    io,
    answerer,
    approver,
    budget,
    transcript,
    timeline,
    handler,
    status,
    colors,
    notice,
    async connect(target, era) {
      status.start(`connecting to ${serverLabel(target)} (--era ${era})`);
      try {
        const connection = await connectToServer(target, {
          era,
          handler,
          connectTimeout: options.connectTimeout,
          ...(options.verbose && { serverStderr: io.stderr }),
        });
        serverName = connection.server.name;
        return connection;
      } finally {
        status.stop();
      }
    },
  };
}

function approverFor(mode: ApprovalMode, noTerminal: boolean, io: HostIO, c: Colors, status: Status): Approver {
  if (mode === 'auto') return autoApprover();
  if (mode === 'deny') return noTerminal ? denyApprover(NO_TERMINAL_REASON) : denyApprover();
  return promptApprover({
    input: io.stdin,
    output: io.stderr,
    colors: c,
    onPromptStart: () => status.pause(),
    onPromptEnd: () => status.resume(),
    show: (pending) => io.stderr.write(`\n${requestCard(pending.record, c, CARD_MESSAGE_CHARS, terminalWidth(io.stderr))}\n`),
  });
}

/** One stderr line per settled request; with `cards`, the full request as it arrives. */
function stderrObserver(status: Status, c: Colors, cards: boolean, stderr: HostIO['stderr']): SamplingObserver {
  return {
    arrived: (record) => {
      if (cards) status.log(requestCard(record, c, CARD_MESSAGE_CHARS, terminalWidth(stderr)));
      status.update(`${record.server}: sampling request ${record.seq} (${record.key ?? 'no key'}) in progress`);
    },
    settled: (record) => {
      const mark = record.outcome?.status === 'answered' ? c.green('✓') : c.yellow('✗');
      status.log(`${mark} ${c.dim(`request ${record.seq}, round ${record.round}:`)} ${recordLine(record, c)}`);
    },
  };
}
