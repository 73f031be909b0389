/** The model suite as the conformance machinery sees it. */
import { DA_SAMPLING_RULES, EVALUATE_MODEL_RULES, MODEL_REASONS, NARWHAL_ROUND_RULES, TURBINE_HOPS_RULES } from "../../reference/model/index.js";
import type { Suite } from "../harness/suite.js";
import { MODEL_INPUTS } from "./arbitraries.js";
import { modelCommand } from "./cli.js";
import { MODEL_OPERATIONS } from "./operations.js";
import { MODEL_FLAGS, modelCases } from "./vectors.js";

export const modelSuite: Suite = {
  name: "model",
  specVersion: "0.1.0",
  reasons: MODEL_REASONS,
  flags: MODEL_FLAGS,
  operations: MODEL_OPERATIONS,
  checkedAgainst: {},
  inputs: MODEL_INPUTS,
  cases: modelCases,
  command: modelCommand,
  rules: [EVALUATE_MODEL_RULES, DA_SAMPLING_RULES, NARWHAL_ROUND_RULES, TURBINE_HOPS_RULES],
};
