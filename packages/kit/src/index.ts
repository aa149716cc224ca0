/**
 * `@mcp-sampling/kit`: the public API, grouped by the room each name lives in. What a tool author
 * writes against comes first; then the engine's structured steps, the result and its provenance,
 * the paths that answer a step, building a server, and the operator's settings.
 */

export type { DelegatedStep } from './answered-by/fallback/delegate.js';
export {
  DEFAULT_FALLBACK_POLICY,
  FALLBACK_OUTCOMES,
  type FallbackAction,
  FallbackConfigError,
  type FallbackPolicy,
  fallbackPolicyFromEnv,
  fallbackPolicyOf,
  fallbackVariable,
  parseFallbackActions,
} from './answered-by/fallback/policy.js';
// answered-by/: the ways a step is answered, and the fallback policy
export { DEFAULT_SAMPLE_TIMEOUT_MS } from './answered-by/host-2025-push/push-sampler.js';
// call/: one request's era and host, and the provenance every result carries
export { type Era, eraOf, hostCanSample } from './call/host-capabilities.js';
export { oneLineReason, type Provenance, ProvenanceSchema, REASON_MAX_CHARS } from './call/provenance.js';
export { type JsonReading, readJson } from './engine/read-json.js';
// engine/: structured steps and the lenient JSON reader
export { JSON_REPLY_RULES, jsonSchemaOf, MAX_JSON_REPAIRS } from './engine/sample-json.js';
// operator/: every variable a bin reads
export {
  DEFAULT_PROVIDER_CONCURRENCY,
  environmentHelp,
  positiveWholeNumberSetting,
  SERVER_SETTINGS,
  type ServerSetting,
} from './operator/settings.js';
// registration/: kit tools on an McpServer
export { createSamplingServer, type SamplingServerSpec } from './registration/create-server.js';
export { defaultSealer, type RegisterOptions, registerSamplingTool } from './registration/register-tool.js';
// serving/: the bound of one stdio message (the HTTP server and the bin have entries of their own)
export {
  FRAMING_ALLOWANCE_BYTES,
  INPUT_RESPONSES_ALLOWANCE_BYTES,
  LARGEST_TEXT_ARGUMENT_CHARS,
  MAX_STDIO_LINE_BYTES,
  WORST_CASE_CALL_BYTES,
  WORST_JSON_BYTES_PER_CHAR,
} from './serving/stdio/stdio-limits.js';
// state/: what a 2026-07-28 call carries between rounds
export { RoundStateSealer, STATE_BUDGET_BYTES } from './state/round-state.js';
// tool/: the tool author's contract
export {
  defineSamplingTool,
  MAX_ROUNDS,
  type SampleJsonRequest,
  type SampleJsonResult,
  type SampleRequest,
  type SampleResult,
  type SamplingContext,
  type SamplingTool,
  ToolInputError,
} from './tool/contract.js';
export { describeFailure, type FallbackOutcome, SamplingFailure, type SamplingFailureReason } from './tool/failures.js';
export { type ModelPreset, PRESETS, type PresetName } from './tool/presets.js';
export { JSON_SCHEMA_METADATA_KEY, STEP_METADATA_KEY } from './tool/request-metadata.js';
export { DATA_NOT_INSTRUCTIONS, delimit, escapeDelimiter } from './tool/untrusted-text.js';
