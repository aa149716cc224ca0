/**
 * OpenAI's strict structured outputs guarantee the schema, but reject (HTTP 400) any schema with an
 * object that allows extra properties or leaves a property out of `required`. This decides, per
 * request, whether strict mode can be asked for; otherwise the schema is still sent natively,
 * followed on a best-effort basis, and the caller's validation catches the rest.
 */

type JsonObject = Record<string, unknown>;

const SUBSCHEMA_LISTS = ['anyOf', 'oneOf', 'allOf', 'prefixItems'] as const;
const SUBSCHEMA_MAPS = ['properties', '$defs', 'definitions'] as const;

/** True when every object in `schema` closes its properties and requires all of them. */
export function fitsStrictMode(schema: unknown): boolean {
  if (typeof schema !== 'object' || schema === null || Array.isArray(schema)) return true;
  const node = schema as JsonObject;

  const properties = isObject(node.properties) ? node.properties : undefined;
  if (node.type === 'object' || properties) {
    if (node.additionalProperties !== false) return false;
    const required = Array.isArray(node.required) ? node.required : [];
    if (properties && !Object.keys(properties).every((name) => required.includes(name))) return false;
  }

  for (const key of SUBSCHEMA_MAPS) {
    const map = node[key];
    if (isObject(map) && !Object.values(map).every(fitsStrictMode)) return false;
  }
  for (const key of SUBSCHEMA_LISTS) {
    const list = node[key];
    if (Array.isArray(list) && !list.every(fitsStrictMode)) return false;
  }
  const items = node.items;
  if (Array.isArray(items) ? !items.every(fitsStrictMode) : !fitsStrictMode(items)) return false;
  return true;
}

function isObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
