/**
 * The Rust adapter in examples/rust-adapter (standard library only, written from spec/codec.md) is
 * built with cargo and run through `pwo conform` and `pwo fuzz`, as an implementer's CI would run it.
 * Without cargo on the machine the test says so and why, and is reported skipped, never passed.
 */
import { execFileSync, spawnSync } from "node:child_process";
import { mkdtempSync, readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import type { Manifest } from "../harness/manifest.js";
import { pwo } from "../harness/testing.js";
import type { VectorFile } from "../harness/vectorfile.js";

const CRATE = "examples/rust-adapter";
const BIN = `${CRATE}/target/release/pwo-rust-adapter`;
const cargo = spawnSync("cargo", ["--version"], { encoding: "utf8" });
const hasCargo = cargo.status === 0;
if (!hasCargo) console.log(`examples/rust-adapter: skipped, cargo is not installed (${cargo.error?.message ?? cargo.stderr})`);

describe.skipIf(!hasCargo)("examples/rust-adapter", () => {
  it("builds offline with cargo (no dependency beyond std) and its own unit tests pass", () => {
    execFileSync("cargo", ["build", "--release", "--offline", "--quiet", "--manifest-path", `${CRATE}/Cargo.toml`], { stdio: "pipe" });
    const t = spawnSync("cargo", ["test", "--release", "--offline", "--quiet", "--manifest-path", `${CRATE}/Cargo.toml`], { encoding: "utf8" });
    expect(t.status, t.stdout + t.stderr).toBe(0);
  }, 300_000);

  it("passes every codec case of the operations it declares, including every file naming it in checkedAgainst", () => {
    const out = join(mkdtempSync(join(tmpdir(), "pwo-rs-")), "r.json");
    const r = pwo(["conform", "--impl", BIN, "--suite", "codec", "--quiet", "--report-json", out]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(out, "utf8")) as { cases: { file: string; status: string }[] };
    const manifest = JSON.parse(readFileSync("vectors/manifest.json", "utf8")) as Manifest;
    const claimed = manifest.files.filter((f) => f.kind === "vectors" && (JSON.parse(readFileSync(join("vectors", f.path), "utf8")) as VectorFile).checkedAgainst.some((c) => c.startsWith(CRATE)));
    expect(claimed.length).toBe(6);
    for (const f of claimed) {
      const cases = report.cases.filter((c) => c.file === f.path);
      expect(cases.length, f.path).toBe(f.cases);
      expect(cases.every((c) => c.status === "passed"), f.path).toBe(true);
    }
  }, 120_000);

  it("differential fuzzing finds no difference", () => {
    const r = pwo(["fuzz", "--impl", BIN, "--suite", "codec", "--runs", "150"]);
    expect(r.stdout).not.toMatch(/DIFFERENCE/);
    expect(r.status).toBe(0);
    expect(r.stdout.match(/no difference/g)?.length).toBe(6);
  }, 120_000);
});
