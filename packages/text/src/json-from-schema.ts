/**
 * A JSON value that satisfies a JSON Schema, built from a text rather than invented: enum choices
 * ranked by how much of them the text contains, strings taken from the text's key sentences,
 * numbers inside their bounds. Deterministic, and different texts give different values. Covers
 * the JSON Schema that `z.toJSONSchema` produces for plain data shapes (objects, arrays, enums,
 * strings, numbers, booleans, unions, local `$ref`s); `pattern` and `format` are not honoured.
 */
import { extractiveSummary } from './extractive.js';
import { stem } from './stem.js';
import { contentWordsOf } from './words.js';

type Schema = Record<string, unknown>;

/** What values are drawn from. */
interface Source {
  root: Schema;
  /** How often each content stem occurs in the text. */
  stemCounts: Map<string, number>;
  sentences: string[];
}

/** Build a value matching `schema` from `text`. */
export function jsonFromSchema(schema: Schema, text: string): unknown {
  const sentences = extractiveSummary(text, 200);
  const stemCounts = new Map<string, number>();
  for (const word of contentWordsOf(text)) stemCounts.set(stem(word), (stemCounts.get(stem(word)) ?? 0) + 1);
  const source = { root: schema, stemCounts, sentences: sentences.length > 0 ? sentences : [text.slice(0, 200)] };
  return buildValue(schema, source, 0, '');
}

function buildValue(schema: Schema, source: Source, index: number, name: string): unknown {
  const resolved = resolve(schema, source.root);
  if ('const' in resolved) return resolved.const;
  if (Array.isArray(resolved.enum)) return rankedChoice(resolved.enum, source, index);
  const union = (resolved.anyOf ?? resolved.oneOf) as Schema[] | undefined;
  if (Array.isArray(union))
    return buildValue(union.find((option) => option.type !== 'null') ?? (union[0] as Schema), source, index, name);
  if (Array.isArray(resolved.allOf) && resolved.allOf.length > 0)
    return buildValue(resolved.allOf[0] as Schema, source, index, name);
  switch (typeOf(resolved)) {
    case 'object':
      return objectOf(resolved, source, index);
    case 'array':
      return arrayOf(resolved, source);
    case 'string':
      return stringOf(resolved, source, index);
    case 'number':
    case 'integer':
      return numberOf(resolved, index, name);
    case 'boolean':
      return true;
    case 'null':
      return null;
    default:
      return source.sentences[index % source.sentences.length];
  }
}

function resolve(schema: Schema, root: Schema): Schema {
  const ref = schema.$ref;
  if (typeof ref !== 'string' || !ref.startsWith('#/')) return schema;
  let target: unknown = root;
  for (const part of ref.slice(2).split('/')) target = (target as Schema | undefined)?.[part];
  return typeof target === 'object' && target !== null ? resolve(target as Schema, root) : {};
}

function typeOf(schema: Schema): string | undefined {
  const type = schema.type;
  if (Array.isArray(type)) return type.find((option) => option !== 'null') ?? type[0];
  if (typeof type === 'string') return type;
  if (typeof schema.properties === 'object') return 'object';
  if (typeof schema.items === 'object') return 'array';
  return undefined;
}

/** The `index`-th best option: ranked by how often the option's words occur in the text (ties keep order). */
function rankedChoice(options: unknown[], source: Source, index: number): unknown {
  const scoreOf = (option: unknown) => {
    const stems = typeof option === 'string' ? contentWordsOf(option).map(stem) : [];
    return stems.length === 0 ? 0 : stems.reduce((sum, word) => sum + (source.stemCounts.get(word) ?? 0), 0) / stems.length;
  };
  const ranked = options
    .map((option, order) => ({ option, order, score: scoreOf(option) }))
    .sort((a, b) => b.score - a.score || a.order - b.order);
  return ranked[index % ranked.length]?.option;
}

function objectOf(schema: Schema, source: Source, index: number): Record<string, unknown> {
  const properties = (schema.properties ?? {}) as Record<string, Schema>;
  return Object.fromEntries(Object.entries(properties).map(([key, property]) => [key, buildValue(property, source, index, key)]));
}

function arrayOf(schema: Schema, source: Source): unknown[] {
  const items = (schema.items ?? {}) as Schema;
  const min = typeof schema.minItems === 'number' ? schema.minItems : 1;
  const max = typeof schema.maxItems === 'number' ? schema.maxItems : Number.POSITIVE_INFINITY;
  const choices = Array.isArray(resolve(items, source.root).enum)
    ? (resolve(items, source.root).enum as unknown[]).length
    : Number.POSITIVE_INFINITY;
  const wanted = Math.min(max, Math.max(min, Math.min(3, source.sentences.length, choices)));
  return Array.from({ length: wanted }, (_, index) => buildValue(items, source, index, ''));
}

function stringOf(schema: Schema, source: Source, index: number): string {
  let text = source.sentences[index % source.sentences.length] ?? '';
  const max = typeof schema.maxLength === 'number' ? schema.maxLength : Number.POSITIVE_INFINITY;
  const min = typeof schema.minLength === 'number' ? schema.minLength : 0;
  if (text.length > max) text = text.slice(0, max).replace(/\s+\S*$/, '') || text.slice(0, max);
  while (text.length < min) text += ` ${text || 'x'}`;
  return text.slice(0, Math.max(min, Math.min(text.length, max)));
}

/** Inside the bounds; a confidence falls with rank (0.9, 0.7, 0.5, …). */
function numberOf(schema: Schema, index: number, name: string): number {
  const min = numberBound(schema.minimum, schema.exclusiveMinimum, 1) ?? 0;
  const max = numberBound(schema.maximum, schema.exclusiveMaximum, -1) ?? Math.max(min, 1);
  const preferred = /confidence|score|probability/i.test(name) ? 0.9 - 0.2 * index : min;
  const value = Math.min(max, Math.max(min, preferred));
  return schema.type === 'integer' ? Math.ceil(value) : Math.round(value * 100) / 100;
}

function numberBound(inclusive: unknown, exclusive: unknown, direction: 1 | -1): number | undefined {
  if (typeof inclusive === 'number') return inclusive;
  if (typeof exclusive === 'number') return exclusive + direction * 0.01;
  return undefined;
}
