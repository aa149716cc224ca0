/** The mock sampling host and what a test needs around it; bench baselines and helpers have entries of their own. */
export { extractiveSummary, OFFLINE_MODEL } from '@mcp-sampling/text';
export { connectHttp, HttpMockHost, type HttpMockHostOptions } from './http-mock-host.js';
export {
  connectInMemory,
  connectStdio,
  type Era,
  MockHost,
  type MockHostOptions,
  type ServerFactory,
  type StdioMockHost,
} from './mock-host.js';
export { offlineModelReply } from './offline-model.js';
export { PATIENT_WAIT } from './patience.js';
export { type RecordedRequest, STEP_METADATA_KEY } from './recorded-request.js';
export { DeclinedError, MOCK_MODEL, type Reply, reply } from './replies.js';
export {
  ERAS,
  provenanceOf,
  structuredOf,
  type ToolCallResult,
  type ToolProvenance,
  textOf,
  type WithProvenance,
} from './results.js';
export { byStep, type Matcher, type Script, type ScriptRule } from './script.js';
export { codePoints, INVISIBLE_TEXTS, looseObjectPaths } from './strict-arguments.js';
export { type ServerCommand, TappedStdioTransport } from './tapped-stdio-transport.js';
export { threadOf } from './texts.js';
