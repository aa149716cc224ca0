/**
 * `s.sampleJson`: a language step whose answer must be JSON that validates against a zod schema,
 * without relying on tools-in-sampling (most hosts lack `sampling.tools`).
 *
 * The JSON Schema travels twice: in the user message, where any model can read it, and in request
 * metadata under `JSON_SCHEMA_METADATA_KEY`, where a host or provider that enforces structured
 * output natively can pick it up. The reply is read leniently (fences, prose around the JSON),
 * normalised if the tool asks, and validated. An invalid answer gets up to two repair steps, each
 * its own sample (`<key>:repair-1`, `<key>:repair-2`) showing the model its previous answer and
 * what was wrong with it. After that the step fails with `SamplingFailure('invalid-output')`.
 */
import type { JSONObject } from '@modelcontextprotocol/server';
import * as z from 'zod/v4';
import type { SampleFunction, SampleJsonRequest, SampleJsonResult, SampleRequest } from '../tool/contract.js';
import { SamplingFailure } from '../tool/failures.js';
import { JSON_SCHEMA_METADATA_KEY } from '../tool/request-metadata.js';
import { readJson } from './read-json.js';

/** Most repair steps a structured answer may take. */
export const MAX_JSON_REPAIRS = 2;

/** Longest base key that still leaves room for the `:repair-N` suffix within 64 characters. */
const MAX_JSON_KEY_LENGTH = 55;

/** Issues listed to the model in a repair request; the rest are counted. */
const MAX_LISTED_ISSUES = 8;

/** Longest problem line quoted back to the model (an enum of 100 long names is long). */
const MAX_PROBLEM_CHARS = 300;

/** Instructions appended to the tool's system prompt for every structured step. */
export const JSON_REPLY_RULES =
  'Reply with a single JSON value that matches the JSON Schema given in the user message. ' +
  'Output only the JSON: no code fences, no comments, no text before or after it.';

/** Runs one structured step on top of `sample`. Exposed to tools as `s.sampleJson`. */
export async function sampleJson<S extends z.ZodType>(
  sample: SampleFunction,
  key: string,
  schema: S,
  request: SampleJsonRequest,
): Promise<SampleJsonResult<z.output<S>>> {
  if (key.length > MAX_JSON_KEY_LENGTH) {
    throw new TypeError(`Structured step key ${JSON.stringify(key)} must be at most ${MAX_JSON_KEY_LENGTH} characters`);
  }
  const { repairs: allowedRepairs = MAX_JSON_REPAIRS, normalise = (value: unknown) => value, ...plain } = request;
  if (!Number.isInteger(allowedRepairs) || allowedRepairs < 0 || allowedRepairs > MAX_JSON_REPAIRS) {
    throw new RangeError(`repairs must be an integer from 0 to ${MAX_JSON_REPAIRS} (got ${allowedRepairs})`);
  }
  const jsonSchema = jsonSchemaOf(schema);
  const base: SampleRequest = {
    ...plain,
    system: `${plain.system}\n\n${JSON_REPLY_RULES}`,
    user: `${plain.user}\n\nJSON Schema of the answer:\n${JSON.stringify(jsonSchema)}`,
    temperature: plain.temperature ?? 0,
    metadata: { ...plain.metadata, [JSON_SCHEMA_METADATA_KEY]: jsonSchema },
  };

  let reply = await sample(key, base);
  let verdict = judge(schema, reply.text, normalise);
  let repairs = 0;
  while (!verdict.ok && repairs < allowedRepairs) {
    repairs += 1;
    reply = await sample(`${key}:repair-${repairs}`, {
      ...base,
      followUps: [
        { role: 'assistant', text: reply.text },
        { role: 'user', text: repairInstruction(verdict.problems) },
      ],
    });
    verdict = judge(schema, reply.text, normalise);
  }
  if (!verdict.ok) {
    const after = repairs === 0 ? '' : ` after ${repairs} repair${repairs === 1 ? '' : 's'}`;
    throw new SamplingFailure(
      'invalid-output',
      `The model's answer for step '${key}' was still not valid JSON for its schema${after}: ${verdict.problems.join('; ')}.`,
      key,
    );
  }
  return { ...reply, value: verdict.value, repairs };
}

type Verdict<T> = { ok: true; value: T } | { ok: false; problems: string[] };

function judge<S extends z.ZodType>(schema: S, text: string, normalise: (value: unknown) => unknown): Verdict<z.output<S>> {
  const reading = readJson(text);
  if (!reading.ok) return { ok: false, problems: [`not JSON (${reading.problem})`] };
  const parsed = schema.safeParse(normalise(reading.value));
  if (parsed.success) return { ok: true, value: parsed.data };
  const problems = parsed.error.issues.slice(0, MAX_LISTED_ISSUES).map((issue) => {
    const path = issue.path.length === 0 ? '(the whole answer)' : issue.path.map(String).join('.');
    const problem = `${path}: ${issue.message}`;
    return problem.length > MAX_PROBLEM_CHARS ? `${problem.slice(0, MAX_PROBLEM_CHARS - 1)}…` : problem;
  });
  const unlisted = parsed.error.issues.length - problems.length;
  if (unlisted > 0) problems.push(`and ${unlisted} more`);
  return { ok: false, problems };
}

function repairInstruction(problems: string[]): string {
  return [
    'That answer was rejected because:',
    ...problems.map((problem) => `- ${problem}`),
    'Reply again with only the corrected JSON, matching the JSON Schema above.',
  ].join('\n');
}

const schemaCache = new WeakMap<z.ZodType, JSONObject>();

/** The JSON Schema of what the model must produce (the schema's input side, before transforms). */
export function jsonSchemaOf(schema: z.ZodType): JSONObject {
  let jsonSchema = schemaCache.get(schema);
  if (jsonSchema === undefined) {
    const { $schema: _dialect, ...rest } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JSONObject;
    jsonSchema = rest;
    schemaCache.set(schema, jsonSchema);
  }
  return jsonSchema;
}
