/**
 * An environment for spawned servers with every variable they read cleared, so a key or policy in
 * the caller's environment cannot change what a check observes. A child inherits the caller's
 * environment, so "cleared" means set to `''` (which the servers treat as unset) or, for a
 * variable with a plain default, to that default.
 */
import { SERVER_VARIABLES } from './environment.js';

/** Every server variable cleared, then `overrides`. */
export function blankServerEnvironment(overrides: Record<string, string> = {}): Record<string, string> {
  return { ...Object.fromEntries(SERVER_VARIABLES.map((variable) => [variable.name, variable.default ?? ''])), ...overrides };
}
