/**
 * Ready-made model replies for the mock host. A reply decides what the host answers to one
 * `sampling/createMessage` request: a completion, or a refusal/error thrown back to the server.
 */
import type { CreateMessageResult } from '@modelcontextprotocol/client';
import { offlineModelReply } from './offline-model.js';
import type { RecordedRequest } from './recorded-request.js';

/** What a scripted reply may produce for one request. */
export type Reply = (request: RecordedRequest, signal: AbortSignal) => Promise<CreateMessageResult> | CreateMessageResult;

/** Model name the mock host reports unless a reply says otherwise. */
export const MOCK_MODEL = 'mock-model';

function completion(text: string, model = MOCK_MODEL): CreateMessageResult {
  return { role: 'assistant', content: { type: 'text', text }, model, stopReason: 'endTurn' };
}

/** Error a host throws when its user refuses a request; the message matches what real hosts send. */
export class DeclinedError extends Error {
  readonly code = -1;
  constructor(message = 'User declined the sampling request') {
    super(message);
  }
}

export const reply = {
  /** A text completion; the text may be computed from the request. */
  text:
    (text: string | ((request: RecordedRequest) => string), model?: string): Reply =>
    (request) =>
      completion(typeof text === 'function' ? text(request) : text, model),

  /** A completion whose text is `JSON.stringify(value)`. */
  json:
    (value: unknown | ((request: RecordedRequest) => unknown), model?: string): Reply =>
    (request) =>
      completion(
        JSON.stringify(typeof value === 'function' ? (value as (r: RecordedRequest) => unknown)(request) : value),
        model,
      ),

  /** The deterministic offline stand-in model (extractive; see offline-model.ts). */
  offline: (): Reply => (request) => offlineModelReply(request),

  /** The host (or its user) refuses the request. */
  decline:
    (message?: string): Reply =>
    () => {
      throw new DeclinedError(message);
    },

  /** The host fails with an error. */
  error:
    (message = 'model backend unavailable'): Reply =>
    () => {
      throw new Error(message);
    },

  /** Wait `ms` (aborted early if the server cancels the request), then answer with `then`. */
  delay:
    (ms: number, then: Reply): Reply =>
    async (request, signal) => {
      await new Promise<void>((resolve, reject) => {
        if (signal.aborted) return reject(signal.reason ?? new Error('aborted'));
        const onAbort = () => {
          clearTimeout(timer);
          reject(signal.reason ?? new Error('aborted'));
        };
        const timer = setTimeout(() => {
          signal.removeEventListener('abort', onAbort);
          resolve();
        }, ms);
        signal.addEventListener('abort', onAbort, { once: true });
      });
      return then(request, signal);
    },

  /** Never answers until the server cancels the request. */
  hang: (): Reply => (_request, signal) =>
    new Promise((_resolve, reject) => {
      if (signal.aborted) return reject(signal.reason ?? new Error('aborted'));
      signal.addEventListener('abort', () => reject(signal.reason ?? new Error('aborted')), { once: true });
    }),

  /** Output a server must not trust: non-text content, an empty text, or a runaway reply. */
  malformed: {
    nonText: (): Reply => () => ({
      role: 'assistant',
      content: { type: 'image', data: 'iVBORw0KGgo=', mimeType: 'image/png' },
      model: MOCK_MODEL,
    }),
    empty: (): Reply => () => completion('   '),
    huge:
      (chars = 2_000_000): Reply =>
      () =>
        completion('word '.repeat(Math.ceil(chars / 5)).slice(0, chars)),
  },

  /** Answers in turn: the first call gets `replies[0]`, and so on; the last one repeats. */
  sequence:
    (...replies: Reply[]): Reply =>
    (request, signal) => {
      const next = replies.length > 1 ? replies.shift() : replies[0];
      if (next === undefined) throw new Error('reply.sequence needs at least one reply');
      return next(request, signal);
    },
};
