/** The bls suite as the conformance machinery sees it. */
import { BLS_REASONS, BLS_RULES } from "../../reference/bls/index.js";
import type { Suite } from "../harness/suite.js";
import { BLS_INPUTS } from "./arbitraries.js";
import { BLS_OPERATIONS } from "./operations.js";
import { BLS_FLAGS, blsCases } from "./vectors.js";

const BLST = "@chainsafe/blst 2.2.0 (native blst, independent)";

export const blsSuite: Suite = {
  name: "bls",
  specVersion: "0.1.0",
  reasons: BLS_REASONS,
  flags: BLS_FLAGS,
  operations: BLS_OPERATIONS,
  checkedAgainst: {
    key_gen: [BLST],
    sk_to_pk: [BLST],
    key_validate: [BLST],
    aggregate: [BLST],
    fast_aggregate_verify: [BLST],
    batch_verify: [BLST],
  },
  inputs: BLS_INPUTS,
  cases: blsCases,
  rules: BLS_RULES,
};
