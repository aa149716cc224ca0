/** What one attempt's fetch saw, for telling a garbled success apart from other failures. */
export interface FetchObservation {
  /** The HTTP status of the response, once one arrived. */
  status?: number;
}

/**
 * `fetch` (else the global fetch, looked up at call time) wrapped to record the status it received.
 * An SDK can fail on a 200 whose body has the wrong shape with a plain TypeError; the status is how
 * that becomes a `malformed` error rather than an unexplained one.
 */
export function observeFetch(fetch: typeof globalThis.fetch | undefined, observation: FetchObservation): typeof globalThis.fetch {
  return async (input, init) => {
    const response = await (fetch ?? globalThis.fetch)(input, init);
    observation.status = response.status;
    return response;
  };
}
