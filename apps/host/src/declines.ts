/**
 * How the host says no to a sampling request. The spec's example for a user's refusal is a
 * JSON-RPC error with code -1; the message starts with "Sampling request declined" so that servers
 * which classify errors by their text (the kit does) recognise a decline rather than a failure.
 */
import { ProtocolError } from '@modelcontextprotocol/client';

/** JSON-RPC error code for a refused sampling request (the spec's "User rejected sampling request"). */
export const DECLINED_ERROR_CODE = -1;

/** How every decline message starts. */
export const DECLINED_MESSAGE_START = 'Sampling request declined';

/** A refused sampling request. On 2025 connections it reaches the server as the JSON-RPC error. */
export class SamplingDeclinedError extends ProtocolError {
  constructor(readonly reason: string) {
    super(DECLINED_ERROR_CODE, `${DECLINED_MESSAGE_START}: ${reason}.`, { reason });
  }
}
