/**
 * Two helpers the servers' answer normalisers share: a record test for parsed JSON, and a small
 * most-recently-used memo for the answer schemas they build per set of names.
 */

/** True for a plain JSON object: not null, not an array. */
export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/**
 * A memo that keeps the values of the last `size` keys used: `memo(key, build)` returns the value
 * kept for `key`, or builds, keeps and returns it, forgetting the least recently used key when full.
 * Callers classify or route many texts over one set of names, so the same names get the same schema
 * object (and the kit builds its JSON Schema once).
 */
export function recentlyUsed<Value>(size: number): (key: string, build: () => Value) => Value {
  const kept = new Map<string, Value>();
  return (key, build) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = build();
      if (kept.size >= size) kept.delete(kept.keys().next().value as string);
    } else {
      kept.delete(key); // set again below, as the most recently used
    }
    kept.set(key, value);
    return value;
  };
}
