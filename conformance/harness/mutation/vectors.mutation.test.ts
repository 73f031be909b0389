/**
 * The test that must kill a mutant of `reference/<suite>/`: every vector of the suite, run in process
 * against the (mutated) reference through the suite's operations, compared exactly as `pwo conform`
 * compares an implementation's answers (conformance/harness/runner.ts). One `it` per case, so
 * Stryker's per-test coverage runs only the cases that reach a mutant.
 *
 * With `PWO_MUTATION_SUITE=common`, every suite's vectors (the scope is reference/common/).
 *
 * Not part of `npm test` (vitest.config.ts excludes `*.mutation.test.ts`); run by
 * `npm run mutation -- <suite>` with `PWO_MUTATION_SUITE=<suite>`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { getSuite } from "../../suites.js";
import { jsonDifferences } from "../compare.js";
import type { Manifest } from "../manifest.js";
import { type Json, runOperation } from "../operation.js";
import type { VectorFile } from "../vectorfile.js";

const SUITE = process.env["PWO_MUTATION_SUITE"];
if (!SUITE) throw new Error("PWO_MUTATION_SUITE is not set (run through `npm run mutation -- <suite>`)");
// `common` (reference/common/) is no suite: every suite's vectors must kill its mutants
if (SUITE !== "common" && !getSuite(SUITE)) throw new Error(`unknown suite ${SUITE}`);

const manifest = JSON.parse(readFileSync(join("vectors", "manifest.json"), "utf8")) as Manifest;
const files = manifest.files.filter((f) => f.kind === "vectors" && (SUITE === "common" || f.suite === SUITE));

for (const entry of files) {
  const file = JSON.parse(readFileSync(join("vectors", entry.path), "utf8")) as VectorFile;
  const op = getSuite(entry.suite)?.operations.find((o) => o.name === file.operation);
  describe(entry.path, () => {
    it("names an operation of the suite", () => expect(op, file.operation).toBeDefined());
    for (const t of file.tests) {
      it(`#${t.tcId} ${t.comment}`, () => {
        const outcome = runOperation(op!, t.input);
        if (t.result === "valid") {
          expect("output" in outcome ? [] : [`rejected with ${(outcome as { error: string }).error}`]).toEqual([]);
          expect(jsonDifferences(t.output as Json, (outcome as { output: Json }).output, "output")).toEqual([]);
        } else {
          expect("error" in outcome ? outcome.error : "(accepted)").toBe(t.error);
        }
      });
    }
  });
}
