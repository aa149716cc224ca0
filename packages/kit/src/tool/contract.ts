/**
 * The tool author's contract, in one file: what a tool declares (`SamplingTool`), what its `run`
 * receives as `s` (`SamplingContext`), what one language step asks for and gets back
 * (`SampleRequest`, `SampleResult`, and their structured forms), and the round budget `run` must
 * finish within. Everything else in the kit decides how those steps reach a model.
 */
import type { JSONObject, ToolAnnotations } from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';
import type { SamplingFailure } from './failures.js';
import type { PresetName } from './presets.js';

/** Rounds a tool call may take. Tools are designed to finish well inside it. */
export const MAX_ROUNDS = 6;

/**
 * A tool written once: schemas, a preset, and `run`, which performs each language step with
 * `await s.sample(key, request)`. The kit decides how those steps reach a model.
 */
export interface SamplingTool<In extends z.ZodObject = z.ZodObject, Out extends z.ZodObject = z.ZodObject> {
  /** Tool name (snake_case). */
  name: string;
  title: string;
  description: string;
  /**
   * Arguments; the SDK validates them and rejects bad ones with an `isError` naming the field. The kit
   * refuses unknown top-level arguments (see registration/tool-arguments.ts); declare nested objects with
   * `z.strictObject` so their unknown fields are refused too.
   */
  input: In;
  /** The tool's own result fields; the kit adds `provenance`. */
  output: Out;
  /** Default model preset for every step of this tool. */
  preset: PresetName;
  annotations?: ToolAnnotations;
  /**
   * The tool's work. Must be deterministic given its samples (it is replayed once per round on
   * 2026-07-28 connections) and free of side effects other than `s.sample`.
   */
  run(input: z.output<In>, s: SamplingContext): Promise<z.output<Out>>;
  /**
   * A deterministic answer without any model (lexical, extractive, keyword-based), used by the
   * fallback policy's `heuristic` action when no model can be reached. Same shape as `run`'s
   * output; its confidence fields must be honest. Omit when the tool has none.
   */
  heuristic?(input: z.output<In>): z.output<Out>;
  /** The text content shown next to the structured result. Defaults to pretty JSON. */
  text?(output: z.output<Out>): string;
}

/** Identity helper that gives `run` its argument types from the schemas. */
export function defineSamplingTool<In extends z.ZodObject, Out extends z.ZodObject>(
  tool: SamplingTool<In, Out>,
): SamplingTool<In, Out> {
  return tool;
}

/**
 * Thrown by `run` for input that passed the schema but cannot be served (for example a value that
 * must name another argument's entry). Reported to the caller as an `isError` with this message.
 */
export class ToolInputError extends Error {
  override readonly name = 'ToolInputError';
}

/** What `run` receives as `s`. */
export interface SamplingContext {
  /** Ask the host's model for one step. `key` must be stable across rounds (`map:3`, `reduce`). */
  sample(key: string, request: SampleRequest): Promise<SampleResult>;
  /**
   * Ask for a structured answer: JSON validated against `schema`, repaired up to twice (steps
   * `<key>:repair-1`, `<key>:repair-2`). Fails with `SamplingFailure('invalid-output')` when the
   * answer stays invalid. `key` may be at most 55 characters.
   */
  sampleJson<S extends z.ZodType>(key: string, schema: S, request: SampleJsonRequest): Promise<SampleJsonResult<z.output<S>>>;
  /**
   * Say that `run` settles the call without the model after `failure`, a step failure it caught:
   * the tool's own deterministic backstop decided (route's keywords after an unusable answer).
   * The result's provenance then says `path: 'heuristic'` and why, still listing the models asked.
   * `how` says what decided, e.g. `Keywords decided.`
   */
  decidedWithoutModel(failure: SamplingFailure, how: string): void;
  /** Aborted when the tool call is cancelled. */
  readonly signal: AbortSignal;
}

/** One language step a tool asks for. Everything here is chosen by the tool author. */
export interface SampleRequest {
  /** Trusted instructions written by the tool author. Never put user-supplied text here. */
  system: string;
  /** The user turn: the task, with untrusted text wrapped by `delimit()`. */
  user: string;
  /** Upper bound for the reply; the host must respect it. */
  maxTokens: number;
  /** Overrides the tool's preset for this step. */
  preset?: PresetName;
  temperature?: number;
  stopSequences?: string[];
  /** Extra request metadata (namespaced keys), e.g. a JSON Schema the host may enforce. */
  metadata?: JSONObject;
  /** Turns after `user`, e.g. the model's earlier answer and a correction (used by repairs). */
  followUps?: ReadonlyArray<{ role: 'assistant' | 'user'; text: string }>;
}

/** What a language step produced. */
export interface SampleResult {
  /** The reply text (text blocks joined). Never empty. */
  text: string;
  /** The model that answered, as the host reported it. */
  model: string;
  /** Why generation stopped, as reported (`endTurn`, `maxTokens`, `stopSequence`, …). */
  stopReason?: string;
  /** True when the reply was far longer than `maxTokens` allows and the kit cut it. */
  truncated?: boolean;
}

/** A structured step: a `SampleRequest` plus how to repair and normalise the answer. */
export interface SampleJsonRequest extends SampleRequest {
  /** Repair steps allowed after an invalid answer, 0 to 2. Default 2. */
  repairs?: number;
  /**
   * Applied to the parsed JSON before validation, e.g. to map `" billing "` to the canonical label
   * `Billing`. Must be pure.
   */
  normalise?: (value: unknown) => unknown;
}

/** A validated structured answer. `text` and `model` are those of the step that produced it. */
export interface SampleJsonResult<T> extends SampleResult {
  value: T;
  /** Repair steps it took (0 when the first answer was valid). */
  repairs: number;
}

/** The plain `sample` a structured step is built on. */
export type SampleFunction = (key: string, request: SampleRequest) => Promise<SampleResult>;
