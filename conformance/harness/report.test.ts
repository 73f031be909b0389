/** The CI forms of a run's report: JUnit conventions and GitHub Actions annotations and summary. */
import { describe, expect, it } from "vitest";
import { githubAnnotations, githubStepSummary, junitReport } from "./report.js";
import type { CaseResult, RunResult } from "./runner.js";

const kase = (tcId: number, status: CaseResult["status"], kind?: CaseResult["kind"]): CaseResult => ({
  suite: "codec", file: "codec/decode_tx.json", operation: "decode_tx", tcId, comment: `case ${tcId}, 100% <odd> "name"`, result: "valid", status, kind, details: kind ? [`detail of ${tcId}\nsecond line`] : undefined, ms: 1,
});

const run = (problems: string[] = []): RunResult => ({
  impl: "./my-adapter --flag",
  implementation: { name: "fastcodec", version: "0.3.0" },
  manifestRoot: "ab".repeat(32),
  pin: { expected: "ab".repeat(32), matched: true },
  suiteVersion: "0.1.0",
  cases: [kase(1, "passed"), kase(2, "failed", "mismatch"), kase(3, "failed", "crash"), kase(4, "skipped"), kase(5, "failed", "timeout")],
  files: [],
  problems,
  restarts: 2,
  ms: 12,
});

describe("JUnit report", () => {
  const xml = junitReport(run(["codec/x.json: accounted for 1 of 2 cases"]));

  it("puts totals on <testsuites>, counting faults as errors and wrong answers as failures", () => {
    expect(xml).toMatch(/<testsuites name="pwo conform" tests="6" failures="1" errors="3" skipped="1" time="0.012">/);
    expect(xml).toMatch(/<testsuite name="codec" tests="5" failures="1" errors="2" skipped="1"/);
  });

  it("marks faults of the implementation <error> and wrong answers <failure>", () => {
    expect(xml.match(/<error type="crash"/g)?.length).toBe(1);
    expect(xml.match(/<error type="timeout"/g)?.length).toBe(1);
    expect(xml.match(/<failure type="mismatch"/g)?.length).toBe(1);
    expect(xml).toContain('<error type="run-problem"');
  });

  it("names the implementation, the vectors and the manifest root in <properties>, and each case's file", () => {
    expect(xml).toContain('<property name="implementation.name" value="fastcodec"/>');
    expect(xml).toContain('<property name="implementation.version" value="0.3.0"/>');
    expect(xml).toContain(`<property name="manifest.root" value="${"ab".repeat(32)}"/>`);
    expect(xml).toContain('<property name="impl" value="./my-adapter --flag"/>');
    expect(xml.match(/ file="vectors\/codec\/decode_tx.json"/g)?.length).toBe(5);
    expect(xml).toContain("&lt;odd&gt; &quot;name&quot;");
  });
});

describe("GitHub Actions", () => {
  it("annotates each failed case on its vector file, escaping the workflow-command syntax", () => {
    const lines = githubAnnotations(run()).trimEnd().split("\n");
    expect(lines).toHaveLength(3);
    expect(lines[0]).toBe("::error file=vectors/codec/decode_tx.json,title=codec/decode_tx.json#2 [mismatch]::case 2%2C 100%25 <odd> \"name\": detail of 2%0Asecond line".replace("%2C", ","));
    expect(githubAnnotations({ ...run(), cases: [kase(1, "passed")] })).toBe("");
  });

  it("caps the annotations and says how many more failed", () => {
    const many = { ...run(), cases: Array.from({ length: 60 }, (_, i) => kase(i, "failed", "mismatch")) };
    const lines = githubAnnotations(many, 50).trimEnd().split("\n");
    expect(lines).toHaveLength(51);
    expect(lines[50]).toContain("10 more failed case(s)");
  });

  it("writes a step summary with the verdict, the identity and the per-suite table", () => {
    const md = githubStepSummary(run());
    expect(md).toMatch(/^### pwo conform: FAIL/);
    expect(md).toContain("**fastcodec 0.3.0**");
    expect(md).toContain("| codec | 5 | 1 | 3 | 1 |");
    expect(md).toContain("`codec/decode_tx.json#3` [crash]");
  });

  it("leaves undeclared operations out of the step summary with --declared-only, as the text report does", () => {
    const undeclared: CaseResult = { ...kase(9, "skipped"), suite: "da", file: "da/nmt_root.json", operation: "nmt_root" };
    const r: RunResult = { ...run(), cases: [...run().cases, undeclared], undeclared: ["da/nmt_root"] };
    expect(githubStepSummary(r)).toContain("| da | 1 | 0 | 0 | 1 |");
    const md = githubStepSummary(r, { declaredOnly: true });
    expect(md).not.toContain("| da |");
    expect(md).toContain("| codec | 5 | 1 | 3 | 1 |");
    expect(md).toContain("1 operation(s) not declared, not counted (--declared-only): da/nmt_root");
  });
});
