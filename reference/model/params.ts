/**
 * Checking a parameter set (spec/model.md §Validity rules): the rule table, in its one order, and
 * the parser that applies it. Rules run one at a time over every parameter (in PARAMETER_NAMES
 * order), so the answer is the code of the first rule any parameter breaks.
 * @module
 */
import type { RuleTable } from "../common/rules.js";
import { MAX_PARAMETER, MAX_PARAMETER_CHARS, PARAMETER_NAMES, PARAMETERS, type ParameterName, type ParameterTexts } from "./constants.js";
import { fail } from "./errors.js";
import { cmp, isInteger, parseRational, ratio, type Rational } from "./rational.js";

/** A checked parameter set: every value exact. */
export type Parameters = Record<ParameterName, Rational>;

export const EVALUATE_MODEL_RULES: RuleTable = {
  suite: "model",
  operation: "evaluate_model",
  rules: [
    { id: "M1", code: "NOT_A_NUMBER", check: "every parameter is a decimal (`-?(0|[1-9][0-9]*)(\\.[0-9]+)?`) or a fraction (`-?(0|[1-9][0-9]*)/[1-9][0-9]*`) of at most `MAX_PARAMETER_CHARS` = 40 characters (no `NaN`, `Infinity`, exponent)" },
    { id: "M2", code: "PARAMETER_TOO_LARGE", check: "every parameter is ≤ `MAX_PARAMETER` = 10^12" },
    { id: "M3", code: "NEGATIVE_PARAMETER", check: "no parameter is negative" },
    { id: "M4", code: "ZERO_PARAMETER", check: "no parameter is zero" },
    { id: "M5", code: "NOT_AN_INTEGER", check: "`shards`, `cores_per_machine`, `B_tx` and `shards_subscribed` are integers" },
    { id: "M6", code: "SHARDS_EXCEED_TARGET", check: "`shards` ≤ `T_target`" },
    { id: "M7", code: "SUBSCRIBED_EXCEED_SHARDS", check: "`shards_subscribed` ≤ `shards`" },
  ],
};

const MAX = ratio(MAX_PARAMETER);
const ZERO = ratio(0);

/** Reads one parameter text (rule M1); bounds its length before parsing. */
export function readParameter(name: string, text: string): Rational {
  const r = text.length <= MAX_PARAMETER_CHARS ? parseRational(text) : null;
  return r ?? fail("NOT_A_NUMBER", `${name} = ${JSON.stringify(text.slice(0, MAX_PARAMETER_CHARS + 1))}: expected a decimal or n/d of at most ${MAX_PARAMETER_CHARS} characters`);
}

/** Rules M2–M5 on already-read values, each over `names` in order. */
export function checkRanges(values: Readonly<Record<string, Rational>>, names: readonly string[], integers: ReadonlySet<string>): void {
  for (const p of names) if (cmp(values[p]!, MAX) > 0) fail("PARAMETER_TOO_LARGE", `${p} exceeds ${MAX_PARAMETER}`);
  for (const p of names) if (cmp(values[p]!, ZERO) < 0) fail("NEGATIVE_PARAMETER", `${p} is negative`);
  for (const p of names) if (cmp(values[p]!, ZERO) === 0) fail("ZERO_PARAMETER", `${p} is zero`);
  for (const p of names) if (integers.has(p) && !isInteger(values[p]!)) fail("NOT_AN_INTEGER", `${p} must be an integer`);
}

const INTEGERS = new Set(PARAMETER_NAMES.filter((p) => PARAMETERS[p].integer));

/**
 * Checks and reads a parameter set, rules M1–M7 in order (spec/model.md §Validity rules).
 * Cost: at most 7 × 40 characters parsed; every later step is a fixed number of bigint operations
 * on numbers of at most ~140 bits each.
 * @throws SpecError NOT_A_NUMBER, PARAMETER_TOO_LARGE, NEGATIVE_PARAMETER, ZERO_PARAMETER,
 *   NOT_AN_INTEGER, SHARDS_EXCEED_TARGET, SUBSCRIBED_EXCEED_SHARDS
 */
export function checkParameters(texts: Readonly<ParameterTexts>): Parameters {
  const values = {} as Parameters;
  for (const p of PARAMETER_NAMES) values[p] = readParameter(p, texts[p]);
  checkRanges(values, PARAMETER_NAMES, INTEGERS);
  if (cmp(values.shards, values.T_target) > 0) fail("SHARDS_EXCEED_TARGET", `shards = ${texts.shards} > T_target = ${texts.T_target}`);
  if (cmp(values.shards_subscribed, values.shards) > 0) fail("SUBSCRIBED_EXCEED_SHARDS", `shards_subscribed = ${texts.shards_subscribed} > shards = ${texts.shards}`);
  return values;
}

/** The checks of an operation whose inputs are all counts or rates (rules C1–C5, spec/model.md §Validity rules). */
const countRules = (integers: string) => [
  { id: "C1", code: "NOT_A_NUMBER", check: "every input is a decimal or a fraction of at most `MAX_PARAMETER_CHARS` = 40 characters, as M1" },
  { id: "C2", code: "PARAMETER_TOO_LARGE", check: "every input is ≤ `MAX_PARAMETER` = 10^12" },
  { id: "C3", code: "NEGATIVE_PARAMETER", check: "no input is negative" },
  { id: "C4", code: "ZERO_PARAMETER", check: "no input is zero" },
  ...(integers ? [{ id: "C5", code: "NOT_AN_INTEGER", check: `${integers} are integers` }] : []),
] as const;

export const DA_SAMPLING_RULES: RuleTable = {
  suite: "model",
  operation: "da_sampling",
  rules: [...countRules(""), { id: "C6", code: "CONFIDENCE_NOT_BELOW_ONE", check: "`confidence` < 1" }],
};

export const TURBINE_HOPS_RULES: RuleTable = { suite: "model", operation: "turbine_hops", rules: [...countRules("`validators` and `fanout`")] };

const ONE_INPUT = "with one input, a text that is not a number has no value to break a later rule, and no value is both";
export const NARWHAL_ROUND_RULES: RuleTable = {
  suite: "model",
  operation: "narwhal_round",
  rules: [...countRules("`validators`")],
  exclusive: [
    { rules: ["C1", "C2"], why: `${ONE_INPUT} unreadable and too large` },
    { rules: ["C1", "C3"], why: `${ONE_INPUT} unreadable and negative` },
    { rules: ["C1", "C4"], why: `${ONE_INPUT} unreadable and zero` },
    { rules: ["C1", "C5"], why: `${ONE_INPUT} unreadable and fractional` },
    { rules: ["C2", "C3"], why: "one value cannot exceed 10^12 and be negative" },
    { rules: ["C2", "C4"], why: "one value cannot exceed 10^12 and be zero" },
    { rules: ["C3", "C4"], why: "one value cannot be negative and zero" },
    { rules: ["C4", "C5"], why: "zero is an integer" },
  ],
};

/** Reads and range-checks the named inputs by rules C1–C5, in the order given. */
export function checkCounts(texts: Readonly<Record<string, string>>, names: readonly string[], integers: readonly string[]): Record<string, Rational> {
  const values: Record<string, Rational> = {};
  for (const p of names) values[p] = readParameter(p, texts[p]!);
  checkRanges(values, names, new Set(integers));
  return values;
}
