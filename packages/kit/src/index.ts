export { defineSamplingTool, type SamplingTool, ToolInputError } from './define-tool.js';
export type { DelegatedStep } from './delegate.js';
export { MAX_ROUNDS, type SamplingContext } from './engine.js';
export { describeFailure, SamplingFailure, type SamplingFailureReason } from './errors.js';
export {
  DEFAULT_FALLBACK_POLICY,
  FALLBACK_OUTCOMES,
  type FallbackAction,
  FallbackConfigError,
  type FallbackOutcome,
  type FallbackPolicy,
  fallbackPolicyFromEnv,
  fallbackPolicyOf,
  fallbackVariable,
  parseFallbackActions,
} from './fallback-policy.js';
export { type Era, eraOf, hostCanSample } from './host-capabilities.js';
export { type JsonReading, readJson } from './json-reply.js';
export { type ModelPreset, PRESETS, type PresetName } from './presets.js';
export { DATA_NOT_INSTRUCTIONS, delimit, escapeDelimiter } from './prompt.js';
export { oneLineReason, type Provenance, ProvenanceSchema, REASON_MAX_CHARS } from './provenance.js';
export { DEFAULT_SAMPLE_TIMEOUT_MS } from './push-sampler.js';
export { defaultSealer, type RegisterOptions, registerSamplingTool } from './register.js';
export { STEP_METADATA_KEY } from './request-params.js';
export { RoundStateSealer, STATE_BUDGET_BYTES } from './request-state.js';
export {
  JSON_REPLY_RULES,
  JSON_SCHEMA_METADATA_KEY,
  jsonSchemaOf,
  MAX_JSON_REPAIRS,
  type SampleJsonRequest,
  type SampleJsonResult,
} from './sample-json.js';
export type { SampleRequest, SampleResult } from './sample-types.js';
export { createSamplingServer, type SamplingServerSpec } from './server.js';
export {
  DEFAULT_PROVIDER_CONCURRENCY,
  environmentHelp,
  positiveWholeNumberSetting,
  SERVER_SETTINGS,
  type ServerSetting,
} from './settings.js';
export {
  FRAMING_ALLOWANCE_BYTES,
  INPUT_RESPONSES_ALLOWANCE_BYTES,
  LARGEST_TEXT_ARGUMENT_CHARS,
  MAX_STDIO_LINE_BYTES,
  WORST_CASE_CALL_BYTES,
  WORST_JSON_BYTES_PER_CHAR,
} from './stdio-limits.js';
