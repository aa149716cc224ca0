import { createHash, randomBytes } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { createRequestStateCodec, type RequestStateCodec, type ServerContext } from '@modelcontextprotocol/server';
import { SamplingFailure } from './errors.js';
import type { SampleResult } from './sample-types.js';

/** A finished step as remembered between rounds. */
export interface MemoEntry extends SampleResult {
  /** The round in which the step was sampled (1-based). */
  round: number;
  /** Hash of the request that produced it: replays must ask for exactly the same thing. */
  requestHash: string;
}

/** Everything a 2026-07-28 tool call carries from one round to the next, inside `requestState`. */
export interface RoundState {
  /** Tool name and a hash of its arguments: state minted for one call is useless for another. */
  call: string;
  /** Rounds already sent to the host. */
  rounds: number;
  /** Finished steps by key. */
  memo: Record<string, MemoEntry>;
  /** Steps sent in the last round, awaiting answers. */
  pending: Record<string, { requestHash: string; maxTokens: number }>;
}

/** Largest sealed state the kit will mint (bytes on the wire). Past it the call fails clearly. */
export const STATE_BUDGET_BYTES = 4 * 1024 * 1024;

/** How long a minted state stays valid: long enough for a person to approve each request. */
const DEFAULT_TTL_SECONDS = 30 * 60;

/**
 * Seals round state with the SDK's HMAC codec. The payload is JSON, deflated and base64-encoded
 * before sealing, so partial results of a large fan-out stay small on the wire. Signed, not
 * encrypted: the client can read it, which is fine because every value in it came from the client.
 */
export class RoundStateSealer {
  private readonly codec: RequestStateCodec<string>;

  /**
   * @param key HMAC key of at least 32 bytes. Defaults to `MCP_SAMPLING_STATE_KEY`, else a random
   *            per-process key (then only this process can continue a flow it started).
   */
  constructor(key: string | Uint8Array = stateKeyFromEnv(), ttlSeconds = ttlFromEnv()) {
    this.codec = createRequestStateCodec<string>({ key, ttlSeconds });
  }

  async seal(state: RoundState): Promise<string> {
    const packed = deflateRawSync(Buffer.from(JSON.stringify(state))).toString('base64');
    const sealed = await this.codec.mint(packed);
    if (sealed.length > STATE_BUDGET_BYTES) {
      throw new SamplingFailure(
        'state',
        `The partial results of this call (${sealed.length} bytes) exceed the state budget of ${STATE_BUDGET_BYTES} bytes; shorten the input.`,
      );
    }
    return sealed;
  }

  /** Verifies and opens an echoed state; any failure is a `SamplingFailure('state')`. */
  async open(sealed: string, ctx: ServerContext): Promise<RoundState> {
    try {
      const packed = await this.codec.verify(sealed, ctx);
      return JSON.parse(inflateRawSync(Buffer.from(packed, 'base64')).toString('utf8')) as RoundState;
    } catch (error) {
      const why = error instanceof Error ? error.message : 'malformed';
      throw new SamplingFailure('state', `The requestState echoed by the client was refused (${why}).`);
    }
  }
}

/** Stable short hash of any JSON-serialisable value. */
export function hashOf(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('base64url').slice(0, 22);
}

function stateKeyFromEnv(): string | Uint8Array {
  const key = process.env.MCP_SAMPLING_STATE_KEY;
  if (key === undefined || key === '') return randomBytes(32);
  if (Buffer.byteLength(key) < 32) {
    throw new RangeError('MCP_SAMPLING_STATE_KEY must be at least 32 bytes long');
  }
  return key;
}

function ttlFromEnv(): number {
  const raw = process.env.MCP_SAMPLING_STATE_TTL_SECONDS;
  const ttl = raw === undefined || raw.trim() === '' ? DEFAULT_TTL_SECONDS : Number(raw);
  if (!Number.isFinite(ttl) || ttl <= 0) {
    throw new RangeError(`MCP_SAMPLING_STATE_TTL_SECONDS must be a positive number (got ${raw})`);
  }
  return ttl;
}
