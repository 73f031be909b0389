/**
 * Vector files (Wycheproof-style): one file per (suite, operation), a header then the cases.
 * The shape is normative for third parties and given by the per-file JSON Schema
 * ({@link vectorFileSchema}); docs/vectors.md explains each field.
 * @module
 */
import type { ReasonVocabulary } from "../../reference/common/errors.js";
import type { Suite } from "./suite.js";
import { type Json, type JsonObject, type JsonSchema, type Operation, type Outcome, runOperation } from "./operation.js";

export const VECTOR_FORMAT = "pwo-vectors/1";

interface CaseCommon {
  tcId: number;
  comment: string;
  flags: string[];
  input: JsonObject;
}
export type ValidCase = CaseCommon & { result: "valid"; output: JsonObject };
export type InvalidCase = CaseCommon & { result: "invalid"; error: string };
export type TestCase = ValidCase | InvalidCase;

export interface VectorFile {
  format: typeof VECTOR_FORMAT;
  suite: string;
  operation: string;
  summary: string;
  specVersion: string;
  specSection: string;
  /** Path of this file's JSON Schema, relative to the vectors directory. */
  schema: string;
  /** The label of the seed the cases were generated from. */
  seed: string;
  /** Independent implementations every case of this file was run against, in `npm test`. */
  checkedAgainst: string[];
  numberOfTests: number;
  /** Every flag used by a case, with one line each. */
  flags: Record<string, string>;
  /** Every reason code used by an invalid case, with its meaning from the spec. */
  reasons: Record<string, string>;
  tests: TestCase[];
}

/** A case as a generator writes it: inputs and intent. The expected answer is computed, never typed. */
export interface CaseSpec {
  comment: string;
  flags: string[];
  input: JsonObject;
  /** The generator's intent: `valid`, or the reason code the author meant to provoke. Checked, not copied. */
  expect: "valid" | string;
}

export type SuiteVectorsMeta = Pick<Suite, "specVersion" | "reasons" | "flags" | "checkedAgainst">;

/**
 * Builds the vector file of one operation: runs the reference on each case, records its answer as
 * the expectation, and fails loudly if the answer differs from the author's intent.
 */
export function buildVectorFile(meta: SuiteVectorsMeta, op: Operation, seed: string, specs: readonly CaseSpec[]): VectorFile {
  const tests: TestCase[] = specs.map((s, i) => {
    const outcome: Outcome = runOperation(op, s.input);
    const got = "output" in outcome ? "valid" : outcome.error;
    if (got !== s.expect) throw new Error(`${op.suite}/${op.name} case ${i + 1} (${s.comment}): meant ${s.expect}, reference answered ${got}`);
    const common = { tcId: i + 1, comment: s.comment, flags: [...s.flags].sort(), input: s.input };
    return "output" in outcome ? { ...common, result: "valid", output: outcome.output } : { ...common, result: "invalid", error: outcome.error };
  });
  const usedFlags = [...new Set(tests.flatMap((t) => t.flags))].sort();
  const usedReasons = [...new Set(tests.flatMap((t) => (t.result === "invalid" ? [t.error] : [])))].sort();
  const pick = (from: Record<string, string>, keys: string[], what: string) =>
    Object.fromEntries(
      keys.map((k) => {
        if (!(k in from)) throw new Error(`${op.suite}/${op.name}: ${what} "${k}" is not registered`);
        return [k, from[k] as string];
      }),
    );
  return {
    format: VECTOR_FORMAT,
    suite: op.suite,
    operation: op.name,
    summary: op.summary,
    specVersion: meta.specVersion,
    specSection: op.specSection,
    schema: schemaPath(op),
    seed,
    checkedAgainst: meta.checkedAgainst[op.name] ?? [],
    numberOfTests: tests.length,
    flags: pick(meta.flags, usedFlags, "flag"),
    reasons: pick(meta.reasons, usedReasons, "reason code"),
    tests,
  };
}

export const vectorPath = (suite: string, operation: string): string => `${suite}/${operation}.json`;
export const schemaPath = (op: Pick<Operation, "suite" | "name">): string => `schemas/${op.suite}/${op.name}.schema.json`;

/** The JSON Schema of one operation's vector file: the common envelope with that operation's input and output. */
export function vectorFileSchema(op: Operation, reasons: ReasonVocabulary): JsonSchema {
  const obj = (properties: Record<string, unknown>) => ({ type: "object", properties, required: Object.keys(properties), additionalProperties: false });
  const common = { tcId: { type: "integer", minimum: 1 }, comment: { type: "string" }, flags: { type: "array", items: { type: "string", pattern: "^[A-Z][A-Za-z0-9]*$" }, uniqueItems: true }, input: op.input };
  return {
    $schema: "https://json-schema.org/draft/2020-12/schema",
    $id: `https://pwo-spec.dev/vectors/${schemaPath(op)}`,
    title: `${op.suite}/${op.name} test vectors`,
    ...obj({
      format: { const: VECTOR_FORMAT },
      suite: { const: op.suite },
      operation: { const: op.name },
      summary: { type: "string" },
      specVersion: { type: "string", pattern: "^[0-9]+\\.[0-9]+\\.[0-9]+$" },
      specSection: { type: "string" },
      schema: { const: schemaPath(op) },
      seed: { type: "string" },
      checkedAgainst: { type: "array", items: { type: "string" } },
      numberOfTests: { type: "integer", minimum: 1 },
      flags: { type: "object", additionalProperties: { type: "string" } },
      reasons: { type: "object", propertyNames: { enum: Object.keys(reasons) }, additionalProperties: { type: "string" } },
      tests: {
        type: "array",
        minItems: 1,
        items: {
          oneOf: [
            obj({ ...common, result: { const: "valid" }, output: op.output }),
            obj({ ...common, result: { const: "invalid" }, error: { enum: Object.keys(reasons) } }),
          ],
        },
      },
    }),
  };
}

/** A protocol schema file (a suite's `protocolSchemas`): one JSON value's schema, with its `$id` and title. */
export function protocolSchema(path: string, title: string, schema: JsonSchema): JsonSchema {
  return { $schema: "https://json-schema.org/draft/2020-12/schema", $id: `https://pwo-spec.dev/vectors/${path}`, title, ...schema };
}

/** Canonical serialization of every file this suite writes: 2-space JSON and a final newline. */
export const serializeJson = (v: unknown): string => `${JSON.stringify(v, null, 2)}\n`;

export type { Json };
