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
