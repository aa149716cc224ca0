/**
 * Numbers for messages a person reads: `2000000` → `"2,000,000"`, as `toLocaleString('en')` writes
 * an integer. Written by hand because the first `toLocaleString` of a process loads ICU's number
 * formats, some 25 ms and 6 MiB of a server's cold start, where the servers use it for limits named
 * in their input schemas.
 */

/** `n` with its thousands separated by commas (an integer; anything else as `String(n)` writes it). */
export function withThousands(n: number): string {
  if (!Number.isSafeInteger(n)) return String(n);
  return String(n).replace(/\B(?=(\d{3})+$)/g, ',');
}
