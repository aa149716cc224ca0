/**
 * The model's answer: its schema (label names as an enum, so the JSON Schema lists the allowed
 * names), the normalisation that maps a spelling such as `"  BILLING."` to the caller's `Billing`
 * before validation, and the ranking that turns a valid answer into the tool's result.
 */
import { isRecord, recentlyUsed } from '@mcp-sampling/text';
import * as z from 'zod/v4';
import { labelMatcher } from './labels.js';

/** Single-label mode returns the top label and at most this many labels in all (top + 2 runners-up). */
export const MAX_SINGLE_LABELS = 3;

/** Multi-label mode keeps only labels whose confidence is at least this. */
export const MULTI_LABEL_THRESHOLD = 0.5;

/** A label with the confidence that it applies. */
export interface ScoredLabel {
  label: string;
  confidence: number;
}

/** The tool's result, before the kit adds provenance. */
export interface Classification {
  /** The top label; null only in multi-label mode when no label applies. */
  label: string | null;
  /** Highest confidence first; one entry per label. */
  labels: ScoredLabel[];
  rationale: string;
}

/**
 * The schema the model's JSON must match. `label` is `z.enum(names)`, so only the caller's names
 * validate and the JSON Schema sent to the host lists them. Single-label mode needs at least one
 * entry; multi-label mode may answer with none.
 *
 * Schemas are memoised per label set (the last `SCHEMA_CACHE_SIZE` sets): building a zod schema
 * over 100 names costs more than the rest of a call, and returning the same object also lets the
 * kit reuse its JSON Schema when `run` is replayed on 2026-07-28 and when a caller classifies many
 * texts with one label set.
 */
export function answerSchema(names: readonly string[], multiLabel: boolean) {
  return recentSchemas(JSON.stringify([multiLabel, names]), () => buildAnswerSchema(names, multiLabel));
}

const SCHEMA_CACHE_SIZE = 32;
const recentSchemas = recentlyUsed<ReturnType<typeof buildAnswerSchema>>(SCHEMA_CACHE_SIZE);

function buildAnswerSchema(names: readonly string[], multiLabel: boolean) {
  const entry = z.object({
    label: z.enum(names as [string, ...string[]]),
    confidence: z.number().min(0).max(1),
  });
  return z.object({
    labels: multiLabel ? z.array(entry) : z.array(entry).min(1),
    rationale: z.string(),
  });
}

export type Answer = z.output<ReturnType<typeof answerSchema>>;

/**
 * Maps every `labels[i].label` whose spelling matches a name (see `labelKey`) to that name, and
 * leaves everything else as it is for the schema to judge: an unknown label stays unknown and is
 * repaired, never guessed.
 */
export function canonicaliseAnswer(names: readonly string[]): (value: unknown) => unknown {
  let match: ((spelling: string) => string | undefined) | undefined; // built on the first answer, not per request
  return (value) => {
    if (!isRecord(value) || !Array.isArray(value.labels)) return value;
    match ??= labelMatcher(names);
    const matcher = match;
    return {
      ...value,
      labels: value.labels.map((entry: unknown) => {
        if (!isRecord(entry) || typeof entry.label !== 'string') return entry;
        const name = matcher(entry.label);
        return name === undefined ? entry : { ...entry, label: name };
      }),
    };
  };
}

/**
 * The result's `label` and `labels` from a valid answer: one entry per label (a repeated label
 * keeps its highest confidence), sorted by confidence, highest first (ties keep the model's order);
 * single-label mode keeps the first `MAX_SINGLE_LABELS`, multi-label mode those at or above
 * `MULTI_LABEL_THRESHOLD`. `label` is the first entry's, or null when none is left.
 */
export function rankLabels(entries: readonly ScoredLabel[], multiLabel: boolean): Pick<Classification, 'label' | 'labels'> {
  const best = new Map<string, ScoredLabel>();
  for (const { label, confidence } of entries) {
    const seen = best.get(label);
    if (seen === undefined) best.set(label, { label, confidence });
    else seen.confidence = Math.max(seen.confidence, confidence);
  }
  const sorted = [...best.values()].sort((a, b) => b.confidence - a.confidence);
  const labels = multiLabel
    ? sorted.filter((entry) => entry.confidence >= MULTI_LABEL_THRESHOLD)
    : sorted.slice(0, MAX_SINGLE_LABELS);
  return { label: labels[0]?.label ?? null, labels };
}
