/**
 * The fallback policy: what a tool call does when the host's model cannot do a step. The operator
 * configures it per outcome, with environment variables (or the bin flags that set them):
 *
 *   MCP_SAMPLING_FALLBACK                  actions for every outcome, e.g. `provider,heuristic,error`
 *   MCP_SAMPLING_FALLBACK_NO_CAPABILITY    the host did not declare sampling
 *   MCP_SAMPLING_FALLBACK_DECLINED         the host (or its user) refused a request
 *   MCP_SAMPLING_FALLBACK_FAILED           the host failed a request or did not answer in time
 *   MCP_SAMPLING_FALLBACK_INVALID_OUTPUT   the model's answer stayed invalid after repairs
 *
 * Actions are tried in order; one that cannot apply (no provider configured, no heuristic for this
 * tool) or that fails is skipped, and the call ends in a clear `isError` when none answers.
 */
import type { FallbackOutcome } from '../../tool/failures.js';

/** What to do when the host's model cannot do a step, per outcome. */
export type FallbackAction = 'provider' | 'heuristic' | 'delegate' | 'error';

/** Ordered actions per outcome. */
export type FallbackPolicy = Readonly<Record<FallbackOutcome, readonly FallbackAction[]>>;

/** Every outcome, in the order the policy and `--help` list them. */
export const FALLBACK_OUTCOMES: readonly FallbackOutcome[] = ['no-capability', 'declined', 'failed', 'invalid-output'];
const ACTIONS: readonly FallbackAction[] = ['provider', 'heuristic', 'delegate', 'error'];

/**
 * The default: the server's own provider when one is configured, else the tool's heuristic, else
 * an error. A decline is the user's "no" to sending this request to a model, so by default it is
 * never overridden by a provider call; only the local heuristic may answer it.
 */
export const DEFAULT_FALLBACK_POLICY: FallbackPolicy = {
  'no-capability': ['provider', 'heuristic', 'error'],
  declined: ['heuristic', 'error'],
  failed: ['provider', 'heuristic', 'error'],
  'invalid-output': ['provider', 'heuristic', 'error'],
};

/** A policy with the same actions for every outcome, with optional per-outcome overrides. */
export function fallbackPolicyOf(
  actions: readonly FallbackAction[],
  overrides: Partial<Record<FallbackOutcome, readonly FallbackAction[]>> = {},
): FallbackPolicy {
  return Object.fromEntries(FALLBACK_OUTCOMES.map((outcome) => [outcome, overrides[outcome] ?? actions])) as FallbackPolicy;
}

/** The environment variable for one outcome (`MCP_SAMPLING_FALLBACK_NO_CAPABILITY`, …). */
export function fallbackVariable(outcome: FallbackOutcome): string {
  return `MCP_SAMPLING_FALLBACK_${outcome.toUpperCase().replace('-', '_')}`;
}

/** Thrown for a policy the operator wrote wrong; the message names the variable and the fix. */
export class FallbackConfigError extends Error {
  override readonly name = 'FallbackConfigError';
}

/** Parse `provider, heuristic,error` into actions; `source` names where it came from. */
export function parseFallbackActions(text: string, source: string): FallbackAction[] {
  const actions = text
    .split(',')
    .map((part) => part.trim().toLowerCase())
    .filter((part) => part !== '');
  if (actions.length === 0) throw new FallbackConfigError(`${source} is empty; list actions from: ${ACTIONS.join(', ')}.`);
  for (const [index, action] of actions.entries()) {
    if (!ACTIONS.includes(action as FallbackAction)) {
      throw new FallbackConfigError(
        `${source}: unknown action '${action}'; use ${ACTIONS.join(', ')} (comma-separated, in order).`,
      );
    }
    if (actions.indexOf(action) !== index) throw new FallbackConfigError(`${source}: '${action}' is listed twice.`);
    if (action === 'error' && index !== actions.length - 1) {
      throw new FallbackConfigError(`${source}: 'error' ends the list; the actions after it would never run.`);
    }
  }
  return actions as FallbackAction[];
}

/** The policy the environment describes: per-outcome variables over `MCP_SAMPLING_FALLBACK` over the default. */
export function fallbackPolicyFromEnv(env: NodeJS.ProcessEnv = process.env): FallbackPolicy {
  const everyOutcome = env.MCP_SAMPLING_FALLBACK;
  const policy = {} as Record<FallbackOutcome, readonly FallbackAction[]>;
  for (const outcome of FALLBACK_OUTCOMES) {
    const own = env[fallbackVariable(outcome)];
    if (own !== undefined && own !== '') policy[outcome] = parseFallbackActions(own, fallbackVariable(outcome));
    else if (everyOutcome !== undefined && everyOutcome !== '') {
      policy[outcome] = parseFallbackActions(everyOutcome, 'MCP_SAMPLING_FALLBACK');
    } else policy[outcome] = DEFAULT_FALLBACK_POLICY[outcome];
  }
  return policy;
}

/** True when some outcome may be answered by `delegate` (tools then advertise no output schema). */
export function policyMayDelegate(policy: FallbackPolicy): boolean {
  return FALLBACK_OUTCOMES.some((outcome) => policy[outcome].includes('delegate'));
}
