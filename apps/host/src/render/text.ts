/** Small text helpers shared by the renderers. */

/** `text` cut to `max` characters, saying how much was left out. */
export function clip(text: string, max: number): string {
  if (text.length <= max) return text;
  return `${text.slice(0, max).trimEnd()}… (${(text.length - max).toLocaleString('en')} more characters)`;
}

/** `text` on one line, cut to `max` characters. */
export function clipLine(text: string, max: number): string {
  const line = text.replace(/\s+/g, ' ').trim();
  return line.length > max ? `${line.slice(0, max - 1)}…` : line;
}

/** Every non-empty line of `text` indented by `prefix`. */
export function indent(text: string, prefix: string): string {
  return text
    .split('\n')
    .map((line) => (line === '' ? '' : `${prefix}${line}`))
    .join('\n');
}

/** A count with its noun: `1 round`, `3 rounds`. */
export function plural(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `1,234` */
export function thousands(n: number): string {
  return n.toLocaleString('en');
}

/**
 * The width to wrap text for `stream`: its `columns` when it is a terminal that reports them,
 * otherwise `undefined` (piped output is never wrapped, so files and transcripts stay as they are).
 */
export function terminalWidth(stream: { isTTY?: boolean; columns?: number }): number | undefined {
  return stream.isTTY === true && typeof stream.columns === 'number' && stream.columns > 0 ? stream.columns : undefined;
}

/**
 * Every line of `text` fitted to `width` columns: a long line breaks at spaces, and each
 * continuation line starts with the leading spaces of the line it continues (plus `hang`, for a
 * line whose first part is a label). A word longer than the room left is split. ANSI colour
 * sequences take no room. `width` undefined leaves `text` unchanged.
 */
export function wrapToWidth(text: string, width: number | undefined, hang = ''): string {
  if (width === undefined) return text;
  return text
    .split('\n')
    .map((line) => wrapLine(line, width, hang))
    .join('\n');
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: matches ANSI SGR sequences
const SGR = /\x1b\[[0-9;]*m/g;

const visibleLength = (text: string) => text.replace(SGR, '').length;

function wrapLine(line: string, width: number, hang: string): string {
  if (visibleLength(line) <= width) return line;
  const lead = `${/^ */.exec(line.replace(SGR, ''))?.[0] ?? ''}${hang}`;
  // Keep at least half the width for text, however deep the indent.
  const indentText = lead.length <= width / 2 ? lead : '';
  const room = width - indentText.length;
  const out: string[] = [];
  let current = '';
  let currentLength = 0;
  const push = () => {
    out.push(current.trimEnd());
    current = indentText;
    currentLength = indentText.length;
  };
  for (const word of line.split(/(?<= )/)) {
    let piece = word;
    let pieceLength = visibleLength(piece);
    if (currentLength + visibleLength(piece.trimEnd()) > width && current.trim() !== '') push();
    while (currentLength + visibleLength(piece.trimEnd()) > width) {
      // A word longer than a whole line: split it (colour sequences inside it are rare enough to ignore).
      const take = Math.max(1, width - currentLength);
      current += piece.slice(0, take);
      piece = piece.slice(take);
      pieceLength = visibleLength(piece);
      push();
      if (room <= 0) break;
    }
    current += piece;
    currentLength += pieceLength;
  }
  if (current.trim() !== '') out.push(current.trimEnd());
  return out.join('\n');
}
