import type { ToolAnnotations } from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';
import type { SamplingContext } from './engine.js';
import type { PresetName } from './presets.js';

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
   * refuses unknown top-level arguments (see tool-arguments.ts); declare nested objects with
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
