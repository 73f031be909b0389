/** The da suite as the conformance machinery sees it. */
import { DA_REASONS } from "../../reference/da/index.js";
import type { Suite } from "../harness/suite.js";
import { DA_INPUTS } from "./arbitraries.js";
import { LEOPARD_FLAGS, withLeopardCases } from "./leopard-vectors.js";
import { DA_OPERATIONS } from "./operations.js";
import { DA_RULES } from "../../reference/da/rules.js";
import { DA_FLAGS, daCases } from "./vectors.js";

const WASM = "@digitaldefiance/reed-solomon-erasure.wasm 1.0.2 (Rust reed-solomon-erasure compiled to WASM, independent)";

export const daSuite: Suite = {
  name: "da",
  specVersion: "0.1.0",
  reasons: DA_REASONS,
  flags: { ...DA_FLAGS, ...LEOPARD_FLAGS },
  operations: DA_OPERATIONS,
  checkedAgainst: { rs_encode: [WASM] },
  inputs: DA_INPUTS,
  cases: () => withLeopardCases(daCases()),
  rules: DA_RULES,
};
