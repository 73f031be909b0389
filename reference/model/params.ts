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
