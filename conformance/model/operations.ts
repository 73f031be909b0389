/**
 * The model suite's operations (spec/model.md §Conformance operations): parameter texts in, every
 * intermediate value of §4 out as exact text (a decimal when it terminates, else n/d).
 * @module
 */
import { checkRanges, daSquare, evaluateModel, modelResultToTexts, PARAMETER_NAMES, readParameter, samplesForConfidenceExact, toExact as toExactText } from "../../reference/model/index.js";
import { fail } from "../../reference/model/errors.js";
import { getString, objectSchema, type JsonObject, type JsonSchema, type Operation } from "../harness/operation.js";

const op = (o: Omit<Operation, "suite">): Operation => ({ suite: "model", ...o });

/** Exact text of a value: a terminating decimal, or n/d in lowest terms. */
const EXACT_SCHEMA: JsonSchema = { type: "string", pattern: "^-?(0|[1-9][0-9]*)(\\.[0-9]*[1-9])?$|^-?[1-9][0-9]*/[1-9][0-9]*$" };
const INTEGER_TEXT: JsonSchema = { type: "string", pattern: "^(0|[1-9][0-9]*)$" };

/** The output fields of evaluate_model, in spec order. */
export const MODEL_OUTPUT_FIELDS = [
  "S_total",
  "B_global",
  "B_global_gbps",
  "T_shard",
  "E_machine",
  "machines_per_shard",
  "shards_per_machine",
  "total_machines_exact",
  "BW_machine_gbps",
  "BW_machine_mbps",
  "blocks_per_sec_shard",
  "aggregate_verifications_per_sec",
  "shards_per_machine_whole",
  "total_machines",
  "BW_machine_mbps_approx",
] as const;

const WHOLE = new Set(["shards_per_machine_whole", "total_machines"]);

/** Parameter texts from JSON: strings only (their syntax is rule M1's to judge, not the schema's). */
export function parametersFromJson(o: JsonObject): Record<(typeof PARAMETER_NAMES)[number], string> {
  return Object.fromEntries(PARAMETER_NAMES.map((p) => [p, getString(o, p)])) as Record<(typeof PARAMETER_NAMES)[number], string>;
}

export const MODEL_OPERATIONS: readonly Operation[] = [
  op({
    name: "evaluate_model",
    summary: "every intermediate value of seed paper §4 for a parameter set, exact, with the paper's roundings",
    specSection: "spec/model.md#model",
    input: objectSchema(Object.fromEntries(PARAMETER_NAMES.map((p) => [p, { type: "string" }]))),
    output: objectSchema(Object.fromEntries(MODEL_OUTPUT_FIELDS.map((k) => [k, WHOLE.has(k) ? INTEGER_TEXT : EXACT_SCHEMA]))),
    run(input) {
      const texts = modelResultToTexts(evaluateModel(parametersFromJson(input)));
      return Object.fromEntries(MODEL_OUTPUT_FIELDS.map((k) => [k, texts[k]!]));
    },
  }),
  op({
    name: "da_sampling",
    summary: "the square a shard block of `block_bytes` bytes is published as, and the samples a light node needs for `confidence`",
    specSection: "spec/model.md#data-availability",
    input: objectSchema({ block_bytes: { type: "string" }, confidence: { type: "string" } }),
    output: objectSchema({ shares: INTEGER_TEXT, squares: INTEGER_TEXT, k: INTEGER_TEXT, extended_bytes: INTEGER_TEXT, commitment_bytes: INTEGER_TEXT, expansion: EXACT_SCHEMA, samples: INTEGER_TEXT }),
    run(input) {
      const blockBytes = readParameter("block_bytes", getString(input, "block_bytes"));
      const confidence = readParameter("confidence", getString(input, "confidence"));
      checkRanges({ block_bytes: blockBytes, confidence }, ["block_bytes", "confidence"], new Set());
      if (confidence.n >= confidence.d) fail("PARAMETER_TOO_LARGE", "confidence must be < 1");
      const sq = daSquare(blockBytes);
      return {
        shares: sq.shares.toString(),
        squares: sq.squares.toString(),
        k: String(sq.k),
        extended_bytes: sq.extendedBytes.toString(),
        commitment_bytes: sq.commitmentBytes.toString(),
        expansion: toExactText(sq.expansion),
        samples: String(samplesForConfidenceExact(sq.k, confidence)),
      };
    },
  }),
];
