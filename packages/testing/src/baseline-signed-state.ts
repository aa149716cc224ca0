/**
 * Signed round state for a benchmark baseline, written by hand with `node:crypto`: what any
 * 2026-07-28 server must do to answer a retry only for the steps it asked for. The steps asked for
 * travel in `requestState`, with an expiry and an HMAC-SHA256 that also covers the call's
 * arguments; the retry's state is checked before its answers are read. A baseline started with
 * `--signed-state` does this, so the kit's own state handling can be measured against the same
 * obligation met by hand, as well as against no state at all.
 *
 * The same duty as the kit's `RoundStateSealer`, not its format: restated, not imported.
 */
import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { ProtocolError, ProtocolErrorCode } from '@modelcontextprotocol/server';

/** The command-line flag that turns signed state on in a baseline server. */
export const SIGNED_STATE_FLAG = '--signed-state';

const SIGNING = process.argv.includes(SIGNED_STATE_FLAG);
const KEY = randomBytes(32);
const TTL_SECONDS = 30 * 60;

/** Which steps a request may be answered for, and the state that asks for more. */
export interface StepGate {
  /** Whether this request's answer for `key` may be read: without signing, always. */
  asked(key: string): boolean;
  /** What to spread into `inputRequired({ … })` when asking for `keys`: a signed `requestState`, or nothing. */
  stateFor(keys: string[]): { requestState?: string };
}

const OPEN_GATE: StepGate = { asked: () => true, stateFor: () => ({}) };

/**
 * The gate of one `tools/call` request. With `--signed-state` (or `signing` set), an echoed state that is altered,
 * expired or minted for other arguments is refused with a JSON-RPC `-32602`, as the kit refuses it.
 */
export function stepGate(ctx: { mcpReq: { requestState(): unknown } }, args: unknown, signing = SIGNING): StepGate {
  if (!signing) return OPEN_GATE;
  const boundTo = JSON.stringify(args);
  const sealed = ctx.mcpReq.requestState();
  const asked = typeof sealed === 'string' ? openState(sealed, boundTo) : [];
  return { asked: (key) => asked.includes(key), stateFor: (keys) => ({ requestState: sealState(keys, boundTo) }) };
}

function sealState(keys: string[], boundTo: string): string {
  const body = `${Math.floor(Date.now() / 1000) + TTL_SECONDS}.${Buffer.from(JSON.stringify(keys)).toString('base64url')}`;
  return `${body}.${macOf(body, boundTo).toString('base64url')}`;
}

function openState(sealed: string, boundTo: string): string[] {
  const [expiry, payload, mac] = sealed.split('.');
  const refuse = (why: string) => new ProtocolError(ProtocolErrorCode.InvalidParams, `Invalid or expired requestState: ${why}`);
  if (expiry === undefined || payload === undefined || mac === undefined) throw refuse('malformed');
  const expected = macOf(`${expiry}.${payload}`, boundTo);
  const given = Buffer.from(mac, 'base64url');
  if (given.byteLength !== expected.byteLength || !timingSafeEqual(given, expected)) throw refuse('signature mismatch');
  if (!(Number(expiry) * 1000 > Date.now())) throw refuse('expired');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as string[];
}

function macOf(body: string, boundTo: string): Buffer {
  return createHmac('sha256', KEY).update(body).update('\n').update(boundTo).digest();
}
