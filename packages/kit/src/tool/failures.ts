/**
 * Why a language step could not be done: the typed failure `s.sample` throws, the recovery hint
 * each reason carries, and the fallback outcome each reason falls under.
 */

/** Why a language step could not be done. Each reason maps to one recovery hint, and to one fallback outcome. */
export type SamplingFailureReason =
  | 'no-capability' // the host did not declare sampling
  | 'declined' // the host (or its user) refused the request
  | 'failed' // the host answered with an error
  | 'timeout' // no answer within the time limit
  | 'invalid-output' // the reply was empty, not text, or otherwise unusable
  | 'round-budget' // the tool needed more rounds than the kit allows
  | 'state'; // the echoed requestState was tampered, expired or minted elsewhere

/** Thrown from `s.sample` (and caught by the kit) when a step cannot be completed. */
export class SamplingFailure extends Error {
  override readonly name = 'SamplingFailure';
  constructor(
    readonly reason: SamplingFailureReason,
    message: string,
    readonly key?: string,
  ) {
    super(message);
  }
}

/** The failure for a step on a connection whose host did not declare sampling. */
export function hostCannotSample(): SamplingFailure {
  return new SamplingFailure('no-capability', 'This tool needs the host to sample, and the host did not declare sampling.');
}

const HINTS: Record<SamplingFailureReason, string> = {
  'no-capability':
    'This host does not offer MCP sampling, so the tool cannot borrow its model. Use a host that samples ' +
    '(VS Code with GitHub Copilot, fast-agent, the reference host in this repository).',
  declined:
    'The host declined the sampling request. Allow sampling for this server in the host ' +
    '(VS Code: the chat.mcp.serverSampling setting) and approve the request when asked.',
  failed: 'The host reported an error while sampling. Check the host model configuration and try again.',
  timeout: 'The host did not answer in time. Approve sampling requests promptly, or raise MCP_SAMPLING_TIMEOUT_MS on the server.',
  'invalid-output': 'The model reply could not be used. Try again, or choose another model in the host.',
  'round-budget': 'This is a bug in the tool: report it with the arguments that caused it.',
  state:
    'Retry the tool call from the start. When several server processes serve one flow, give them all the same ' +
    'MCP_SAMPLING_STATE_KEY (at least 32 bytes).',
};

/** The text shown to the caller (and its model) for a failure: what went wrong, then how to recover. */
export function describeFailure(failure: SamplingFailure): string {
  return `${failure.message} ${HINTS[failure.reason]}`;
}

/** Why the host's model could not be used: the rows of the fallback policy. */
export type FallbackOutcome = 'no-capability' | 'declined' | 'failed' | 'invalid-output';

/** The outcome a failure falls under, or undefined for failures no fallback can fix (state, round budget). */
export function outcomeOf(failure: SamplingFailure): FallbackOutcome | undefined {
  switch (failure.reason) {
    case 'no-capability':
    case 'declined':
    case 'invalid-output':
      return failure.reason;
    case 'failed':
    case 'timeout':
      return 'failed';
    default:
      return undefined;
  }
}
