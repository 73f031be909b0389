/**
 * A suite: one component as the conformance machinery sees it. Every component registers one in
 * conformance/suites.ts; nothing else in the harness knows component names.
 * @module
 */
import type fc from "fast-check";
import type { ReasonVocabulary } from "../../reference/common/errors.js";
import type { RuleTable } from "../../reference/common/rules.js";
import type { Command } from "./command.js";
import type { JsonObject, JsonSchema, Operation } from "./operation.js";
import type { CaseSpec } from "./vectorfile.js";

export interface Suite {
  name: string;
  /** Version of spec/<name>.md the vectors test. */
  specVersion: string;
  /** The closed vocabulary of reason codes (spec §Validity rules). */
  reasons: ReasonVocabulary;
  /** Every flag a case may carry, with one line each. */
  flags: Record<string, string>;
  operations: readonly Operation[];
  /** Operation name → independent implementations run against all its vectors in `npm test`. */
  checkedAgainst: Record<string, string[]>;
  /** Operation name → arbitrary of its JSON input, for `pwo fuzz` and the property tests. */
  inputs: Record<string, fc.Arbitrary<JsonObject>>;
  /** Operation name → the seed label and the cases generated from it. */
  cases(): Record<string, { seed: string; cases: CaseSpec[] }>;
  /**
   * JSON Schemas of a protocol beside the operations (consensus: the `consensus-node` requests and
   * answers of spec/consensus.md §Wire format), by name; written as
   * `vectors/schemas/<name of the suite>/<name>.schema.json` and listed in the manifest.
   */
  protocolSchemas?: Record<string, { title: string; schema: JsonSchema }>;
  /** The suite's own CLI command, `pwo <name> …` (conformance/harness/command.ts); listed by `pwo --help`. */
  command?: Command;
  /**
   * The ordered rule table of each operation that has checks (reference/common/rules.ts). Each is
   * rendered in spec/<name>.md between `<!-- rules:<name>/<operation> -->` markers; a test checks the
   * page matches the data and that every non-exclusive pair has a vector breaking both rules.
   */
  rules?: readonly RuleTable[];
  /**
   * What an input exercises beyond the answer's codes (e.g. exec's opcodes: `opcode:ADD`), for the
   * coverage `pwo fuzz` prints per operation. `universe` lists every label that could be hit, so
   * the fuzzer can print what was not.
   */
  coverage?: { universe(operation: string): readonly string[]; labels(operation: string, input: JsonObject): string[] };
}
