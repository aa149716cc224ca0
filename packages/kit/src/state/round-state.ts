/**
 * Round state: what a 2026-07-28 tool call carries from one round to the next inside
 * `requestState` (`RoundState`), and the sealer that signs it, checks it, and keeps it within its
 * budget (`RoundStateSealer`, `STATE_BUDGET_BYTES`). The key and lifetime come from the environment.
 */
import { createHmac, createSecretKey, type KeyObject, randomBytes, timingSafeEqual } from 'node:crypto';
import { deflateRawSync, inflateRawSync } from 'node:zlib';
import { SamplingFailure } from '../tool/failures.js';
import type { MemoEntry } from './memo.js';

/** Everything a 2026-07-28 tool call carries from one round to the next, inside `requestState`. */
export interface RoundState {
  /** The tool's name. The call's arguments are bound by the MAC, not stored: see `RoundStateSealer`. */
  tool: string;
  /** Rounds already sent to the host. */
  rounds: number;
  /** Finished steps by key. */
  memo: Record<string, MemoEntry>;
  /** Steps sent in the last round, awaiting answers (the only ones a retry may answer). */
  pending: Record<string, { requestHash: string; maxTokens: number }>;
  /** When the call's first round arrived (Unix ms): the call's duration, for its log line and trace. */
  startedAt: number;
  /** When the last round asked for `pending` (Unix ms): each answer's wait starts there. */
  askedAt: number;
}

/** Largest sealed state the kit will mint (bytes on the wire). Past it the call fails clearly. */
export const STATE_BUDGET_BYTES = 4 * 1024 * 1024;

/** How long a minted state stays valid: long enough for a person to approve each request. */
const DEFAULT_TTL_SECONDS = 30 * 60;

/** Payloads up to this size are sealed as they are: deflating them costs more than it saves. */
const DEFLATE_FROM_BYTES = 1024;

/**
 * Format tag of a sealed state: `v2.<expiry>.<payload>.<mac>`. It changes whenever the payload
 * does (v2: each memo entry records its key, who answered and when), so a replica never reads a
 * state minted by a version of the kit that wrote another payload: it refuses it, saying so.
 */
const FORMAT = 'v2';

/**
 * Seals round state with HMAC-SHA256 (`node:crypto`, synchronous: signing a small state costs
 * microseconds, so every round can carry one). The token is `v2.<expiry>.<payload>.<mac>`: the
 * expiry in Unix seconds, the payload JSON in base64url (deflated first when it is large, marked by
 * its first character, `j` plain or `z` deflated), and the MAC. The MAC covers everything before it
 * and also the call's arguments in canonical form (`boundTo`, see fingerprint.ts), which are not
 * in the token: state minted for one call fails verification on any other, at the cost of one HMAC
 * and no separate hash. Signed, not encrypted: the client can read it, which is fine because every value
 * in it came from the client.
 */
export class RoundStateSealer {
  private readonly key: KeyObject;
  private readonly ttlSeconds: number;

  /**
   * @param key HMAC key of at least 32 bytes. Defaults to `MCP_SAMPLING_STATE_KEY`, else a random
   *            per-process key (then only this process can continue a flow it started).
   * @param ttlSeconds How long a sealed state stays valid. Defaults to `MCP_SAMPLING_STATE_TTL_SECONDS`, else 30 minutes.
   */
  constructor(key: string | Uint8Array = stateKeyFromEnv(), ttlSeconds = ttlFromEnv()) {
    const bytes = Buffer.from(key);
    if (bytes.byteLength < 32) throw new RangeError(`The requestState key must be at least 32 bytes (got ${bytes.byteLength})`);
    this.key = createSecretKey(bytes);
    this.ttlSeconds = ttlSeconds;
  }

  /**
   * Seals `state` for the call whose arguments, in canonical form, are `boundTo`; a state past
   * `STATE_BUDGET_BYTES` is a `SamplingFailure('state')`.
   */
  seal(state: RoundState, boundTo: string): string {
    const json = Buffer.from(JSON.stringify(state));
    const payload =
      json.byteLength < DEFLATE_FROM_BYTES ? `j${json.toString('base64url')}` : `z${deflateRawSync(json).toString('base64url')}`;
    const signed = `${FORMAT}.${Math.floor(Date.now() / 1000) + this.ttlSeconds}.${payload}`;
    const sealed = `${signed}.${this.mac(signed, boundTo).toString('base64url')}`;
    if (sealed.length > STATE_BUDGET_BYTES) {
      throw new SamplingFailure(
        'state',
        `The partial results of this call (${sealed.length} bytes) exceed the state budget of ${STATE_BUDGET_BYTES} bytes; shorten the input.`,
      );
    }
    return sealed;
  }

  /**
   * Verifies and opens a state echoed on the call whose arguments, in canonical form, are `boundTo`; any
   * failure is a `SamplingFailure('state')` naming why (malformed, signature, expired).
   */
  open(sealed: string, boundTo: string): RoundState {
    const refuse = (why: string) => new SamplingFailure('state', `The requestState echoed by the client was refused (${why}).`);
    const parts = sealed.split('.');
    const [format, expiry, payload, mac] = parts;
    if (parts.length === 4 && format !== FORMAT && /^v\d+$/.test(format ?? '')) {
      throw refuse(`format ${format}: minted by another version of this server`);
    }
    if (parts.length !== 4 || format !== FORMAT || expiry === undefined || payload === undefined || mac === undefined) {
      throw refuse('malformed');
    }
    const expected = this.mac(`${format}.${expiry}.${payload}`, boundTo);
    const given = Buffer.from(mac, 'base64url');
    if (given.byteLength !== expected.byteLength || !timingSafeEqual(given, expected)) {
      throw refuse('signature mismatch: altered, minted for other arguments, or signed with another key');
    }
    if (!(Number(expiry) * 1000 > Date.now())) throw refuse('expired');
    try {
      const body = Buffer.from(payload.slice(1), 'base64url');
      const json = payload.startsWith('z') ? inflateRawSync(body) : body;
      return JSON.parse(json.toString('utf8')) as RoundState;
    } catch {
      throw refuse('malformed');
    }
  }

  /** The token part never contains a newline, so `\n` separates it from the arguments unambiguously. */
  private mac(signed: string, boundTo: string): Buffer {
    return createHmac('sha256', this.key).update(signed).update('\n').update(boundTo).digest();
  }
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
