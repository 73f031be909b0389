/**
 * The vector generator's walk over a rule table (reference/common/rules.ts): for every pair of
 * rules that can fail together, a case breaking both, expecting the earlier rule's code; the spec
 * pages' rendered tables are checked against the data by conformance/harness/spec-pages.test.ts.
 * @module
 */
import { firstBroken, ruleBlockName, rulePairs, renderRuleTable, type Rule, type RuleTable } from "../../reference/common/rules.js";
import type { JsonObject } from "./operation.js";
import type { CaseSpec } from "./vectorfile.js";

/**
 * Builds the pairwise cases of a table. `breakBoth(a, b)` returns an input that breaks exactly
 * rules a and b (a before b in table order), or throws: a pair with no builder must be listed as
 * exclusive in the table, so no pair is skipped silently.
 */
export function pairwiseCases(t: RuleTable, breakBoth: (a: Rule, b: Rule) => JsonObject, flag = "PairwiseRules"): CaseSpec[] {
  return rulePairs(t).map(([a, b]) => {
    const first = firstBroken(t, [a.id, b.id]);
    return {
      comment: `breaks ${a.id} and ${b.id} at once: ${a.id} comes first in the check order, so ${first.answersFalse ? `false (${first.code})` : first.code}`,
      flags: [flag],
      input: breakBoth(a, b),
      // a verifier's rule answers { valid: false }: an output, not a rejection
      expect: first.answersFalse ? "valid" : first.code,
    };
  });
}

/**
 * A table's pairwise cases as data: one breaker per rule and the input each pair is built on, so
 * that a test can check each breaker alone on a pair's base (conformance/da/pairwise.test.ts).
 */
export interface BreakerPairs {
  table: RuleTable;
  /** The input a pair (or a single rule) with these ids is built on. */
  base: (ids: readonly string[]) => JsonObject;
  /** Rule id → a change of the input that breaks that rule (and no earlier one) on `base`. */
  breakers: Readonly<Record<string, (i: JsonObject) => JsonObject>>;
}

/** The input breaking a and b (a before b): the later rule's breaker first, then the earlier one's. */
export const breakBoth = (p: BreakerPairs, a: Rule, b: Rule): JsonObject => p.breakers[a.id]!(p.breakers[b.id]!(p.base([a.id, b.id])));

/** The input breaking rule r alone, on the base its pairs use. */
export const breakAlone = (p: BreakerPairs, r: Rule, ids: readonly string[] = [r.id]): JsonObject => p.breakers[r.id]!(p.base(ids));

/** {@link pairwiseCases} of a {@link BreakerPairs}; `collect` receives it for the breaker tests. */
export function breakerPairCases(p: BreakerPairs, collect?: (p: BreakerPairs) => void): CaseSpec[] {
  collect?.(p);
  return pairwiseCases(p.table, (a, b) => breakBoth(p, a, b));
}

/** Replaces every rendered table of `markdown` with a fresh rendering from `tables` (for the spec writer). */
export function renderRuleBlocks(markdown: string, tables: readonly RuleTable[]): string {
  let out = markdown;
  for (const t of tables) {
    const re = new RegExp(`<!-- rules:${ruleBlockName(t)} [^\\n]*-->[\\s\\S]*?<!-- /rules -->`);
    if (re.test(out)) out = out.replace(re, renderRuleTable(t));
  }
  return out;
}
