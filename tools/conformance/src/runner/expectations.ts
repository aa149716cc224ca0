/**
 * The committed expectations (expectations.json): for every scenario the suite lists, either
 * SUCCESS expected (with any check allowed to fall short, each with its reason) or the reason it
 * does not apply. Scenarios the suite lists but the file does not, and the reverse, are errors.
 */
import { readFileSync } from 'node:fs';

/** A scenario expected to succeed. */
export interface Expected {
  expect: 'SUCCESS';
  /** Client scenarios: the host's arguments, before the URL the suite appends. */
  host?: string;
  /** Check id → why that check may fall short of SUCCESS. */
  allow?: Record<string, string>;
}

/** A scenario that is not run, and why. */
export interface NotApplicable {
  notApplicable: string;
}

export type Expectation = Expected | NotApplicable;

/** The whole file. */
export interface Expectations {
  /** Exact version of @modelcontextprotocol/conformance. */
  suite: string;
  /** The Node major that runs the suite; its exact version is pinned in scripts/fetch-node.mjs. */
  node: string;
  server: Record<string, Expectation>;
  client: Record<string, Expectation>;
}

/** Read and check the expectations file; throws with the first problem found. */
export function loadExpectations(path: string): Expectations {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Expectations;
  if (typeof data.suite !== 'string' || typeof data.node !== 'string' || !/^\d+$/.test(data.node))
    throw new Error(`${path}: 'suite' must be an exact version and 'node' a Node major pinned in scripts/fetch-node.mjs`);
  for (const side of ['server', 'client'] as const) {
    for (const [name, entry] of Object.entries(data[side] ?? {})) {
      const ok =
        ('expect' in entry && entry.expect === 'SUCCESS') ||
        ('notApplicable' in entry && typeof entry.notApplicable === 'string' && entry.notApplicable.length > 0);
      if (!ok) throw new Error(`${path}: ${side} scenario '${name}' needs "expect": "SUCCESS" or a "notApplicable" reason`);
      if (side === 'client' && 'expect' in entry && typeof entry.host !== 'string') {
        throw new Error(`${path}: client scenario '${name}' needs "host": the host's arguments`);
      }
    }
  }
  return data;
}

/** Names the suite lists that the expectations miss, and names the expectations hold that the suite does not list. */
export function coverage(
  listed: readonly string[],
  expected: Readonly<Record<string, unknown>>,
): { missing: string[]; stale: string[] } {
  const known = new Set(listed);
  return {
    missing: listed.filter((name) => !(name in expected)),
    stale: Object.keys(expected).filter((name) => !known.has(name)),
  };
}

/** Is this entry expected to succeed? */
export function isExpected(entry: Expectation): entry is Expected {
  return 'expect' in entry;
}
