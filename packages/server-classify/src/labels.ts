/**
 * The caller's label set: one shape for every label, and the matching rule that maps a model's
 * spelling of a label (`"  BILLING."`) to the name the caller gave (`Billing`).
 */
import { hasVisibleText } from '@mcp-sampling/text';

/** A label as the tool works with it. */
export interface LabelSpec {
  name: string;
  description?: string;
}

/** A label as callers may pass it: a bare name, or a name with a description. */
export type LabelInput = string | LabelSpec;

/** Every label as `{ name, description? }`; blank descriptions (no visible character) are dropped. */
export function labelSpecs(labels: readonly LabelInput[]): LabelSpec[] {
  return labels.map((label) => {
    if (typeof label === 'string') return { name: label };
    const description = label.description?.trim();
    return description !== undefined && hasVisibleText(description) ? { name: label.name, description } : { name: label.name };
  });
}

/**
 * The matching key of a label name: Unicode NFKC, lower case, every run of characters that are not
 * letters, marks or digits read as one space, then trimmed. `" Billing."`, `"billing"` and
 * `"BILLING"` share the key `billing`; `"Follow-up"` and `"follow up"` share `follow up`.
 */
export function labelKey(name: string): string {
  return name
    .normalize('NFKC')
    .toLowerCase()
    .replace(/[^\p{L}\p{M}\p{N}]+/gu, ' ')
    .trim();
}

/** The first pair of names that share a matching key, by their positions; undefined when all are distinct. */
export function findDuplicateLabel(names: readonly string[]): { first: number; second: number } | undefined {
  const seen = new Map<string, number>();
  for (const [index, name] of names.entries()) {
    const key = labelKey(name);
    const first = seen.get(key);
    if (first !== undefined) return { first, second: index };
    seen.set(key, index);
  }
  return undefined;
}

/**
 * A lookup from any spelling to the canonical name. Names must be distinct by `labelKey`
 * (the input schema guarantees it).
 */
export function labelMatcher(names: readonly string[]): (spelling: string) => string | undefined {
  const byKey = new Map(names.map((name) => [labelKey(name), name]));
  return (spelling) => byKey.get(labelKey(spelling));
}
