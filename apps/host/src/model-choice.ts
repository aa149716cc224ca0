/**
 * Model choice: MCP model preferences (hints in order, then priorities) to a model tier, and the
 * tier to a model id. The spec leaves the mapping to the host; this is the one documented in the
 * README, and every decision carries a one-line reason so the host can show why a model was picked.
 */
import type { ModelTier } from '@mcp-sampling/providers';
import type { ModelPreferences } from '@modelcontextprotocol/client';

/**
 * Model family names per tier, matched as whole words inside a hint (`claude-3-5-haiku` names a
 * fast model; `gemini` does not contain the word `mini`). Size words are checked first, so
 * `gpt-5-mini` is fast although `gpt-5` is smart.
 */
export const TIER_FAMILIES: Readonly<Record<ModelTier, readonly string[]>> = {
  fast: ['haiku', 'mini', 'nano', 'flash', 'lite'],
  smart: ['opus', 'gpt-5', 'o3', 'o1'],
  balanced: ['sonnet', 'gpt-4.1', 'gpt-4o', 'pro'],
};

/** The order families are checked in: size words first. */
const FAMILY_ORDER: readonly ModelTier[] = ['fast', 'smart', 'balanced'];

/** A priority at or above this counts as a strong preference. */
export const STRONG_PRIORITY = 0.7;

/** The tier a request gets, and why. */
export interface TierChoice {
  tier: ModelTier;
  /** One line, e.g. `hint 'haiku' names a fast model`. */
  reason: string;
}

/**
 * Choose a tier from a request's model preferences:
 *
 * 1. hints, in order; the first that decides wins:
 *    a. a hint that is part of a configured model id (`models`, e.g. `gpt-4.1` in `gpt-4.1-mini`
 *       and `gpt-4.1`) picks that model's tier; when several tiers match, the priorities decide
 *       among them;
 *    b. a hint that names a model family (`TIER_FAMILIES`) picks the family's tier;
 * 2. else `intelligencePriority >= 0.7` → `smart`;
 * 3. else `speedPriority` or `costPriority >= 0.7` → `fast`;
 * 4. else `balanced`.
 */
export function chooseTier(preferences: ModelPreferences | undefined, models?: Readonly<Record<ModelTier, string>>): TierChoice {
  const byPriority = tierFromPriorities(preferences);
  for (const hint of preferences?.hints ?? []) {
    const name = hint.name?.trim().toLowerCase();
    if (!name) continue;
    if (models !== undefined) {
      const matching = FAMILY_ORDER.filter((tier) => models[tier].toLowerCase().includes(name));
      if (matching.length > 0) {
        const tier = matching.includes(byPriority.tier) ? byPriority.tier : (matching[0] as ModelTier);
        return { tier, reason: `hint '${name}' matches ${models[tier]}` };
      }
    }
    const family = familyTier(name);
    if (family !== undefined) return { tier: family, reason: `hint '${name}' names a ${family} model` };
  }
  return byPriority;
}

function familyTier(hint: string): ModelTier | undefined {
  return FAMILY_ORDER.find((tier) => TIER_FAMILIES[tier].some((family) => containsWord(hint, family)));
}

function containsWord(text: string, word: string): boolean {
  let from = text.indexOf(word);
  while (from !== -1) {
    const before = text[from - 1];
    const after = text[from + word.length];
    if (!isLetter(before) && !isLetter(after)) return true;
    from = text.indexOf(word, from + 1);
  }
  return false;
}

function isLetter(char: string | undefined): boolean {
  return char !== undefined && /[a-z]/.test(char);
}

function tierFromPriorities(preferences: ModelPreferences | undefined): TierChoice {
  const intelligence = preferences?.intelligencePriority;
  const speed = preferences?.speedPriority;
  const cost = preferences?.costPriority;
  if (intelligence !== undefined && intelligence >= STRONG_PRIORITY) {
    return { tier: 'smart', reason: `intelligencePriority ${intelligence}` };
  }
  if (speed !== undefined && speed >= STRONG_PRIORITY) return { tier: 'fast', reason: `speedPriority ${speed}` };
  if (cost !== undefined && cost >= STRONG_PRIORITY) return { tier: 'fast', reason: `costPriority ${cost}` };
  return { tier: 'balanced', reason: preferences === undefined ? 'no model preferences' : 'no deciding hint or priority' };
}
