/**
 * Proof of language neutrality: the independent Python implementation in examples/python-adapter
 * passes every codec case it declares through `pwo conform`, and its deliberately broken twin fails,
 * both in the vector run and under differential fuzzing.
 */
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../harness/manifest.js";
import type { VectorFile } from "../harness/vectorfile.js";
import { pwo } from "../harness/testing.js";

const PY = "python3 examples/python-adapter/adapter.py";
const BROKEN = "python3 examples/python-adapter/broken_adapter.py";

interface Report {
  passed: boolean;
  cases: { suite: string; file: string; tcId: number; status: string; kind?: string; comment: string }[];
}

function conform(impl: string): { status: number | null; report: Report } {
  const out = join(mkdtempSync(join(tmpdir(), "pwo-py-")), "r.json");
  const r = pwo(["conform", "--impl", impl, "--suite", "codec", "--quiet", "--report-json", out]);
  return { status: r.status, report: JSON.parse(readFileSync(out, "utf8")) as Report };
}

describe("examples/python-adapter", () => {
  it("passes every case of the operations it declares, and checks every file that names it in checkedAgainst", () => {
    const { status, report } = conform(PY);
    expect(status).toBe(0);
    expect(report.cases.filter((c) => c.status === "failed")).toEqual([]);
    const manifest = JSON.parse(readFileSync("vectors/manifest.json", "utf8")) as Manifest;
    const claimed = manifest.files.filter((f) => f.kind === "vectors" && (JSON.parse(readFileSync(join("vectors", f.path), "utf8")) as VectorFile).checkedAgainst.some((c) => c.startsWith("examples/python-adapter")));
    expect(claimed.length).toBeGreaterThanOrEqual(6);
    for (const f of claimed) {
      const cases = report.cases.filter((c) => c.file === f.path);
      expect(cases.length, f.path).toBe(f.cases);
      expect(cases.every((c) => c.status === "passed"), f.path).toBe(true);
    }
  });

  it("its broken twin fails: overlong varints and a skipped tx-root check are both caught", () => {
    const { status, report } = conform(BROKEN);
    expect(status).toBe(1);
    const failed = report.cases.filter((c) => c.status === "failed");
    // accepted overlong varints, and answers the later rule's code where a pair vector breaks an
    // overlong varint together with a later rule (V3 and V5, T4 and T5…)
    expect(failed.every((c) => c.kind === "accepted-invalid" || c.kind === "wrong-error")).toBe(true);
    expect(failed.some((c) => c.kind === "wrong-error" && c.comment.startsWith("breaks V3 and V5 at once"))).toBe(true);
    const files = new Set(failed.map((c) => c.file));
    expect(files.has("codec/decode_varint.json")).toBe(true);
    expect(files.has("codec/decode_block.json")).toBe(true);
  });

  it("differential fuzzing finds no difference in the Python implementation", () => {
    const r = pwo(["fuzz", "--impl", PY, "--suite", "codec", "--runs", "150"]);
    expect(r.stdout).not.toMatch(/DIFFERENCE/);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/no difference/g)?.length).toBe(6);
  });

  it("differential fuzzing finds, shrinks and prints the broken twin's overlong-varint bug as a vector case", () => {
    const r = pwo(["fuzz", "--impl", BROKEN, "--suite", "codec", "--operation", "decode_varint", "--runs", "300"]);
    expect(r.status).toBe(1);
    expect(r.stdout).toMatch(/decode_varint: DIFFERENCE/);
    // the printed case is an indented JSON object, from its "{" line to the matching "}" line
    const from = r.stdout.indexOf("{", r.stdout.indexOf("as a vector case"));
    const indent = r.stdout.slice(r.stdout.lastIndexOf("\n", from) + 1, from);
    const json = r.stdout.slice(from, r.stdout.indexOf(`\n${indent}}`, from) + indent.length + 2);
    const vectorCase = JSON.parse(json) as { input: { data: string }; result: string; error: string };
    expect(vectorCase.result).toBe("invalid");
    expect(vectorCase.error).toBe("NON_CANONICAL_VARINT");
    expect(vectorCase.input.data.length).toBeLessThanOrEqual(4); // shrunk to a two-byte overlong zero
  });
});
