/**
 * The model suite's vector cases. Inputs are built here; every expected output is computed by the
 * reference (conformance/harness/vectorfile.ts), and `expect` only states the author's intent.
 * @module
 */
import { Rng } from "../../reference/common/rng.js";
import type { Rule } from "../../reference/common/rules.js";
import { DA_SAMPLING_RULES, EVALUATE_MODEL_RULES, NARWHAL_ROUND_RULES, TURBINE_HOPS_RULES, MAX_PARAMETER, MAX_PARAMETER_CHARS, PAPER_PARAMETERS, PARAMETER_NAMES, PARAMETERS, type ParameterName, type ParameterTexts } from "../../reference/model/index.js";
import type { JsonObject } from "../harness/operation.js";
import { pairwiseCases } from "../harness/rules.js";
import type { CaseSpec } from "../harness/vectorfile.js";

export const MODEL_FLAGS: Record<string, string> = {
  Paper: "the paper's base case or one of its §5 sensitivities",
  Random: "a parameter set drawn from the suite's seeded RNG",
  Fraction: "a parameter written as n/d, or a result that does not terminate as a decimal",
  Boundary: "the largest accepted or the smallest rejected value of a range",
  SingleRule: "breaks one rule of the check order",
  PairwiseRules: "breaks two rules at once: the earlier one in the check order answers",
  Rounding: "a value at the edge of a rounding the paper applies (⌈·⌉, ⌊·⌋, ≈)",
};

const COUNTS = PARAMETER_NAMES.filter((p) => PARAMETERS[p].integer);
const base = (): ParameterTexts => ({ ...PAPER_PARAMETERS });
const withSet = (over: Partial<ParameterTexts>): JsonObject => ({ ...base(), ...over });
const valid = (comment: string, input: JsonObject, flags: string[]): CaseSpec => ({ comment, flags, input, expect: "valid" });
const invalid = (comment: string, input: JsonObject, code: string, flags: string[]): CaseSpec => ({ comment, flags, input, expect: code });

const MAX = MAX_PARAMETER.toString();

/** A value breaking exactly rule `id` when put in parameter `p` of an otherwise paper input (null if `p` cannot break it). */
function breaker(id: string, p: ParameterName): Partial<ParameterTexts> | null {
  switch (id) {
    case "M1":
      return { [p]: "NaN" };
    case "M2":
      return { [p]: (MAX_PARAMETER + 1n).toString(), ...(p === "shards" ? { T_target: (MAX_PARAMETER + 1n).toString() } : {}) };
    case "M3":
      return { [p]: "-1" };
    case "M4":
      return { [p]: "0" };
    case "M5":
      return COUNTS.includes(p) ? { [p]: "1.5" } : null;
    default:
      return null;
  }
}

/** An input breaking exactly rules a and b of the table (a before b), each on its own parameter. */
function breakBoth(a: Rule, b: Rule): JsonObject {
  // M6 and M7 are cross-parameter rules: break them through the parameters they name
  const cross: Record<string, Partial<ParameterTexts>> = {
    M6: { T_target: "999", shards: "1000" },
    M7: { shards_subscribed: "1001" },
  };
  if (a.id === "M6" && b.id === "M7") return withSet({ T_target: "2000", shards: "2001", shards_subscribed: "2002" });
  const used = new Set<string>(Object.keys(cross[b.id] ?? cross[a.id] ?? {}));
  const fromRule = (id: string): Partial<ParameterTexts> => {
    if (cross[id]) return cross[id]!;
    // break the per-parameter rule on a parameter the other rule does not touch; M2 on shards would raise shards above T_target
    const p = (id === "M5" ? COUNTS : PARAMETER_NAMES).find((x) => !used.has(x) && x !== "shards" && x !== "T_target" && x !== "shards_subscribed") ?? "B_tx";
    used.add(p);
    return breaker(id, p)!;
  };
  const partA = fromRule(a.id);
  const partB = fromRule(b.id);
  return withSet({ ...partA, ...partB });
}

