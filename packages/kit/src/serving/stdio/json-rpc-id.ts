/**
 * Reading a JSON-RPC `id` from the raw text of a line. `JSON.parse` turns every number into a
 * double, so `1.0000000000000001` arrives as `1` and `9007199254740993` as `9007199254740992`:
 * answering with the parsed value would answer a request nobody sent. The raw literal decides
 * instead. It is also how an id is recovered from a line too long to parse at all.
 */

/** The largest id magnitude a JSON number carries exactly (2^53 - 1). */
const MAX_EXACT_ID = BigInt(Number.MAX_SAFE_INTEGER);

/** Skip JSON whitespace from `at`. */
function skipSpace(text: string, at: number): number {
  let i = at;
  while (i < text.length && (text[i] === ' ' || text[i] === '\t' || text[i] === '\n' || text[i] === '\r')) i += 1;
  return i;
}

/** Index of the quote closing the string that opens at `at`, or -1 if the text ends first. */
function stringEnd(text: string, at: number): number {
  let from = at + 1;
  for (;;) {
    const quote = text.indexOf('"', from);
    if (quote === -1) return -1;
    let backslashes = 0;
    while (text[quote - 1 - backslashes] === '\\') backslashes += 1;
    if (backslashes % 2 === 0) return quote;
    from = quote + 1;
  }
}

/** Index just past the JSON value that starts at `at`, or -1 if the text ends first. */
function valueEnd(text: string, at: number): number {
  const first = text[at];
  if (first === '"') {
    const end = stringEnd(text, at);
    return end === -1 ? -1 : end + 1;
  }
  if (first === '{' || first === '[') {
    let depth = 0;
    for (let i = at; i < text.length; i += 1) {
      const c = text[i];
      if (c === '"') {
        const end = stringEnd(text, i);
        if (end === -1) return -1;
        i = end;
      } else if (c === '{' || c === '[') depth += 1;
      else if (c === '}' || c === ']') {
        depth -= 1;
        if (depth === 0) return i + 1;
      }
    }
    return -1;
  }
  let i = at;
  while (i < text.length && !',}] \t\r\n'.includes(text[i] as string)) i += 1;
  return i === text.length ? -1 : i;
}

/**
 * The raw text of the top-level `"id"` member of the JSON object that `text` starts with, walking
 * members from the front. Works on a truncated start of a line: it gives up (undefined) where the
 * text ends, or where the text stops looking like an object.
 */
export function idFromStart(text: string): string | undefined {
  let i = skipSpace(text, 0);
  if (text[i] !== '{') return undefined;
  i += 1;
  for (;;) {
    i = skipSpace(text, i);
    if (text[i] !== '"') return undefined;
    const keyEnd = stringEnd(text, i);
    if (keyEnd === -1) return undefined;
    const key = text.slice(i + 1, keyEnd);
    i = skipSpace(text, keyEnd + 1);
    if (text[i] !== ':') return undefined;
    i = skipSpace(text, i + 1);
    const end = valueEnd(text, i);
    if (end === -1) return undefined;
    if (key === 'id') return text.slice(i, end);
    i = skipSpace(text, end);
    if (text[i] !== ',') return undefined;
    i += 1;
  }
}

/** `"id": <number | string | null>` as the last member, right before the object's closing brace. */
const ID_AT_END = /[{,]\s*"id"\s*:\s*(-?[0-9][0-9.eE+-]*|"(?:[^"\\]|\\.)*"|null)\s*\}\s*$/;

/**
 * The raw text of an `"id"` member that closes the line, as the MCP SDK writes it
 * (`{"method":…,"params":…,"jsonrpc":"2.0","id":3}`). Reads only the last few hundred characters.
 */
export function idFromEnd(text: string): string | undefined {
  return ID_AT_END.exec(text.slice(-256))?.[1];
}

/**
 * Why a raw id literal cannot be echoed exactly, or undefined when it can. Strings and integers
 * within ±(2^53 − 1) are fine; an integer written with a zero fraction or an exponent (`1.0`, `1e3`)
 * is that integer. Anything else is fractional, too large, or not an id at all.
 */
export function idProblem(raw: string): string | undefined {
  if (raw.startsWith('"')) return undefined;
  const number = /^-?(\d+)(?:\.(\d+))?(?:[eE]([+-]?\d+))?$/.exec(raw);
  if (number === null) return raw === 'null' ? 'is null' : 'is neither a string nor a number';
  const [, whole = '', fraction = '', exponentText = '0'] = number;
  const exponent = Number(exponentText) - fraction.length;
  let digits = `${whole}${fraction}`.replace(/^0+/, '');
  if (digits === '') return undefined;
  if (exponent < 0) {
    const dropped = digits.slice(Math.max(0, digits.length + exponent));
    if (/[1-9]/.test(dropped)) return 'is not a whole number';
    digits = digits.slice(0, digits.length + exponent);
  } else if (digits.length + exponent > 16) {
    return 'is larger than 2^53 - 1';
  } else {
    digits += '0'.repeat(exponent);
  }
  return BigInt(digits) > MAX_EXACT_ID ? 'is larger than 2^53 - 1' : undefined;
}

/** A raw id shortened for a message: ids can be any length. */
export function shownId(raw: string): string {
  return raw.length > 40 ? `${raw.slice(0, 37)}...` : raw;
}
