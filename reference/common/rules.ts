/**
 * Rule tables as data (STYLE habit 15). One table per operation lists its checks in the one
 * normative order: the spec page renders it (between `<!-- rules:<suite>/<operation> -->` markers,
 * checked by conformance/harness/spec-pages.test.ts), the reference checks in its order, and the
 * vector generator walks it (each rule alone, each pair at once, each boundary).
 *
 * When an input breaks several rules, the answer is the code of the rule that comes first in the
 * table. Schema checks (`BAD_INPUT`, docs/adapter-protocol.md) come before every rule of a table.
 * @module
 */

/** One check of an operation. */
export interface Rule {
  /** Stable id as the spec cites it, e.g. `V4`, `N1`. Unique within its table. */
  id: string;
  /** The reason code answered when this rule is the first one broken. */
  code: string;
  /** The condition an accepted input satisfies, in the spec's words (markdown). */
  check: string;
  /**
   * A verifier's rule: when it is the first one broken the operation answers `false`
   * (`{ valid: false }`) instead of raising; `code` then names the reason, not the answer.
   */
  answersFalse?: boolean;
}

/** A pair of rules that no input can break at once, with the reason (rendered in the spec). */
export interface ExclusivePair {
  rules: readonly [string, string];
  why: string;
}

/** The ordered checks of one operation. */
export interface RuleTable {
  suite: string;
  operation: string;
  /**
   * When an operation has more than one table (two parties checking different messages), the
   * table's name within the operation: its spec block is `<!-- rules:<suite>/<operation>/<part> -->`.
   */
  part?: string;
  rules: readonly Rule[];
  /** Pairs that cannot fail together; every other pair has a vector that breaks both. */
  exclusive?: readonly ExclusivePair[];
}

/** Checks a table's own consistency: unique ids, codes from the vocabulary, exclusive pairs named. */
export function validateRuleTable(t: RuleTable, vocabulary: Readonly<Record<string, string>>): string[] {
  const problems: string[] = [];
  const ids = new Set<string>();
  for (const r of t.rules) {
    if (ids.has(r.id)) problems.push(`${t.suite}/${t.operation}: rule ${r.id} listed twice`);
    ids.add(r.id);
    if (!(r.code in vocabulary)) problems.push(`${t.suite}/${t.operation}: rule ${r.id}'s code ${r.code} is not in the vocabulary`);
  }
  for (const p of t.exclusive ?? []) {
    for (const id of p.rules) if (!ids.has(id)) problems.push(`${t.suite}/${t.operation}: exclusive pair names unknown rule ${id}`);
  }
  return problems;
}

/** Every unordered pair (earlier, later) of rules in table order, without the exclusive ones. */
export function rulePairs(t: RuleTable): Array<readonly [Rule, Rule]> {
  const excluded = new Set((t.exclusive ?? []).map((p) => [...p.rules].sort().join("\u0000")));
  const out: Array<readonly [Rule, Rule]> = [];
  for (let i = 0; i < t.rules.length; i++) {
    for (let j = i + 1; j < t.rules.length; j++) {
      const a = t.rules[i]!, b = t.rules[j]!;
      if (!excluded.has([a.id, b.id].sort().join("\u0000"))) out.push([a, b] as const);
    }
  }
  return out;
}

/** The first rule of the table among `broken` (the rule whose code the answer carries). */
export function firstBroken(t: RuleTable, broken: readonly string[]): Rule {
  const r = t.rules.find((x) => broken.includes(x.id));
  if (!r) throw new RangeError(`${t.suite}/${t.operation}: none of ${broken.join(", ")} is a rule of the table`);
  return r;
}

/** `<suite>/<operation>` or `<suite>/<operation>/<part>`: the name of a table's spec block. */
export const ruleBlockName = (t: RuleTable): string => `${t.suite}/${t.operation}${t.part ? `/${t.part}` : ""}`;

/** The markdown the spec page carries for a table: one ordered list, then the exclusive pairs. */
export function renderRuleTable(t: RuleTable): string {
  const lines = [`<!-- rules:${ruleBlockName(t)} (generated from the rule table; do not edit by hand) -->`, ""];
  lines.push("Checks, in this order (the first one broken gives the answer; schema checks, `BAD_INPUT`, come before all of them):", "");
  t.rules.forEach((r, i) => lines.push(`${i + 1}. **${r.id}** ${r.check} → ${r.answersFalse ? `false (\`${r.code}\`)` : `\`${r.code}\``}`));
  if ((t.exclusive ?? []).length > 0) {
    lines.push("", "Pairs that no input can break at once:", "");
    for (const p of t.exclusive!) lines.push(`- ${p.rules[0]} and ${p.rules[1]}: ${p.why}`);
  }
  lines.push("", "<!-- /rules -->");
  return lines.join("\n");
}
