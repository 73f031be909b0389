/**
 * The model suite's operations (spec/model.md §Conformance operations): parameter texts in, every
 * intermediate value of §4 out as exact text (a decimal when it terminates, else n/d).
 * @module
 */
import { checkCounts, daSquare, evaluateModel, modelResultToTexts, narwhalRound, PARAMETER_NAMES, samplesForConfidenceExact, toExact as toExactText, turbineHops } from "../../reference/model/index.js";
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
      const v = checkCounts({ block_bytes: getString(input, "block_bytes"), confidence: getString(input, "confidence") }, ["block_bytes", "confidence"], []);
      const confidence = v.confidence!;
      if (confidence.n >= confidence.d) fail("CONFIDENCE_NOT_BELOW_ONE", "confidence must be < 1");
      const sq = daSquare(v.block_bytes!);
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
  op({
    name: "narwhal_round",
    summary: "messages and certificate signature bytes of one Narwhal/Bullshark DAG round among `validators`, with Ed25519 and with BLS aggregation",
    specSection: "spec/model.md#corrections",
    input: objectSchema({ validators: { type: "string" } }),
    output: objectSchema(
      Object.fromEntries(["quorum", "headers", "votes", "certificates", "messages", "ed25519_certificate_bytes", "ed25519_bytes_per_round", "bls_certificate_bytes", "bls_bytes_per_round"].map((k) => [k, INTEGER_TEXT])),
    ),
    run(input) {
      const n = checkCounts({ validators: getString(input, "validators") }, ["validators"], ["validators"]).validators!.n;
      const plain = narwhalRound(n, false);
      const agg = narwhalRound(n, true);
      return {
        quorum: plain.quorum.toString(),
        headers: plain.headers.toString(),
        votes: plain.votes.toString(),
        certificates: plain.certificates.toString(),
        messages: plain.messages.toString(),
        ed25519_certificate_bytes: plain.certificateSignatureBytes.toString(),
        ed25519_bytes_per_round: plain.certificateBytesPerRound.toString(),
        bls_certificate_bytes: agg.certificateSignatureBytes.toString(),
        bls_bytes_per_round: agg.certificateBytesPerRound.toString(),
      };
    },
  }),
  op({
    name: "turbine_hops",
    summary: "hops from the leader to the last of `validators` through a Turbine tree of `fanout`",
    specSection: "spec/model.md#corrections",
    input: objectSchema({ validators: { type: "string" }, fanout: { type: "string" } }),
    output: objectSchema({ hops: INTEGER_TEXT }),
    run(input) {
      const v = checkCounts({ validators: getString(input, "validators"), fanout: getString(input, "fanout") }, ["validators", "fanout"], ["validators", "fanout"]);
      return { hops: String(turbineHops(v.validators!.n, v.fanout!.n)) };
    },
  }),
];
