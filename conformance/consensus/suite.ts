/** The consensus suite as the conformance machinery sees it. */
import { CONSENSUS_REASONS, CONSENSUS_RULES } from "../../reference/consensus/index.js";
import type { Suite } from "../harness/suite.js";
import { CONSENSUS_INPUTS } from "./arbitraries.js";
import { consensusCommand } from "./sim/cli.js";
import { CONSENSUS_NODE_SCHEMAS } from "./sim/json.js";
import { CONSENSUS_OPERATIONS } from "./operations.js";
import { CONSENSUS_FLAGS, consensusCases } from "./vectors.js";

export const consensusSuite: Suite = {
  name: "consensus",
  specVersion: "0.1.0",
  reasons: CONSENSUS_REASONS,
  flags: CONSENSUS_FLAGS,
  operations: CONSENSUS_OPERATIONS,
  checkedAgainst: {},
  inputs: CONSENSUS_INPUTS,
  cases: consensusCases,
  command: consensusCommand,
  rules: CONSENSUS_RULES,
  protocolSchemas: CONSENSUS_NODE_SCHEMAS,
};
