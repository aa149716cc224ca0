/**
 * `@mcp-sampling/kit`: the public API. The exports are sorted by module path, so the room each name
 * lives in is the first folder of its path: what a tool author writes against is in tool/, the
 * paths that answer a step in answered-by/ (see the README's API table, grouped the same way).
 * Bins import `@mcp-sampling/kit/serve`; HTTP serving is `@mcp-sampling/kit/http`.
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
export { DEFAULT_SAMPLE_TIMEOUT_MS } from './answered-by/host-2025-push/push-sampler.js';
export { type Era, eraOf, hostCanSample } from './call/host-capabilities.js';
export { oneLineReason, type Provenance, ProvenanceSchema, REASON_MAX_CHARS } from './call/provenance.js';
export { type JsonReading, readJson } from './engine/read-json.js';
export { JSON_REPLY_RULES, jsonSchemaOf, MAX_JSON_REPAIRS } from './engine/sample-json.js';
export {
  configureLogging,
  LOG_LEVELS,
  type LoggingOptions,
  type LogLevel,
  logLevelFromEnv,
} from './operations/log-settings.js';
export { flushLogs } from './operations/log-writer.js';
export {
  DEFAULT_PROVIDER_CONCURRENCY,
  environmentHelp,
  positiveWholeNumberSetting,
  SERVER_SETTINGS,
  type ServerSetting,
} from './operator/settings.js';
export { createSamplingServer, type SamplingServerSpec } from './registration/create-server.js';
export { defaultSealer, type RegisterOptions, registerSamplingTool } from './registration/register-tool.js';
export {
  FRAMING_ALLOWANCE_BYTES,
  INPUT_RESPONSES_ALLOWANCE_BYTES,
  LARGEST_TEXT_ARGUMENT_CHARS,
  MAX_STDIO_LINE_BYTES,
  WORST_CASE_CALL_BYTES,
  WORST_JSON_BYTES_PER_CHAR,
} from './serving/stdio/stdio-limits.js';
export { RoundStateSealer, STATE_BUDGET_BYTES } from './state/round-state.js';
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
