/**
 * The deterministic keyword matcher, shared by the tool's backstop and by its heuristic.
 *
 * - A keyword matches when all its words occur in the request as consecutive whole words, in order
 *   (`"credit card"` matches "My credit-card was charged twice", `"refund"` does not match
 *   "refunds"). Case, accents folded by NFKC, and punctuation between words do not matter.
 * - A route's score is the number of its distinct keywords that match; repeating a keyword in the
 *   request does not raise it.
 * - The route with the highest score wins; a tie goes to the route listed first. A score of 0 never
 *   wins.
 */
import { foldedWordsOf } from '@mcp-sampling/text';

/** The part of a route the matcher reads. */
export interface KeywordRoute {
  name: string;
  keywords?: string[] | undefined;
}

/** The request's words, indexed by position, so each keyword costs one lookup. */
export class RequestWords {
  readonly words: string[];
  private readonly positions = new Map<string, number[]>();

  constructor(request: string) {
    this.words = foldedWordsOf(request);
    this.words.forEach((word, position) => {
      const list = this.positions.get(word);
      if (list === undefined) this.positions.set(word, [position]);
      else list.push(position);
    });
  }

  /** True when the word occurs anywhere in the request. */
  has(word: string): boolean {
    return this.positions.has(word);
  }

  /** True when `phrase` (already split into words) occurs as consecutive whole words. */
  hasPhrase(phrase: readonly string[]): boolean {
    const [first, ...rest] = phrase;
    if (first === undefined) return false;
    const starts = this.positions.get(first);
    if (starts === undefined) return false;
    return starts.some((start) => rest.every((word, offset) => this.words[start + 1 + offset] === word));
  }
}

/** A route's keyword score: the keywords (as the caller spelled them) found in the request. */
export interface KeywordScore {
  route: string;
  matched: string[];
}

/** Scores every route, in the order given. */
export function scoreKeywords(request: RequestWords, routes: readonly KeywordRoute[]): KeywordScore[] {
  return routes.map((route) => {
    const seen = new Set<string>();
    const matched: string[] = [];
    for (const keyword of route.keywords ?? []) {
      const phrase = foldedWordsOf(keyword);
      const id = phrase.join(' ');
      if (seen.has(id)) continue;
      seen.add(id);
      if (request.hasPhrase(phrase)) matched.push(keyword);
    }
    return { route: route.name, matched };
  });
}

/**
 * How sure a lexical win is: `best / (best + runnerUp + 1)`. One hit and no rival gives 0.5, two
 * give 0.67, three 0.75; a tie broken by order gives at most 0.33. Never 1: words are not meaning.
 */
export function marginConfidence(best: number, runnerUp: number): number {
  return Math.round((best / (best + runnerUp + 1)) * 100) / 100;
}

/** The winner of a scoring, with the runner-up's score; undefined when every score is 0. */
export interface LexicalWin {
  route: string;
  score: number;
  runnerUp: number;
  /** The route listed earlier won a tie. */
  tie: boolean;
}

/** The highest score wins; ties go to the route listed first; nothing wins with 0. */
export function pickWinner(scores: ReadonlyArray<{ route: string; score: number }>): LexicalWin | undefined {
  let best: { route: string; score: number } | undefined;
  for (const entry of scores) if (entry.score > (best?.score ?? 0)) best = entry;
  if (best === undefined) return undefined;
  const winner = best;
  const rivals = scores.filter((entry) => entry !== winner).map((entry) => entry.score);
  const runnerUp = Math.max(0, ...rivals);
  return { route: winner.route, score: winner.score, runnerUp, tie: runnerUp === winner.score };
}

/** A decision made by keywords. */
export interface KeywordDecision extends LexicalWin {
  /** The winning route's keywords found in the request, as the caller spelled them. */
  matched: string[];
  confidence: number;
}

/** The keyword decision for `request`, or undefined when no route's keywords occur in it. */
export function decideByKeywords(request: RequestWords, routes: readonly KeywordRoute[]): KeywordDecision | undefined {
  const scores = scoreKeywords(request, routes);
  const win = pickWinner(scores.map(({ route, matched }) => ({ route, score: matched.length })));
  if (win === undefined) return undefined;
  const matched = scores.find((entry) => entry.route === win.route)?.matched ?? [];
  return { ...win, matched, confidence: marginConfidence(win.score, win.runnerUp) };
}

/** "'billing' matched 2 keywords (refund, invoice)", for a result's `reason`. */
export function describeKeywordWin(decision: KeywordDecision): string {
  const count = decision.matched.length;
  const tie = decision.tie ? ', tied with another route and chosen because it is listed first' : '';
  return `'${decision.route}' matched ${count} keyword${count === 1 ? '' : 's'} (${decision.matched.join(', ')})${tie}`;
}
