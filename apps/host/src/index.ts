/**
 * @mcp-sampling/host: the pieces of a sampling host, for people building their own.
 *
 * ```ts
 * import { autoApprover, connectToServer, createSamplingHandler, offlineAnswerer } from '@mcp-sampling/host';
 *
 * const handler = createSamplingHandler({ answerer: offlineAnswerer(), approver: autoApprover() });
 * const connection = await connectToServer(
 *   { kind: 'stdio', command: 'node', args: ['server.js'], env: {} },
 *   { era: 'auto', handler },
 * );
 * const result = await connection.client.callTool({ name: 'summarise', arguments: { text } });
 * ```
 */
export type { Answer, Answerer, AnswerRequest } from './answerers/answerer.js';
export { type AnswererChoice, answererFromOptions, type ModelFlags } from './answerers/from-options.js';
export { offlineAnswerer } from './answerers/offline.js';
export { providerAnswerer } from './answerers/provider.js';
export {
  APPROVAL_MODES,
  type ApprovalDecision,
  type ApprovalMode,
  type Approver,
  autoApprover,
  DENY_POLICY_REASON,
  denyApprover,
  NO_TERMINAL_REASON,
  type PendingApproval,
  type PromptApproverOptions,
  promptApprover,
} from './approval.js';
export { clampMaxTokens, type Grant, TokenBudget } from './budget.js';
export { type ParsedCommandLine, parseCommandLine } from './cli/args.js';
export { main, VERSION } from './cli/main.js';
export {
  type ConnectOptions,
  connectToServer,
  ERA_OPTIONS,
  type Era,
  type EraOption,
  type HostConnection,
  stderrExcerpt,
} from './connect.js';
export { DECLINED_ERROR_CODE, DECLINED_MESSAGE_START, SamplingDeclinedError } from './declines.js';
export { EXIT_CODES, HostError } from './errors.js';
export type { HostIO } from './host-session.js';
export { chooseTier, STRONG_PRIORITY, TIER_FAMILIES, type TierChoice } from './model-choice.js';
export { requestCard } from './render/request-card.js';
export { type ProvenanceNote, traceLines } from './render/trace-text.js';
export { transcriptLines } from './render/transcript-text.js';
export {
  combineObservers,
  createSamplingHandler,
  ROUND_GATHER_MS,
  type SamplingHandler,
  type SamplingHandlerOptions,
  type SamplingObserver,
} from './sampling-handler.js';
export {
  JSON_SCHEMA_METADATA_KEY,
  readSamplingRequest,
  type SamplingRequestView,
  STEP_METADATA_KEY,
} from './sampling-request.js';
export { describeTarget, HOST_ONLY_VARIABLES, type ServerTarget, serverEnvironment } from './server-target.js';
export type { CallTrace, TraceAttributeValue, TracedSpan } from './trace/call-trace.js';
export { type CallTraceRecorder, HOST_TRACER_NAME, startCallTrace, type TracedCallEnd } from './trace/call-tracer.js';
export { SamplingTimeline, type StepTimes } from './trace/sampling-timeline.js';
export type { CallEnd, CallInfo } from './trace/span-attributes.js';
export { type SamplingOutcome, type SamplingRecord, Transcript } from './transcript.js';
