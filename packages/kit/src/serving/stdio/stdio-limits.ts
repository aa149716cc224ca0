/**
 * How long one stdio line (one JSON-RPC message) may be, derived from what the tools accept, so
 * that no input a tool documents can be refused by the transport.
 */
import { STATE_BUDGET_BYTES } from '../../state/round-state.js';

/**
 * The longest text argument any tool of this project documents: summarise's `text`
 * (classify takes 200,000, draft and route less). A tool must not document more; the tools'
 * tests compare their limits with this one.
 */
export const LARGEST_TEXT_ARGUMENT_CHARS = 2_000_000;

/** Bytes one UTF-16 code unit can take in JSON: a control character or lone surrogate is `\u0001`. */
export const WORST_JSON_BYTES_PER_CHAR = 6;

/**
 * Room for the host's answers a 2026-07-28 retry carries in `inputResponses`. The widest round is
 * summarise's map fan-out: 84 chunks of 24,000 characters, each answer asked for in at most 520
 * tokens; at the kit's runaway cut of 8 characters a token, fully escaped, that is
 * 84 × 520 × 8 × 6 = 2,096,640 bytes. 4 MiB leaves room for hosts that overshoot before the cut.
 */
export const INPUT_RESPONSES_ALLOWANCE_BYTES = 4 * 1024 * 1024;

/** Room for everything else on the line: tool name, the short arguments, `_meta`, JSON-RPC framing. */
export const FRAMING_ALLOWANCE_BYTES = 64 * 1024;

/**
 * The worst 2026-07-28 retry of the largest documented input:
 *
 *     2,000,000 chars × 6 bytes            = 12,000,000  (the re-sent `text`)
 *   + STATE_BUDGET_BYTES (4 MiB)           =  4,194,304  (`requestState`, base64, no escaping)
 *   + INPUT_RESPONSES_ALLOWANCE (4 MiB)    =  4,194,304  (`inputResponses`)
 *   + FRAMING_ALLOWANCE (64 KiB)           =     65,536
 *                                          = 20,454,144 bytes
 *
 * A 2025-era call is the first term plus framing.
 */
export const WORST_CASE_CALL_BYTES =
  LARGEST_TEXT_ARGUMENT_CHARS * WORST_JSON_BYTES_PER_CHAR +
  STATE_BUDGET_BYTES +
  INPUT_RESPONSES_ALLOWANCE_BYTES +
  FRAMING_ALLOWANCE_BYTES;

/**
 * The longest line the stdio transport reads: {@link WORST_CASE_CALL_BYTES} (20,454,144) rounded
 * up to 24 MiB = 25,165,824 bytes, newline not counted. The SDK's default is 10 MiB, which
 * a valid summarise call of 1.9 million control characters already exceeds.
 */
export const MAX_STDIO_LINE_BYTES = 24 * 1024 * 1024;
