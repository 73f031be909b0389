/** The shreds suite as the conformance machinery sees it. */
import { SHREDS_REASONS, SHREDS_RULES } from "../../reference/shreds/index.js";
import type { Suite } from "../harness/suite.js";
import { SHREDS_INPUTS } from "./arbitraries.js";
import { shredsCommand } from "./cli.js";
import { SHREDS_OPERATIONS } from "./operations.js";
import { SHREDS_FLAGS, shredsCases } from "./vectors.js";

export const shredsSuite: Suite = {
  name: "shreds",
  specVersion: "0.1.0",
  reasons: SHREDS_REASONS,
  flags: SHREDS_FLAGS,
  operations: SHREDS_OPERATIONS,
  checkedAgainst: {},
  inputs: SHREDS_INPUTS,
  cases: shredsCases,
  rules: SHREDS_RULES,
  command: shredsCommand,
};
