/** Scripts: which scripted reply answers which sampling request. */
import type { RecordedRequest } from './recorded-request.js';
import type { Reply } from './replies.js';

/**
 * Which reply answers which request. A string matches a step key exactly or as a prefix before
 * `:` (`'map'` matches `map:3`); a RegExp is tested against the key; a function sees the request.
 */
export type Matcher = string | RegExp | ((request: RecordedRequest) => boolean);

/** One rule of a script. */
export interface ScriptRule {
  match: Matcher;
  reply: Reply;
}

/** A single reply for everything, or rules tried in order with an optional default. */
export type Script = Reply | { rules?: ScriptRule[]; otherwise?: Reply };

function matches(matcher: Matcher, request: RecordedRequest): boolean {
  if (typeof matcher === 'function') return matcher(request);
  const key = request.key ?? '';
  if (typeof matcher === 'string') return key === matcher || key.startsWith(`${matcher}:`);
  return matcher.test(key);
}

/** The reply for `request`, or undefined when the script has none. */
export function pickReply(script: Script, request: RecordedRequest): Reply | undefined {
  if (typeof script === 'function') return script;
  return script.rules?.find((rule) => matches(rule.match, request))?.reply ?? script.otherwise;
}

/**
 * A script from step keys to replies, tried in the order written, each key matching as a string
 * matcher does (`{ map: …, reduce: … }` answers `map:0` with the first); `otherwise` answers the rest.
 */
export function byStep(replies: Readonly<Record<string, Reply>>, otherwise?: Reply): Script {
  const rules = Object.entries(replies).map(([match, reply]) => ({ match, reply }));
  return otherwise === undefined ? { rules } : { rules, otherwise };
}
