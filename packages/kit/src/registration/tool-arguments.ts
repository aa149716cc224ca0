/**
 * The argument schema the kit hands the SDK for a tool: the tool's own `input`, made strict at the
 * top level, so `tools/list` advertises `additionalProperties: false` and an unknown argument is
 * refused before `run` starts (no sample is spent on a call the model got wrong). Unknown keys get a
 * message that names them and lists what is accepted; every other issue keeps the tool's own wording.
 * Nested objects are strict when the tool declares them with `z.strictObject`; their unknown fields
 * get the same kind of message, prefixed by the SDK with the field's path.
 */
import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';

/** Unknown keys quoted in one message, at most; the rest are counted. */
const MAX_KEYS_NAMED = 5;
/** Characters of one unknown key quoted, at most. */
const MAX_KEY_CHARS = 40;

const quote = (key: string) => `'${key.length > MAX_KEY_CHARS ? `${key.slice(0, MAX_KEY_CHARS)}…` : key}'`;

function quoteKeys(keys: readonly string[]): string {
  const named = keys.slice(0, MAX_KEYS_NAMED).map(quote).join(', ');
  return keys.length > MAX_KEYS_NAMED ? `${named} and ${keys.length - MAX_KEYS_NAMED} more` : named;
}

/**
 * The message for unknown keys: top level, `Unknown argument 'bogus' for summarise. Accepted
 * arguments: text, style.`; nested, `Unknown field 'colour'. Accepted fields: name, description.`
 */
function unknownKeysMessage(toolName: string, keys: readonly string[], accepted: readonly string[], nested: boolean): string {
  const noun = nested ? 'field' : 'argument';
  const subject = `Unknown ${noun}${keys.length === 1 ? '' : 's'} ${quoteKeys(keys)}`;
  return `${subject}${nested ? '' : ` for ${toolName}`}. Accepted ${noun}s: ${accepted.join(', ')}.`;
}

/** A per-parse error map: only unknown keys get the kit's wording; other issues keep the schema's. */
function unknownKeysError(toolName: string): z.core.$ZodErrorMap {
  return (issue) => {
    if (issue.code !== 'unrecognized_keys' || !(issue.inst instanceof z.ZodObject)) return undefined;
    const nested = (issue.path?.length ?? 0) > 0;
    return unknownKeysMessage(toolName, issue.keys, Object.keys(issue.inst.shape), nested);
  };
}

/**
 * The `inputSchema` to register for a tool: `input` with unknown top-level keys refused, validated
 * with the unknown-key wording above, and converted to JSON Schema by zod as before.
 */
export function toolArgumentsSchema<In extends z.ZodObject>(
  toolName: string,
  input: In,
): StandardSchemaWithJSON<z.input<In>, z.output<In>> {
  const strict = input.strict();
  const error = unknownKeysError(toolName);
  const standard = strict['~standard'] as unknown as StandardSchemaWithJSON<z.input<In>, z.output<In>>['~standard'];
  return {
    '~standard': {
      ...standard,
      // Synchronous, as zod's own `validate` is: every call is validated, and an asynchronous
      // parse costs a tenth of a millisecond more per call for schemas that never need it. The
      // kit's wording is only applied to a failure, the rare path.
      validate: (value) => {
        const parsed = strict.safeParse(value);
        if (parsed.success) return { value: parsed.data as z.output<In> };
        const worded = strict.safeParse(value, { error });
        return { issues: (worded.error ?? parsed.error).issues };
      },
    },
  };
}
