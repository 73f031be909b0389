/**
 * The runner against good, broken and misbehaving implementations, run as a user runs it: the `pwo`
 * command in a child process. None of the misbehaviours may hang the runner or count as a pass.
 */
import { mkdtempSync, readFileSync, writeFileSync, cpSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { pwo } from "./testing.js";

const FIXTURE = "node conformance/harness/testdata/misbehave.mjs";
const tmp = () => mkdtempSync(join(tmpdir(), "pwo-runner-"));

interface Report {
  passed: boolean;
  problems: string[];
  restarts: number;
  suites: { suite: string; cases: number; passed: number; failed: number; skipped: number }[];
  cases: { key: string; status: string; kind?: string; details?: string[] }[];
  files: { file: string; declared: number; passed: number; failed: number; skipped: number }[];
}

/**
 * The runner's behaviour does not depend on the suite, so these tests run the cheap codec suite only:
 * their cost does not grow with every component's vectors, and a slow case of a heavy suite (a pairing
 * on a loaded machine) cannot trip the short per-case timeout of the hang test. One test runs every
 * suite through the protocol, as `npm start` does.
 */
const SUITE = "codec";

function conform(impl: string, extra: string[] = []): { status: number | null; out: string; report: Report | undefined } {
  const dir = tmp();
  const r = pwo(["conform", "--impl", impl, "--suite", SUITE, "--report-json", join(dir, "r.json"), "--junit", join(dir, "r.xml"), "--quiet", ...extra]);
  let report: Report | undefined;
  try {
    report = JSON.parse(readFileSync(join(dir, "r.json"), "utf8")) as Report;
  } catch {
    report = undefined;
  }
  return { status: r.status, out: r.stdout + r.stderr, report };
}

const manifestCases = (): number =>
  (JSON.parse(readFileSync("vectors/manifest.json", "utf8")) as { files: { suite: string; cases: number }[] }).files.filter((f) => f.suite === SUITE).reduce((n, f) => n + f.cases, 0);

describe("pwo conform", () => {
  it("passes the reference through the protocol and accounts for every case of the manifest", () => {
    const { status, report } = conform("pwo serve");
    expect(status).toBe(0);
    expect(report?.passed).toBe(true);
    expect(report!.cases.length).toBe(manifestCases());
    expect(report!.cases.every((c) => c.status === "passed")).toBe(true);
    for (const f of report!.files) expect(f.passed).toBe(f.declared);
  });

  it("passes the reference on every suite's vectors (what `npm start` runs)", () => {
    const dir = tmp();
    const r = pwo(["conform", "--impl", "pwo serve", "--quiet", "--report-json", join(dir, "all.json")]);
    expect(r.status, r.stdout + r.stderr).toBe(0);
    const report = JSON.parse(readFileSync(join(dir, "all.json"), "utf8")) as Report;
    const total = (JSON.parse(readFileSync("vectors/manifest.json", "utf8")) as { totalCases: number }).totalCases;
    expect(report.cases.length).toBe(total);
    expect(report.cases.every((c) => c.status === "passed")).toBe(true);
  });

  it("writes JUnit XML with one testcase per case", () => {
    const dir = tmp();
    const r = pwo(["conform", "--impl", "pwo serve", "--suite", SUITE, "--quiet", "--junit", join(dir, "j.xml")]);
    expect(r.status).toBe(0);
    const xml = readFileSync(join(dir, "j.xml"), "utf8");
    expect(xml.match(/<testcase /g)?.length).toBe(manifestCases());
    expect(xml).toContain('failures="0"');
  });

  it("fails a lying implementation on every case", () => {
    const { status, report } = conform(`${FIXTURE} lie`);
    expect(status).toBe(1);
    expect(report!.cases.every((c) => c.status === "failed")).toBe(true);
    expect(new Set(report!.cases.map((c) => c.kind))).toEqual(new Set(["mismatch", "accepted-invalid"]));
  });

  const once = { crash: "crash", malformed: "malformed", "wrong-id": "wrong-id", huge: "oversized", "extra-line": "mismatch" } as const;
  for (const [mode, kind] of Object.entries(once)) {
    it(`survives an implementation that misbehaves once (${mode}): that case fails as ${kind}, the rest run after a restart`, () => {
      const { status, report } = conform(`${FIXTURE} ${mode} 5`, ["--max-line", "1000000"]);
      expect(status).toBe(1);
      const failed = report!.cases.filter((c) => c.status === "failed");
      // extra-line: the stray line answers the next request, whose id then differs (wrong-id, restart)
      expect(failed.map((c) => c.kind)).toEqual(mode === "extra-line" ? ["wrong-id"] : [kind]);
      expect(report!.restarts).toBeGreaterThanOrEqual(1);
      expect(report!.cases.length).toBe(manifestCases());
      expect(report!.cases.filter((c) => c.status === "passed").length).toBe(manifestCases() - failed.length);
    });
  }

  it("kills a hanging implementation after the per-case timeout and continues", () => {
    const t0 = Date.now();
    // --timeout also bounds the first handshake: 3 s leaves room for a process start on a loaded 2-core machine
    const { status, report } = conform(`${FIXTURE} hang 4`, ["--timeout", "3000"]);
    expect(status).toBe(1);
    const failed = report!.cases.filter((c) => c.status === "failed");
    expect(failed.map((c) => c.kind)).toEqual(["timeout"]);
    expect(report!.cases.length).toBe(manifestCases());
    expect(Date.now() - t0).toBeLessThan(60_000);
  });

  it("gives up restarting after --max-restarts and fails every remaining case as unavailable", () => {
    const { status, report } = conform(`${FIXTURE} crash 1`, ["--max-restarts", "0"]);
    expect(status).toBe(1);
    expect(report!.cases.every((c) => c.status === "failed")).toBe(true);
    expect(report!.cases.filter((c) => c.kind === "unavailable").length).toBe(manifestCases() - 1);
  });

  it("reports skipped, never passed, for operations outside the declared capabilities, and fails a run that checks nothing", () => {
    const { status, report, out } = conform(`${FIXTURE} no-caps`);
    expect(status).toBe(1);
    expect(report!.cases.every((c) => c.status === "skipped")).toBe(true);
    expect(report!.problems.join(" ")).toMatch(/no case was checked/);
    expect(out).toMatch(/FAIL/);
  });

  for (const mode of ["bad-hello", "old-protocol", "silent-exit"] as const) {
    it(`stops with a setup error when the handshake fails (${mode})`, () => {
      const { status, out } = conform(`${FIXTURE} ${mode}`);
      expect(status).toBe(2);
      expect(out).toMatch(/handshake/);
    });
  }

  it("stops with a setup error when a vector file does not match the manifest", () => {
    const dir = tmp();
    cpSync("vectors", dir, { recursive: true });
    const file = join(dir, "codec/decode_tx.json");
    writeFileSync(file, readFileSync(file, "utf8").replace('"valid"', '"invalid"'));
    const r = pwo(["conform", "--impl", "pwo serve", "--suite", SUITE, "--vectors", dir]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/codec\/decode_tx\.json: sha256 .* differs/);
  });

  it("stops with a setup error on an unlisted file and on an unknown suite", () => {
    const dir = tmp();
    cpSync("vectors", dir, { recursive: true });
    writeFileSync(join(dir, "codec/extra.json"), "{}");
    expect(pwo(["conform", "--impl", "pwo serve", "--vectors", dir]).stderr).toMatch(/extra\.json: present but not in the manifest/);
    const r = pwo(["conform", "--impl", "pwo serve", "--suite", "nosuch"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/unknown suite nosuch/);
  });

  it("rejects bad arguments with the usage and status 2", () => {
    const r = pwo(["conform"]);
    expect(r.status).toBe(2);
    expect(r.stderr).toMatch(/--impl needs a value/);
    const r2 = pwo(["conform", "--impl", "x", "--bogus"]);
    expect(r2.status).toBe(2);
    expect(r2.stderr).toMatch(/bogus/);
    expect(pwo(["conform", "--impl", "x", "--timeout", "soon"]).stderr).toMatch(/--timeout: expected an integer/);
  });
});
