/** The tools a server offers, for `list`: name, title, description and input fields. */
import type { Tool } from '@modelcontextprotocol/client';
import type { Colors } from './colors.js';
import { indent } from './text.js';

type JsonSchema = Record<string, unknown>;

/** Lines describing every tool. */
export function toolsLines(tools: Tool[], c: Colors): string[] {
  if (tools.length === 0) return [c.dim('The server offers no tools.')];
  const lines: string[] = [];
  for (const tool of tools) {
    const title = tool.title ?? tool.annotations?.title;
    lines.push(`${c.bold(c.cyan(tool.name))}${title ? `  ${c.dim(title)}` : ''}`);
    if (tool.description) lines.push(indent(tool.description.trim(), '  '));
    const fields = inputFields(tool.inputSchema as JsonSchema);
    lines.push(`  ${c.dim('input:')}${fields.length === 0 ? ' none' : ''}`);
    const width = Math.max(0, ...fields.map((field) => field.name.length));
    for (const field of fields) {
      const required = field.required ? c.yellow('required') : c.dim('optional');
      const description = field.description ? `  ${c.dim(field.description)}` : '';
      lines.push(`    ${c.bold(field.name.padEnd(width))}  ${field.type}, ${required}${description}`);
    }
    lines.push('');
  }
  return lines.slice(0, -1);
}

/** One top-level input property. */
export interface InputField {
  name: string;
  type: string;
  required: boolean;
  description: string | undefined;
}

/** The top-level properties of an input schema. */
export function inputFields(schema: JsonSchema): InputField[] {
  const properties = (schema.properties ?? {}) as Record<string, JsonSchema>;
  const required = new Set(Array.isArray(schema.required) ? (schema.required as string[]) : []);
  return Object.entries(properties).map(([name, property]) => ({
    name,
    type: typeOf(property),
    required: required.has(name),
    description: typeof property.description === 'string' ? firstSentence(property.description) : undefined,
  }));
}

/** A short type for a JSON Schema: `string`, `'a' | 'b'`, `array of object`, `integer 10..1000`. */
export function typeOf(schema: JsonSchema | undefined, depth = 0): string {
  if (schema === undefined || depth > 3) return 'any';
  if (Array.isArray(schema.enum)) return schema.enum.map((value) => JSON.stringify(value).replaceAll('"', "'")).join(' | ');
  if ('const' in schema) return JSON.stringify(schema.const).replaceAll('"', "'");
  const union = (schema.anyOf ?? schema.oneOf) as JsonSchema[] | undefined;
  if (Array.isArray(union)) return [...new Set(union.map((member) => typeOf(member, depth + 1)))].join(' | ');
  const type = Array.isArray(schema.type) ? schema.type.join(' | ') : typeof schema.type === 'string' ? schema.type : 'any';
  if (type === 'array') return `array of ${typeOf(schema.items as JsonSchema | undefined, depth + 1)}`;
  if (type === 'integer' || type === 'number') {
    const min = schema.minimum;
    const max = schema.maximum;
    return min !== undefined || max !== undefined ? `${type} ${min ?? ''}..${max ?? ''}` : type;
  }
  return type;
}

function firstSentence(text: string): string {
  const line = text.replace(/\s+/g, ' ').trim();
  const end = line.search(/\.\s/);
  const sentence = end === -1 ? line : line.slice(0, end + 1);
  return sentence.length > 110 ? `${sentence.slice(0, 109)}…` : sentence;
}
