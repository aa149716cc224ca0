/**
 * Why a language step could not be done. Each reason maps to one recovery hint, and later to one
 * row of the fallback policy.
 */
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
