/**
 * Lenient reading of a model's JSON answer. Models wrap JSON in code fences or prose ("Here is the
 * result: {...}. Hope this helps!"); this finds the first complete JSON object or array and parses
 * it. Validation against a schema is the caller's job.
 */

/** Outcome of looking for JSON in a reply. */
export type JsonReading = { ok: true; value: unknown } | { ok: false; problem: string };

/** Start positions tried before giving up: bounds the work on long prose replies. */
const MAX_CANDIDATES = 32;

/** Find and parse the JSON value in `text`: the whole text, a fenced block, or the first balanced `{…}`/`[…]`. */
export function readJson(text: string): JsonReading {
  const trimmed = text.trim();
  const whole = tryParse(trimmed);
  if (whole.ok) return whole;
  for (const fenced of fencedBlocks(trimmed)) {
    const reading = tryParse(fenced);
    if (reading.ok) return reading;
  }
  let tried = 0;
  for (let start = 0; start < trimmed.length && tried < MAX_CANDIDATES; start += 1) {
    const char = trimmed[start];
    if (char !== '{' && char !== '[') continue;
    tried += 1;
    const end = balancedEnd(trimmed, start);
    if (end === -1) continue;
    const reading = tryParse(trimmed.slice(start, end + 1));
    if (reading.ok) return reading;
  }
  return {
    ok: false,
    problem: tried === 0 ? 'the answer contains no JSON object or array' : 'the answer contains no valid JSON',
  };
}

function tryParse(text: string): JsonReading {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    return { ok: false, problem: error instanceof Error ? error.message : String(error) };
  }
}

function fencedBlocks(text: string): string[] {
  return [...text.matchAll(/```[a-zA-Z]*\s*\n?([\s\S]*?)```/g)].map((match) => (match[1] ?? '').trim());
}

/** Index of the bracket closing the one at `start`, honouring strings and escapes; -1 when unbalanced. */
function balancedEnd(text: string, start: number): number {
  const closers: string[] = [];
  let inString = false;
  for (let index = start; index < text.length; index += 1) {
    const char = text[index];
    if (inString) {
      if (char === '\\') index += 1;
      else if (char === '"') inString = false;
      continue;
    }
    if (char === '"') inString = true;
    else if (char === '{') closers.push('}');
    else if (char === '[') closers.push(']');
    else if (char === '}' || char === ']') {
      if (closers.pop() !== char) return -1;
      if (closers.length === 0) return index;
    }
  }
  return -1;
}
