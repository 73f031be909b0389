/** The secagg suite as the conformance machinery sees it. */
import { SECAGG_REASONS, SECAGG_RULES } from "../../reference/secagg/index.js";
import type { Suite } from "../harness/suite.js";
import { SECAGG_INPUTS } from "./arbitraries.js";
import { secaggCommand } from "./cli.js";
import { SECAGG_OPERATIONS } from "./operations.js";
import { SECAGG_FLAGS, secaggCases } from "./vectors.js";

export const secaggSuite: Suite = {
  name: "secagg",
  specVersion: "0.1.0",
  reasons: SECAGG_REASONS,
  flags: SECAGG_FLAGS,
  operations: SECAGG_OPERATIONS,
  checkedAgainst: {},
  inputs: SECAGG_INPUTS,
  cases: secaggCases,
  rules: SECAGG_RULES,
  command: secaggCommand,
};
