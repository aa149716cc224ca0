/**
 * Fingerprints of JSON values, for the two checks every 2026-07-28 round makes: the state's MAC
 * covers the call's arguments, and a replayed step must ask for exactly what it asked before.
 *
 * Both run on every round, and `JSON.stringify` of a long prompt (it scans every character for
 * escapes) cost more than the hashing itself. The canonical form here needs no escaping: each
 * string is written as its length and its text, so no text can imitate the structure around it,
 * and the result goes to the hash as it is.
 */
import { hash } from 'node:crypto';

/**
 * A string that determines `value` exactly (two values have the same canonical form only when
 * they are the same JSON, object keys in the same order). Properties whose value is `undefined`
 * are left out, as `JSON.stringify` does. A string with a lone surrogate, which UTF-8 cannot carry,
 * is written JSON-escaped under a tag of its own.
 */
export function canonicalOf(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return value.isWellFormed() ? `s${value.length}:${value}` : `e${JSON.stringify(value)}`;
    case 'number':
      return `n${value};`;
    case 'boolean':
      return value ? 't' : 'f';
    case 'object': {
      if (value === null) return 'z';
      if (Array.isArray(value)) {
        let out = `a${value.length}[`;
        for (const item of value) out += canonicalOf(item);
        return `${out}]`;
      }
      let out = '{';
      for (const [key, item] of Object.entries(value)) {
        if (item !== undefined) out += `${key.length}:${key}${canonicalOf(item)}`;
      }
      return `${out}}`;
    }
    default:
      return 'u';
  }
}

/** A short, stable SHA-256 fingerprint of `value`'s canonical form (22 base64url characters, 132 bits). */
export function fingerprintOf(value: unknown): string {
  return hash('sha256', canonicalOf(value), 'base64url').slice(0, 22);
}
