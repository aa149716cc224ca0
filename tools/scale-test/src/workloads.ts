/**
 * What the scale test asks each server, and how its mock host answers. Every call carries a
 * unique token in its input; the host's model echoes the tokens it finds in each request, so the
 * final result holds the call's own token only if every round of the call reached the right
 * state: a round served with another call's state, or an answer routed to the wrong call, shows
 * up as a missing or foreign token.
 */
import { randomBytes } from 'node:crypto';
import type { RecordedRequest, Reply, Script } from '@mcp-sampling/testing';
import type { CallToolResult } from '@modelcontextprotocol/client';
import type { ServerName } from './bins.js';
import { TOKEN_PATTERN } from './exchange-log.js';

/** A fresh token: `scale-` and 12 hex digits. */
export function newToken(): string {
  return `scale-${randomBytes(6).toString('hex')}`;
}

/** The tokens a text mentions, each once, in order of appearance. */
export function tokensIn(text: string): string[] {
  return [...new Set(text.match(TOKEN_PATTERN) ?? [])];
}

/** Runs before the host answers a request (e.g. to kill a replica while the host holds the answer). */
export type BeforeReply = (request: RecordedRequest) => void | Promise<void>;

/** How the host answers: after an optional hook and an optional delay. */
export interface HostBehaviour {
  beforeReply?: BeforeReply;
  /** Milliseconds to wait before answering each request (e.g. a random 0-50). */
  delayMs?: () => number;
}

/** One server's tool, its arguments for a token, and the host's script. */
export interface Workload {
  server: ServerName;
  tool: string;
  /** Rounds one call takes when the host answers as scripted. */
  rounds: number;
  args(token: string): Record<string, unknown>;
  script(behaviour?: HostBehaviour): Script;
}

/** Wraps the model's answer with the hook and the delay. */
function behaved(answer: (request: RecordedRequest) => unknown, json: boolean, behaviour: HostBehaviour): Reply {
  return async (request, signal) => {
    await behaviour.beforeReply?.(request);
    const delay = behaviour.delayMs?.() ?? 0;
    if (delay > 0) await new Promise((resolve) => setTimeout(resolve, delay));
    signal.throwIfAborted();
    const value = answer(request);
    return {
      role: 'assistant',
      content: { type: 'text', text: json ? JSON.stringify(value) : String(value) },
      model: 'scale-echo',
      stopReason: 'endTurn',
    };
  };
}

/** A paragraph of plain report text naming the token; about 600 characters. */
function paragraph(token: string, index: number): string {
  return (
    `Section ${index + 1} of the quarterly report ${token} covers the harbour works in detail. ` +
    'The team inspected every pier, replaced worn fittings and logged each repair with its cost. ' +
    'Weather delayed two of the planned dives, which moved to the following week without extra spending. ' +
    'Suppliers delivered the timber on schedule, and the new crane passed its safety check on the first try. ' +
    'The budget stayed within the approved figure, and the reserve was not touched during the period. ' +
    'Residents reported less noise after the night shifts ended, and the footpath reopened early.'
  );
}

/** summarise: about 30,000 characters, two chunks: `map:0` and `map:1` in round 1, `reduce` in round 2. */
const summarise: Workload = {
  server: 'summarise',
  tool: 'summarise',
  rounds: 2,
  args: (token) => ({
    text: Array.from({ length: 50 }, (_, index) => paragraph(token, index)).join('\n\n'),
    maxWords: 60,
  }),
  script: (behaviour = {}) =>
    behaved(
      (request) => `The report ${tokensIn(request.userText).join(' ')} finds the harbour works on budget.`,
      false,
      behaviour,
    ),
};

/** draft: a note from a short brief: `outline` in round 1, `draft` in round 2. */
const draft: Workload = {
  server: 'draft',
  tool: 'draft',
  rounds: 2,
  args: (token) => ({
    brief: `Tell the team that the harbour report ${token} is ready for review on Friday.`,
    kind: 'note',
    maxWords: 80,
  }),
  script: (behaviour = {}) => ({
    rules: [
      {
        match: 'outline',
        reply: behaved(
          (request) => ({ points: [`The report ${tokensIn(request.userText).join(' ')} is ready.`] }),
          true,
          behaviour,
        ),
      },
      {
        match: /^(draft|revise:\d+)$/,
        reply: behaved(
          (request) => `The harbour report ${tokensIn(request.userText).join(' ')} is ready for review on Friday.`,
          false,
          behaviour,
        ),
      },
    ],
  }),
};

/** The workload of each server. */
export const WORKLOADS: Record<ServerName, Workload> = { summarise, draft };

/** The text of a tool result (every content block), for token checks. */
export function resultText(result: CallToolResult): string {
  return result.content.map((block) => (block.type === 'text' ? block.text : '')).join('\n');
}

/**
 * Why a result is not the right answer to the call that carried `token` (`undefined` when it is):
 * an error result, the token missing, or another call's token present.
 */
export function wrongAnswer(result: CallToolResult, token: string): string | undefined {
  const text = resultText(result);
  if (result.isError === true) return `isError: ${text.slice(0, 300)}`;
  const tokens = tokensIn(`${text}\n${JSON.stringify(result.structuredContent ?? {})}`);
  if (!tokens.includes(token)) return `its token ${token} is missing from the result: ${text.slice(0, 200)}`;
  const foreign = tokens.filter((other) => other !== token);
  if (foreign.length > 0) return `the result carries another call's token (${foreign.join(', ')})`;
  return undefined;
}