function evaluateCases(seed: string): CaseSpec[] {
  const rng = new Rng(seed);
  const cases: CaseSpec[] = [
    valid("the paper's base case (§3): every figure of §4", withSet({}), ["Paper"]),
    valid("§5 bandwidth sensitivity: s_avg = 200 (160 Gbps)", withSet({ s_avg: "200" }), ["Paper"]),
    valid("§5 execution sensitivity: t_per_core = 2500 (312.5 machines, ⌈·⌉ = 313)", withSet({ t_per_core: "2500" }), ["Paper"]),
    valid("s_avg from the codec benchmark, per-transaction Ed25519: 2035982/20000 B/tx", withSet({ s_avg: "101.7991" }), []),
    valid("s_avg from the codec benchmark, aggregate signatures: 757497/20000 B/tx", withSet({ s_avg: "37.87485" }), []),
    valid("t_per_core written as a fraction, 15000/3 (= 5000): same figures as the paper", withSet({ t_per_core: "15000/3" }), ["Fraction"]),
    valid("three shards: T_shard = 100000000/3 does not terminate", withSet({ shards: "3", shards_subscribed: "3" }), ["Fraction"]),
    valid("640 shards, 1 core per machine: 20000 machines exactly, ⌈·⌉ leaves a whole number alone", withSet({ shards: "640", cores_per_machine: "1" }), ["Rounding"]),
    valid("BW_machine = 4.095 Mbps exactly, a half at the third significant digit: ≈ 4.1 (half away from zero)", withSet({ T_target: "1000000", s_avg: "0.511875", shards: "1", t_per_core: "7812.5", cores_per_machine: "128", B_tx: "1" }), ["Rounding"]),
    valid("shards per machine exactly whole: E_machine / T_shard = 1", withSet({ shards: "1000", t_per_core: "781.25" }), ["Rounding"]),
  ];
  // boundaries
  for (const p of PARAMETER_NAMES) {
    const over: Partial<ParameterTexts> = { [p]: MAX };
    if (p === "shards" || p === "shards_subscribed") Object.assign(over, { T_target: MAX, shards: MAX });
    cases.push(valid(`${p} = MAX_PARAMETER (10^12), the largest accepted`, withSet(over), ["Boundary"]));
    const overR: Partial<ParameterTexts> = { [p]: `${MAX}.${"0".repeat(25)}1` };
    cases.push(invalid(`${p} = 10^12 + 10^-26, the least excess a 40-character decimal can write`, withSet(overR), "PARAMETER_TOO_LARGE", ["Boundary"]));
  }
  const longest = `1.${"0".repeat(MAX_PARAMETER_CHARS - 2)}`;
  cases.push(valid(`s_avg written in ${MAX_PARAMETER_CHARS} characters, the longest accepted`, withSet({ s_avg: longest }), ["Boundary"]));
  cases.push(invalid(`s_avg written in ${MAX_PARAMETER_CHARS + 1} characters`, withSet({ s_avg: `${longest}0` }), "NOT_A_NUMBER", ["Boundary"]));
  cases.push(valid("t_per_core = 10^-37, the smallest positive value 40 characters write as n/d: huge machine counts, exact", withSet({ t_per_core: `1/1${"0".repeat(37)}` }), ["Boundary", "Fraction"]));
  cases.push(valid("shards = T_target: one transaction per second per shard", withSet({ T_target: "1000" }), ["Boundary"]));
  cases.push(invalid("shards = T_target + 1", withSet({ T_target: "999" }), "SHARDS_EXCEED_TARGET", ["Boundary"]));
  cases.push(invalid("shards = 1000 > T_target = 999.5", withSet({ T_target: "999.5" }), "SHARDS_EXCEED_TARGET", ["Boundary"]));
  cases.push(valid("shards_subscribed = shards: a node verifying every shard", withSet({ shards_subscribed: "1000" }), ["Boundary"]));
  cases.push(invalid("shards_subscribed = shards + 1", withSet({ shards_subscribed: "1001" }), "SUBSCRIBED_EXCEED_SHARDS", ["Boundary"]));
  cases.push(valid("every count = 1, T_target = 1", withSet({ T_target: "1", s_avg: "1", shards: "1", t_per_core: "1", cores_per_machine: "1", B_tx: "1", shards_subscribed: "1" }), ["Boundary"]));
  // each rule alone, on each parameter it applies to
  for (const p of PARAMETER_NAMES) {
    for (const bad of ["NaN", "Infinity", "-Infinity", "1e9", "0x10", "+5", " 5", "5 ", "05", "5.", ".5", "1/0", "1/-3", "+1/3", "1/3 ", "", "١٢٣"]) cases.push(invalid(`${p} = ${JSON.stringify(bad)}: not a finite decimal or n/d`, withSet({ [p]: bad }), "NOT_A_NUMBER", ["SingleRule"]));
    cases.push(invalid(`${p} negative`, withSet({ [p]: "-1" }), "NEGATIVE_PARAMETER", ["SingleRule"]));
    cases.push(invalid(`${p} = -1/1000000, negative and tiny`, withSet({ [p]: "-1/1000000" }), "NEGATIVE_PARAMETER", ["SingleRule", "Boundary"]));
    cases.push(invalid(`${p} = 0`, withSet({ [p]: "0" }), "ZERO_PARAMETER", ["SingleRule"]));
    cases.push(invalid(`${p} = -0: zero, not negative`, withSet({ [p]: "-0" }), "ZERO_PARAMETER", ["SingleRule"]));
    cases.push(invalid(`${p} = 0/7`, withSet({ [p]: "0/7" }), "ZERO_PARAMETER", ["SingleRule", "Fraction"]));
  }
  for (const p of COUNTS) {
    cases.push(invalid(`${p} = 1.5: a count must be an integer`, withSet({ [p]: "1.5" }), "NOT_AN_INTEGER", ["SingleRule"]));
    cases.push(valid(`${p} = 6/3: an integer written as a fraction`, withSet({ [p]: "6/3", ...(p === "shards" ? { shards_subscribed: "1" } : {}) }), ["Fraction"]));
  }
  // pairwise
  cases.push(...pairwiseCases(EVALUATE_MODEL_RULES, breakBoth));
  // random parameter sets
  for (let i = 0; i < 24; i++) {
    const shards = rng.between(1, 5000);
    const t: ParameterTexts = {
      T_target: String(shards * rng.between(1, 200_000)),
      s_avg: `${rng.between(20, 400)}.${rng.between(0, 99)}`,
      shards: String(shards),
      t_per_core: rng.chance(1, 3) ? `${rng.between(100, 100_000)}/${rng.between(1, 9)}` : String(rng.between(100, 100_000)),
      cores_per_machine: String(rng.between(1, 512)),
      B_tx: String(rng.between(1, 20_000)),
      shards_subscribed: String(rng.between(1, shards)),
    };
    cases.push(valid(`random parameter set ${i + 1}`, t, ["Random"]));
  }
  return cases;
}

