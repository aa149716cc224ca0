/**
 * The schemas a kit tool registers, made once per tool. The SDK converts a tool's input and output
 * schemas to JSON Schema for every server instance it builds, and stateless HTTP builds one per
 * request: converting once per process, and building the strict input and the output with
 * provenance once per tool, takes that work off every request.
 */
import type { StandardSchemaWithJSON } from '@modelcontextprotocol/server';
import type * as z from 'zod/v4';
import { ProvenanceSchema } from '../call/provenance.js';
import type { SamplingTool } from '../tool/contract.js';
import { toolArgumentsSchema } from './tool-arguments.js';

type JsonSchemaOptions = Parameters<StandardSchemaWithJSON['~standard']['jsonSchema']['input']>[0];
type JsonSchemaConverter = (options: JsonSchemaOptions) => Record<string, unknown>;

/** What `registerSamplingTool` hands the SDK for one tool. */
export interface ToolSchemas<In extends z.ZodObject, Out extends z.ZodObject> {
  input: StandardSchemaWithJSON<z.input<In>, z.output<In>>;
  output: StandardSchemaWithJSON<z.input<Out>, z.output<Out> & { provenance: z.output<typeof ProvenanceSchema> }>;
}

const made = new WeakMap<object, ToolSchemas<z.ZodObject, z.ZodObject>>();

/** The registered schemas of `tool`, built on first use and shared by every server after. */
export function toolSchemasOf<In extends z.ZodObject, Out extends z.ZodObject>(
  tool: SamplingTool<In, Out>,
): ToolSchemas<In, Out> {
  let schemas = made.get(tool) as ToolSchemas<In, Out> | undefined;
  if (schemas === undefined) {
    schemas = {
      input: convertedOnce(toolArgumentsSchema(tool.name, tool.input)),
      output: convertedOnce(tool.output.extend({ provenance: ProvenanceSchema }) as never),
    };
    made.set(tool, schemas as unknown as ToolSchemas<z.ZodObject, z.ZodObject>);
  }
  return schemas;
}

/**
 * `schema` with its JSON Schema conversion remembered per direction and target. The remembered
 * documents are frozen: the SDK copies them when it adds to them, and must never change them.
 */
export function convertedOnce<S extends StandardSchemaWithJSON>(schema: S): S {
  const standard = schema['~standard'];
  const remember = (convert: JsonSchemaConverter): JsonSchemaConverter => {
    const byTarget = new Map<string, Record<string, unknown>>();
    return (options) => {
      const target = String(options?.target);
      let document = byTarget.get(target);
      if (document === undefined) {
        document = deepFreeze(convert(options));
        byTarget.set(target, document);
      }
      return document;
    };
  };
  return {
    '~standard': {
      ...standard,
      validate: standard.validate,
      jsonSchema: {
        input: remember(standard.jsonSchema.input.bind(standard.jsonSchema)),
        output: remember(standard.jsonSchema.output.bind(standard.jsonSchema)),
      },
    },
  } as S;
}

function deepFreeze<T>(value: T): T {
  if (value !== null && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value)) deepFreeze(child);
  }
  return value;
}
