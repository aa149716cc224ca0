/**
 * The request metadata keys the kit puts on every sampling request it sends, in both eras and on
 * every path (host, provider, delegated task). Namespaced, so hosts and test doubles can read
 * them without clashing with anyone else's keys.
 */

/**
 * Request metadata key naming the step (`map:3`, `reduce`), so hosts and test doubles can tell
 * steps apart in both eras (2025 push requests carry no other trace of the key).
 */
export const STEP_METADATA_KEY = 'io.github.mcp-sampling/step';

/** Request metadata key carrying the JSON Schema a structured step's reply must match (`s.sampleJson`). */
export const JSON_SCHEMA_METADATA_KEY = 'io.github.mcp-sampling/json-schema';
