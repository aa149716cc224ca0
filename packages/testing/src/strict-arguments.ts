/**
 * Helpers for the servers' argument tests: where an advertised input schema would let unknown
 * fields through, and texts that hold no visible character.
 */

type JsonSchema = Record<string, unknown>;

const isSchema = (value: unknown): value is JsonSchema => typeof value === 'object' && value !== null && !Array.isArray(value);

/**
 * The JSON paths of every object in `schema` (the root, properties, array items, union branches,
 * definitions) that does not set `additionalProperties: false`. Empty when the schema is strict
 * throughout. The root is `$`; `$.labels.items.anyOf.1` is the second branch of a label.
 */
export function looseObjectPaths(schema: unknown, path = '$'): string[] {
  if (!isSchema(schema)) return [];
  const loose: string[] = [];
  const isObject = schema.type === 'object' || isSchema(schema.properties);
  if (isObject && schema.additionalProperties !== false) loose.push(path);
  for (const key of ['properties', '$defs', 'definitions'] as const) {
    const children = schema[key];
    if (isSchema(children)) {
      for (const [name, child] of Object.entries(children)) loose.push(...looseObjectPaths(child, `${path}.${name}`));
    }
  }
  for (const key of ['items', 'additionalProperties', 'not'] as const)
    loose.push(...looseObjectPaths(schema[key], `${path}.${key}`));
  for (const key of ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const) {
    const branches = schema[key];
    if (!Array.isArray(branches)) continue;
    for (const [index, branch] of branches.entries()) loose.push(...looseObjectPaths(branch, `${path}.${key}.${index}`));
  }
  return loose;
}

/**
 * Texts with no visible character, each of which a tool must treat as blank: zero-width space,
 * non-joiner and byte order mark; word joiner and soft hyphen; spaces around a joiner and a
 * variation selector; a no-break space with bidirectional marks.
 */
export const INVISIBLE_TEXTS: readonly string[] = ['\u200B\u200C\uFEFF', '\u2060\u00AD', ' \u200D\uFE0F ', '\u00A0\u200E\u200F'];

/** A text's code points, for test names: `codePoints('\u200B a')` is `'U+200B U+0020 U+0061'`. */
export function codePoints(text: string): string {
  return [...text].map((char) => `U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`).join(' ');
}