function samplingCases(): CaseSpec[] {
  const c = (block_bytes: string, confidence: string) => ({ block_bytes, confidence });
  return [
    valid("the paper's shard block, 1000 × 80 B, at 99 %", c("80000", "0.99"), ["Paper"]),
    valid("aggregate-signature shard block (1000 × 37.87485 B) at 99 %", c("37874.85", "0.99"), []),
    valid("per-transaction Ed25519 shard block (1000 × 101.7991 B) at 99.9 %", c("101799.1", "0.999"), []),
    valid("one byte: one share, k = 1", c("1", "0.5"), ["Boundary"]),
    valid("exactly one share's payload (483 B)", c("483", "0.9"), ["Boundary"]),
    valid("one byte more than a share's payload: two shares, k = 2", c("484", "0.9"), ["Boundary"]),
    valid("a full k = 128 square (16384 shares)", c(String(16384 * 483), "0.99"), ["Boundary"]),
    valid("one share beyond a full square: two squares", c(String(16384 * 483 + 1), "0.99"), ["Boundary"]),
    invalid("confidence 0: no target at all", c("80000", "0"), "ZERO_PARAMETER", ["Boundary"]),
    valid("confidence just below 1 (1 − 10^-30), k = 1: every cell", c("1", `0.${"9".repeat(30)}`), ["Boundary"]),
    valid("confidence 1 − 10^-30 at k = 16", c("80000", `0.${"9".repeat(30)}`), ["Boundary"]),
    valid("confidence exactly p(2, 1) = 9/16: one sample reaches it (p ≥ confidence, equality counts)", c("484", "9/16"), ["Boundary", "Fraction"]),
    valid("confidence just above p(2, 1) = 9/16: two samples", c("484", "0.562501"), ["Boundary"]),
    invalid("confidence 1: no finite sample count reaches it", c("80000", "1"), "CONFIDENCE_NOT_BELOW_ONE", ["Boundary"]),
    invalid("confidence above 1", c("80000", "3/2"), "CONFIDENCE_NOT_BELOW_ONE", []),
    invalid("confidence 1 written as 7/7", c("80000", "7/7"), "CONFIDENCE_NOT_BELOW_ONE", ["Boundary", "Fraction"]),
    invalid("block of 0 bytes", c("0", "0.99"), "ZERO_PARAMETER", ["SingleRule"]),
    invalid("negative block", c("-5", "0.99"), "NEGATIVE_PARAMETER", ["SingleRule"]),
    invalid("negative confidence", c("80000", "-0.5"), "NEGATIVE_PARAMETER", ["SingleRule"]),
    invalid("non-finite block", c("Infinity", "0.99"), "NOT_A_NUMBER", ["SingleRule"]),
    invalid("block above MAX_PARAMETER", c((MAX_PARAMETER + 1n).toString(), "0.99"), "PARAMETER_TOO_LARGE", ["Boundary"]),
    valid("block = MAX_PARAMETER: many squares", c(MAX, "0.99"), ["Boundary"]),
    ...pairwiseCases(DA_SAMPLING_RULES, (a, b) => {
      // the first rule on block_bytes, the second on confidence (C6 is confidence's own)
      const onBlock = COUNT_BREAKERS[a.id]!;
      const onConfidence = b.id === "C6" ? "1" : COUNT_BREAKERS[b.id]!;
      return c(onBlock, onConfidence);
    }),
  ];
}

