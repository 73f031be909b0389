/**
 * The test that must kill a mutant of `reference/<suite>/`: every vector of the suite, run in process
 * against the (mutated) reference through the suite's operations, compared exactly as `pwo conform`
 * compares an implementation's answers (conformance/harness/runner.ts). One `it` per case, so
 * Stryker's per-test coverage runs only the cases that reach a mutant.
 *
 * Not part of `npm test` (vitest.config.ts excludes `*.mutation.test.ts`); run by
 * `npm run mutation -- <suite>` with `PWO_MUTATION_SUITE=<suite>`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../manifest.js";
import type { Json } from "../operation.js";
import type { VectorFile } from "../vectorfile.js";

const SUITE = process.env["PWO_MUTATION_SUITE"];
if (!SUITE) throw new Error("PWO_MUTATION_SUITE is not set (run through `npm run mutation -- <suite>`)");

// The reference is imported here, not statically: a mutant that throws while its module loads (a
// constant built by a mutated function) must fail a test. A failed import fails the file with no
// test at all, which Stryker's vitest runner counts as "survived".
let loaded: { getSuite: typeof import("../../suites.js").getSuite; jsonDifferences: typeof import("../compare.js").jsonDifferences; runOperation: typeof import("../operation.js").runOperation } | undefined;
let loadError: unknown;
try {
  loaded = { ...(await import("../../suites.js")), ...(await import("../compare.js")), ...(await import("../operation.js")) };
} catch (e) {
  loadError = e;
}
if (loadError !== undefined) it("loads the suite's reference", () => { throw loadError; });
const suite = loaded?.getSuite(SUITE);
if (loaded && !suite) throw new Error(`unknown suite ${SUITE}`);
const { jsonDifferences, runOperation } = loaded ?? ({} as NonNullable<typeof loaded>);

const manifest = JSON.parse(readFileSync(join("vectors", "manifest.json"), "utf8")) as Manifest;
const files = manifest.files.filter((f) => f.kind === "vectors" && f.suite === SUITE);

for (const entry of suite ? files : []) {
  const file = JSON.parse(readFileSync(join("vectors", entry.path), "utf8")) as VectorFile;
  const op = suite!.operations.find((o) => o.name === file.operation);
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
