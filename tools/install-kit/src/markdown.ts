/**
 * Small Markdown writers for the generated README sections, in the style of the hand-written
 * READMEs: prose wrapped at 100 columns, JSON with short arrays on one line, pipe tables.
 */

/** Wraps one paragraph at `width` columns, between words. */
export function paragraph(text: string, width = 100): string {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/).filter((w) => w !== '')) {
    if (line !== '' && line.length + 1 + word.length > width) {
      lines.push(line);
      line = word;
    } else line = line === '' ? word : `${line} ${word}`;
  }
  if (line !== '') lines.push(line);
  return lines.join('\n');
}

/**
 * JSON indented by two spaces, with an array of plain values on one line when that line fits in
 * `width` columns: the layout Biome's formatter gives JSON (line width 130 in this repository), so
 * generated JSON files pass `biome ci` unchanged. Still strict JSON.
 */
export function prettyJson(value: unknown, width = 130): string {
  const render = (item: unknown, indent: string, lead: number): string => {
    if (Array.isArray(item)) {
      const plain = item.every((element) => element === null || typeof element !== 'object');
      const inline = `[${item.map((element) => JSON.stringify(element)).join(', ')}]`;
      if (item.length === 0 || (plain && lead + inline.length + 1 <= width)) return inline;
      const inner = `${indent}  `;
      return `[\n${item.map((element) => `${inner}${render(element, inner, inner.length)}`).join(',\n')}\n${indent}]`;
    }
    if (item !== null && typeof item === 'object') {
      const entries = Object.entries(item);
      if (entries.length === 0) return '{}';
      const inner = `${indent}  `;
      const lines = entries.map(([key, element]) => {
        const head = `${inner}${JSON.stringify(key)}: `;
        return `${head}${render(element, inner, head.length)}`;
      });
      return `{\n${lines.join(',\n')}\n${indent}}`;
    }
    return JSON.stringify(item);
  };
  return render(value, '', 0);
}

/** A fenced code block. */
export function fenced(language: string, body: string): string {
  return `\`\`\`${language}\n${body}\n\`\`\``;
}

/** A pipe table; the first row is the header. */
export function table(rows: string[][]): string {
  const [header = [], ...body] = rows;
  const line = (cells: string[]) => `| ${cells.join(' | ')} |`;
  return [line(header), `|${header.map(() => '---').join('|')}|`, ...body.map(line)].join('\n');
}
