/**
 * Approval: the person in the loop. The spec asks a host to let the user see, edit and refuse
 * every sampling request; this host asks in the terminal (approve, deny, or edit the prompt), or
 * follows a fixed policy (`auto` approves everything, `deny` refuses everything). Prompts are
 * asked one at a time, in arrival order, even when a server fans out several requests at once.
 */
import type { Readable, Writable } from 'node:stream';
import { multiline } from './prompts/multiline.js';
import { select } from './prompts/select.js';
import type { Colors } from './render/colors.js';
import { lastUserText, type SamplingRequestView } from './sampling-request.js';
import type { SamplingRecord } from './transcript.js';

/** How requests are approved: asked in the terminal, approved, or refused. */
export type ApprovalMode = 'prompt' | 'auto' | 'deny';

export const APPROVAL_MODES: readonly ApprovalMode[] = ['prompt', 'auto', 'deny'];

/** What the approver decided for one request. */
export type ApprovalDecision =
  | { kind: 'approve'; by: 'policy' | 'user' }
  | { kind: 'deny'; by: 'policy' | 'user'; reason: string }
  | { kind: 'edit'; text: string };

/** A request waiting for approval. */
export interface PendingApproval {
  record: SamplingRecord;
  request: SamplingRequestView;
}

/** Decides whether a request goes to the model. */
export interface Approver {
  readonly mode: ApprovalMode;
  decide(pending: PendingApproval, signal: AbortSignal): Promise<ApprovalDecision>;
}

/** Approves every request. */
export function autoApprover(): Approver {
  return { mode: 'auto', decide: async () => ({ kind: 'approve', by: 'policy' }) };
}

/** The reason given for `--approve deny`. */
export const DENY_POLICY_REASON = "the host's policy denies every sampling request (--approve deny)";

/** The reason given when no one can be asked (no terminal) and no policy was chosen. */
export const NO_TERMINAL_REASON =
  'the host cannot ask for approval without a terminal; run it with --approve auto to allow sampling';

/** Refuses every request with `reason`. */
export function denyApprover(reason: string = DENY_POLICY_REASON): Approver {
  return { mode: 'deny', decide: async () => ({ kind: 'deny', by: 'policy', reason }) };
}

/** Where the prompt approver reads and writes, and what it shows before asking. */
export interface PromptApproverOptions {
  /** Default `process.stdin`. */
  input?: Readable;
  /** Default `process.stderr` (stdout carries results). */
  output?: Writable;
  /** Colours for `output` (see `colorsFor`), so NO_COLOR holds for the prompts too. */
  colors: Colors;
  /** Shows the request in full before the question (system prompt, messages, parameters). */
  show: (pending: PendingApproval) => void;
  /** Called around each prompt, e.g. to pause a spinner. */
  onPromptStart?: () => void;
  onPromptEnd?: () => void;
}

/** Asks in the terminal: approve, deny, or edit the last user message. */
export function promptApprover(options: PromptApproverOptions): Approver {
  const io = { input: options.input ?? process.stdin, output: options.output ?? process.stderr, colors: options.colors };
  let queue: Promise<unknown> = Promise.resolve();

  const ask = async (pending: PendingApproval, signal: AbortSignal): Promise<ApprovalDecision> => {
    // Let a cancellation caused by the previous answer (a denied sibling ends a 2026-07-28 round)
    // arrive before this request is put on screen.
    await new Promise<void>((resolve) => setImmediate(resolve));
    if (signal.aborted) return { kind: 'deny', by: 'user', reason: 'the request was cancelled before it was shown' };
    options.onPromptStart?.();
    try {
      options.show(pending);
      const model = pending.record.plannedModel;
      const choice = await select({
        ...io,
        signal,
        message: `Send this request from ${pending.record.server} to ${model}?`,
        options: [
          { value: 'approve' as const, label: 'Approve', hint: `send it to ${model}` },
          { value: 'deny' as const, label: 'Deny', hint: 'the server is told the request was declined' },
          { value: 'edit' as const, label: 'Edit the prompt', hint: 'change the last user message, then send it' },
        ],
      });
      if (choice === undefined) return { kind: 'deny', by: 'user', reason: 'the user dismissed the approval prompt' };
      if (choice === 'approve') return { kind: 'approve', by: 'user' };
      if (choice === 'deny') return { kind: 'deny', by: 'user', reason: 'the user denied it' };
      const edited = await multiline({
        ...io,
        signal,
        message: 'Edit the last user message (press Enter twice to send it)',
        initialValue: lastUserText(pending.request),
      });
      if (edited === undefined) return { kind: 'deny', by: 'user', reason: 'the user dismissed the edit' };
      return { kind: 'edit', text: edited };
    } finally {
      options.onPromptEnd?.();
    }
  };

  return {
    mode: 'prompt',
    decide(pending, signal) {
      const turn = queue.then(() => ask(pending, signal));
      queue = turn.catch(() => undefined);
      return turn;
    },
  };
}
