/** The exec suite as the conformance machinery sees it. */
import { EXEC_REASONS, EXEC_RULES } from "../../reference/exec/index.js";
import type { Suite } from "../harness/suite.js";
import { EXEC_INPUTS } from "./arbitraries.js";
import { OPCODE_LABELS, executeBlockLabels } from "./coverage.js";
import { EXEC_OPERATIONS } from "./operations.js";
import { EXEC_FLAGS, execCases } from "./vectors.js";

export const execSuite: Suite = {
  name: "exec",
  specVersion: "0.1.0",
  reasons: EXEC_REASONS,
  flags: EXEC_FLAGS,
  operations: EXEC_OPERATIONS,
  checkedAgainst: {},
  inputs: EXEC_INPUTS,
  cases: execCases,
  rules: EXEC_RULES,
  coverage: {
    universe: (op) => (op === "execute_block" ? [...OPCODE_LABELS, "sig:single", "tx:malformed"] : []),
    labels: (op, input) => (op === "execute_block" ? executeBlockLabels(input) : []),
  },
};
