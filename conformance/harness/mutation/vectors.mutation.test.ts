/**
 * The test that must kill a mutant of `reference/<suite>/`: every vector of the suite, run in process
 * against the (mutated) reference through the suite's operations, compared exactly as `pwo conform`
 * compares an implementation's answers (conformance/harness/runner.ts). One `it` per case, so
 * Stryker's per-test coverage runs only the cases that reach a mutant.
 *
 * With `PWO_MUTATION_SUITE=common`, every suite's vectors (the scope is reference/common/).
 *
 * The suites (and with them the reference) are imported at the top, outside every test, so Stryker
 * sees code run at import as static and runs every case against its mutants; but the import is
 * caught: a mutant that breaks the reference as it loads (a table built at import time) then fails
 * every case, as it would fail an implementation's every answer. Uncaught, it would fail the file
 * before any test exists, and Stryker would count a mutant with no failing test as survived.
 *
 * Not part of `npm test` (vitest.config.ts excludes `*.mutation.test.ts`); run by
 * `npm run mutation -- <suite>` with `PWO_MUTATION_SUITE=<suite>`.
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Json } from "../operation.js";
import type { Manifest } from "../manifest.js";
import type { VectorFile } from "../vectorfile.js";

const SUITE = process.env["PWO_MUTATION_SUITE"];
if (!SUITE) throw new Error("PWO_MUTATION_SUITE is not set (run through `npm run mutation -- <suite>`)");

const manifest = JSON.parse(readFileSync(join("vectors", "manifest.json"), "utf8")) as Manifest;
// `common` (reference/common/) is no suite: every suite's vectors must kill its mutants
const files = manifest.files.filter((f) => f.kind === "vectors" && (SUITE === "common" || f.suite === SUITE));
if (files.length === 0) throw new Error(`no vector files for ${SUITE}`);

/** The harness and the suites, or why they failed to load (see the module comment). */
const loaded = await Promise.all([import("../../suites.js"), import("../compare.js"), import("../operation.js")]).then(
  ([{ getSuite }, { jsonDifferences }, { runOperation }]) => ({ getSuite, jsonDifferences, runOperation }),
  (e: unknown) => e as Error,
);
const load = () => {
  if (loaded instanceof Error) throw loaded;
  return loaded;
};

for (const entry of files) {
  const file = JSON.parse(readFileSync(join("vectors", entry.path), "utf8")) as VectorFile;
  describe(entry.path, () => {
    for (const t of file.tests) {
      it(`#${t.tcId} ${t.comment}`, () => {
        const { getSuite, jsonDifferences, runOperation } = load();
        const op = getSuite(entry.suite)?.operations.find((o) => o.name === file.operation);
        expect(op, `${entry.suite}/${file.operation}`).toBeDefined();
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
