/**
 * Every suite of the conformance suite, in the order reports list them. Adding a component means
 * adding its Suite here (CONTRIBUTING.md §Adding a component).
 * @module
 */
import { blsSuite } from "./bls/suite.js";
import { codecSuite } from "./codec/suite.js";
import { consensusSuite } from "./consensus/suite.js";
import { daSuite } from "./da/suite.js";
import { execSuite } from "./exec/suite.js";
import type { Suite } from "./harness/suite.js";
import { modelSuite } from "./model/suite.js";

export const SUITES: readonly Suite[] = [codecSuite, blsSuite, daSuite, execSuite, consensusSuite, modelSuite];

export function getSuite(name: string): Suite | undefined {
  return SUITES.find((s) => s.name === name);
}