/** A text breaking exactly rule C1…C5 of a count input. */
const COUNT_BREAKERS: Record<string, string> = { C1: "NaN", C2: (MAX_PARAMETER + 1n).toString(), C3: "-1", C4: "0", C5: "1.5" };

function narwhalCases(): CaseSpec[] {
  const n = (validators: string) => ({ validators });
  return [
    valid("one validator: no messages, a quorum of 1", n("1"), ["Boundary"]),
    valid("four validators (f = 1): Q = 3", n("4"), []),
    valid("seven validators: Q = 5", n("7"), []),
    valid("100 validators, the report's default", n("100"), []),
    valid("1000 validators", n("1000"), []),
    valid("n = 10^12, the largest accepted: exact, huge", n(MAX), ["Boundary"]),
    valid("an integer written as a fraction, 12/3", n("12/3"), ["Fraction"]),
    invalid("n = 10^12 + 1", n((MAX_PARAMETER + 1n).toString()), "PARAMETER_TOO_LARGE", ["Boundary"]),
    invalid("zero validators", n("0"), "ZERO_PARAMETER", ["Boundary", "SingleRule"]),
    invalid("negative validators", n("-4"), "NEGATIVE_PARAMETER", ["SingleRule"]),
    invalid("fractional validators", n("4.5"), "NOT_AN_INTEGER", ["SingleRule"]),
    invalid("not a number", n("Infinity"), "NOT_A_NUMBER", ["SingleRule"]),
    ...pairwiseCases(NARWHAL_ROUND_RULES, (a, b) => {
      if (a.id === "C2" && b.id === "C5") return n(`${MAX}.5`);
      if (a.id === "C3" && b.id === "C5") return n("-1.5");
      throw new Error(`narwhal_round: no input breaks ${a.id} and ${b.id}`);
    }),
  ];
}

function turbineCases(): CaseSpec[] {
  const t = (validators: string, fanout: string) => ({ validators, fanout });
  return [
    valid("one validator: the leader sends to it, 1 hop", t("1", "200"), ["Boundary"]),
    valid("201 validators at fanout 200: root + one layer, 2 hops (the largest with 2)", t("201", "200"), ["Boundary"]),
    valid("202 validators at fanout 200: 3 hops (the smallest with 3)", t("202", "200"), ["Boundary"]),
    valid("40201 validators at fanout 200: 3 hops (the largest with 3)", t("40201", "200"), ["Boundary"]),
    valid("40202 validators at fanout 200: 4 hops", t("40202", "200"), ["Boundary"]),
    valid("fanout 1: a chain, one hop per validator", t("1000", "1"), ["Boundary"]),
    valid("fanout 1 and 10^12 validators: answered without 10^12 steps", t(MAX, "1"), ["Boundary"]),
    valid("fanout 2, 10^12 validators", t(MAX, "2"), ["Boundary"]),
    valid("fanout larger than the validator set", t("50", "200"), []),
    invalid("zero fanout", t("100", "0"), "ZERO_PARAMETER", ["SingleRule"]),
    invalid("fractional fanout", t("100", "2.5"), "NOT_AN_INTEGER", ["SingleRule"]),
    invalid("validators above 10^12", t((MAX_PARAMETER + 1n).toString(), "200"), "PARAMETER_TOO_LARGE", ["Boundary"]),
    ...pairwiseCases(TURBINE_HOPS_RULES, (a, b) => t(COUNT_BREAKERS[a.id]!, COUNT_BREAKERS[b.id]!)),
  ];
}

export function modelCases(): Record<string, { seed: string; cases: CaseSpec[] }> {
  return {
    evaluate_model: { seed: "pwo/model/vectors/evaluate_model/v1", cases: evaluateCases("pwo/model/vectors/evaluate_model/v1") },
    da_sampling: { seed: "pwo/model/vectors/da_sampling/v1", cases: samplingCases() },
    narwhal_round: { seed: "pwo/model/vectors/narwhal_round/v1", cases: narwhalCases() },
    turbine_hops: { seed: "pwo/model/vectors/turbine_hops/v1", cases: turbineCases() },
  };
}
