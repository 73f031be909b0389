/**
 * Reports of a conformance run: a readable table per suite, the failing cases with their differences,
 * and machine forms (JSON keyed by `<suite>/<operation>.json#tcId`, JUnit XML) for CI systems.
 * @module
 */
import type { CaseResult, RunResult } from "./runner.js";
import { runPassed } from "./runner.js";

export interface SuiteTotals {
  suite: string;
  cases: number;
  passed: number;
  failed: number;
  skipped: number;
  ms: number;
}

export function suiteTotals(r: RunResult): SuiteTotals[] {
  const by = new Map<string, SuiteTotals>();
  for (const c of r.cases) {
    const t = by.get(c.suite) ?? { suite: c.suite, cases: 0, passed: 0, failed: 0, skipped: 0, ms: 0 };
    t.cases++;
    t[c.status]++;
    t.ms += c.ms;
    by.set(c.suite, t);
  }
  return [...by.values()];
}

/** A plain-text table: one header, one row per entry, columns padded to their widest cell. */
export function table(header: string[], rows: (string | number)[][]): string {
  const cells = [header, ...rows.map((r) => r.map(String))];
  const widths = header.map((_, i) => Math.max(...cells.map((r) => (r[i] ?? "").length)));
  const line = (r: string[]) => r.map((c, i) => (i === 0 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join("  ");
  return [line(header), widths.map((w) => "-".repeat(w)).join("  "), ...cells.slice(1).map(line)].join("\n");
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)}s`;

export interface TextOptions {
  /** Failed cases shown in detail (default 20). */
  maxFailures?: number;
  /**
   * Hide the suites, files and cases of operations the implementation does not declare from the
   * tables and the totals; they remain as one line "N operations not declared: …".
   */
  declaredOnly?: boolean;
}

/** True for a case skipped because its operation is not declared (what `--declared-only` hides). */
const undeclaredSkip = (r: RunResult, c: Pick<CaseResult, "suite" | "operation" | "status">): boolean =>
  c.status === "skipped" && (r.undeclared ?? []).includes(`${c.suite}/${c.operation}`);

/**
 * The human report: per-suite and per-file tables, then the first failures in detail (input,
 * expected and actual answer). Files whose every case was skipped collapse into one line per suite;
 * with `declaredOnly` they are left out, and so are suites with no declared operation, and their
 * cases are left out of the totals.
 */
export function textReport(r: RunResult, maxFailures: number | TextOptions = 20): string {
  const o: TextOptions = typeof maxFailures === "number" ? { maxFailures } : maxFailures;
  const max = o.maxFailures ?? 20;
  const out: string[] = [];
  const who = r.implementation ? `${r.implementation.name} ${r.implementation.version}` : r.impl;
  out.push(`pwo conform: ${who} (\`${r.impl}\`), vectors ${r.suiteVersion}, manifest root ${r.manifestRoot.slice(0, 16)}…`);
  out.push(
    r.pin.matched
      ? `manifest root pinned: ${r.manifestRoot}`
      : r.pin.subset
        ? `manifest root ${r.manifestRoot}: a subset of the pinned vectors ${r.pin.expected} (every listed file has its pinned sha256)`
        : `UNPINNED (--allow-unpinned): manifest root ${r.manifestRoot}${r.pin.expected ? ` is not the expected ${r.pin.expected}` : ", no expected root known"}`,
  );
  if (r.selection) {
    const s = r.selection;
    const how = [...s.operations.map((x) => `--operation ${x}`), ...s.cases.map((x) => `--case ${x}`), ...s.filters.map((x) => `--filter ${x}`)].join(" ");
    out.push(`selection: ${s.selected} of ${s.of} cases of the selected suites (${how}); the manifest was verified in full`);
  }
  out.push("");
  const hide = o.declaredOnly === true;
  const shownCases = hide ? r.cases.filter((c) => !undeclaredSkip(r, c)) : r.cases;
  const shownRun: RunResult = { ...r, cases: shownCases };
  for (const s of suiteTotals(shownRun)) {
    if (s.skipped === s.cases) {
      out.push(`suite ${s.suite}: ${r.files.filter((f) => f.suite === s.suite).length} file(s), ${s.cases} cases, all skipped (no operation declared)`, "");
      continue;
    }
    const rows: (string | number)[][] = [];
    const collapsed = { files: 0, cases: 0, ms: 0 };
    for (const f of r.files.filter((f) => f.suite === s.suite)) {
      const mine = shownCases.filter((c) => c.file === f.file);
      if (mine.length === 0) continue; // hidden by declaredOnly
      const ms = mine.reduce((n, c) => n + c.ms, 0);
      const selected = f.selected ?? f.declared;
      if (f.skipped === selected && f.skipped > 0) {
        collapsed.files++;
        collapsed.cases += f.skipped;
        collapsed.ms += ms;
        continue;
      }
      rows.push([f.file, selected, f.passed, f.failed, f.skipped, seconds(ms)]);
    }
    if (collapsed.files) rows.push([`(${collapsed.files} file(s) entirely skipped)`, collapsed.cases, 0, 0, collapsed.cases, seconds(collapsed.ms)]);
    rows.push(["total", s.cases, s.passed, s.failed, s.skipped, seconds(s.ms)]);
    out.push(`suite ${s.suite}`, table(["file", "cases", "passed", "failed", "skipped", "time"], rows), "");
  }
  const undeclared = r.undeclared ?? [];
  if (undeclared.length) out.push(`${undeclared.length} operation(s) not declared${hide ? " (hidden: --declared-only)" : ""}: ${undeclared.join(", ")}`, "");
  const failures = r.cases.filter((c) => c.status === "failed");
  if (failures.length) {
    out.push(`${failures.length} failed case(s)${failures.length > max ? `, first ${max}` : ""}:`);
    for (const f of failures.slice(0, max)) {
      out.push(`  ✗ ${f.file}#${f.tcId} [${f.kind}] ${f.comment} (expected ${f.result})`);
      // the answer is shown whole as `actual`; judge's short "answered output" line would repeat it
      for (const d of f.details ?? []) if (!(f.actual !== undefined && d.startsWith("answered output "))) out.push(`      ${d}`);
      if (f.input !== undefined) out.push(`      input:    ${f.input}`);
      if (f.expected !== undefined) out.push(`      expected: ${f.expected}`);
      if (f.actual !== undefined) out.push(`      actual:   ${f.actual}`);
    }
    out.push("");
  }
  for (const p of r.problems) out.push(`run problem: ${p}`);
  const t = suiteTotals(shownRun).reduce((a, s) => ({ cases: a.cases + s.cases, passed: a.passed + s.passed, failed: a.failed + s.failed, skipped: a.skipped + s.skipped }), { cases: 0, passed: 0, failed: 0, skipped: 0 });
  const hidden = r.cases.length - shownCases.length;
  out.push(
    `${runPassed(r) ? "PASS" : "FAIL"}: ${t.passed} passed, ${t.failed} failed, ${t.skipped} skipped of ${t.cases} cases${hidden ? ` of declared operations (${hidden} cases of ${undeclared.length} undeclared operation(s) not counted)` : ""} in ${seconds(r.ms)}${r.restarts ? `; implementation restarted ${r.restarts} time(s)` : ""}`,
  );
  return out.join("\n");
}

/** The JSON report: totals, per-file accounts, and every case keyed by suite, file and tcId. */
export function jsonReport(r: RunResult): string {
  const body = {
    format: "pwo-conform-report/1",
    passed: runPassed(r),
    impl: r.impl,
    implementation: r.implementation,
    suiteVersion: r.suiteVersion,
    manifestRoot: r.manifestRoot,
    pin: r.pin,
    capabilities: r.capabilities ?? {},
    undeclared: r.undeclared ?? [],
    selection: r.selection ?? null,
    restarts: r.restarts,
    ms: Math.round(r.ms),
    problems: r.problems,
    suites: suiteTotals(r).map((s) => ({ ...s, ms: Math.round(s.ms) })),
    files: r.files,
    cases: r.cases.map((c) => ({ key: `${c.file}#${c.tcId}`, ...c, ms: Math.round(c.ms * 1000) / 1000 })),
  };
  return `${JSON.stringify(body, null, 2)}\n`;
}

const xml = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;").replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f]/g, "");

/** Failure kinds that are faults of the implementation (it crashed, hung, lied about the protocol), not wrong answers. */
const FAULTS: ReadonlySet<string> = new Set(["timeout", "crash", "malformed", "wrong-id", "oversized", "handshake", "unavailable"]);
const isFaultCase = (c: CaseResult): boolean => c.status === "failed" && FAULTS.has(c.kind ?? "");

function junitCase(c: CaseResult): string {
  const head = `    <testcase classname="${xml(`${c.suite}.${c.operation}`)}" name="${xml(`${c.file}#${c.tcId} ${c.comment}`)}" file="${xml(`vectors/${c.file}`)}" time="${(c.ms / 1000).toFixed(4)}"`;
  if (c.status === "passed") return `${head}/>`;
  if (c.status === "skipped") return `${head}>\n      <skipped message="${xml((c.details ?? []).join("; "))}"/>\n    </testcase>`;
  const tag = isFaultCase(c) ? "error" : "failure";
  const msg = `[${c.kind}] ${(c.details ?? [])[0] ?? ""}`;
  return `${head}>\n      <${tag} type="${xml(c.kind ?? "failed")}" message="${xml(msg)}">${xml((c.details ?? []).join("\n"))}</${tag}>\n    </testcase>`;
}

/** The run's identity, as JUnit `<properties>`: what was checked, against which vectors. */
function junitProperties(r: RunResult): string {
  const props: [string, string][] = [
    ["impl", r.impl],
    ["implementation.name", r.implementation?.name ?? ""],
    ["implementation.version", r.implementation?.version ?? ""],
    ["vectors.version", r.suiteVersion],
    ["manifest.root", r.manifestRoot],
  ];
  return `    <properties>\n${props.map(([k, v]) => `      <property name="${xml(k)}" value="${xml(v)}"/>`).join("\n")}\n    </properties>`;
}

/**
 * JUnit XML: one testsuite per suite (with the run's identity as properties), one testcase per vector
 * case with the vector file as its `file`; wrong answers are `<failure>`, faults of the
 * implementation (crash, timeout, malformed answer…) are `<error>`, run problems an `<error>` of a
 * testsuite "run"; `<testsuites>` carries the totals.
 */
export function junitReport(r: RunResult): string {
  const suites = suiteTotals(r).map((s) => {
    const cases = r.cases.filter((c) => c.suite === s.suite);
    const errors = cases.filter(isFaultCase).length;
    return `  <testsuite name="${xml(s.suite)}" tests="${s.cases}" failures="${s.failed - errors}" errors="${errors}" skipped="${s.skipped}" time="${(s.ms / 1000).toFixed(3)}">\n${junitProperties(r)}\n${cases.map(junitCase).join("\n")}\n  </testsuite>`;
  });
  if (r.problems.length) {
    suites.push(`  <testsuite name="run" tests="1" failures="0" errors="1" skipped="0" time="0">\n${junitProperties(r)}\n    <testcase classname="run" name="accounting"><error type="run-problem" message="${xml(r.problems[0]!)}">${xml(r.problems.join("\n"))}</error></testcase>\n  </testsuite>`);
  }
  const errors = r.cases.filter(isFaultCase).length + (r.problems.length ? 1 : 0);
  const failures = r.cases.filter((c) => c.status === "failed" && !isFaultCase(c)).length;
  const skipped = r.cases.filter((c) => c.status === "skipped").length;
  const tests = r.cases.length + (r.problems.length ? 1 : 0);
  return `<?xml version="1.0" encoding="UTF-8"?>\n<testsuites name="pwo conform" tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}" time="${(r.ms / 1000).toFixed(3)}">\n${suites.join("\n")}\n</testsuites>\n`;
}

/** `%`, CR and LF escaped as the GitHub Actions workflow-command syntax requires. */
const ghEscape = (s: string, property = false): string => {
  const d = s.replace(/%/g, "%25").replace(/\r/g, "%0D").replace(/\n/g, "%0A");
  return property ? d.replace(/:/g, "%3A").replace(/,/g, "%2C") : d;
};

/**
 * GitHub Actions annotations (one `::error` workflow command per failed case, at most `max`, pointing
 * at the vector file) for a run under `GITHUB_ACTIONS=true`.
 */
export function githubAnnotations(r: RunResult, max = 50): string {
  const failed = r.cases.filter((c) => c.status === "failed");
  const lines = failed.slice(0, max).map((c) => `::error file=${ghEscape(`vectors/${c.file}`, true)},title=${ghEscape(`${c.file}#${c.tcId} [${c.kind}]`, true)}::${ghEscape(`${c.comment}: ${(c.details ?? []).slice(0, 3).join("; ")}`)}`);
  if (failed.length > max) lines.push(`::error title=pwo conform::${failed.length - max} more failed case(s), see the report`);
  for (const p of r.problems) lines.push(`::error title=pwo conform run problem::${ghEscape(p)}`);
  return lines.length ? `${lines.join("\n")}\n` : "";
}

/**
 * The markdown step summary for `$GITHUB_STEP_SUMMARY`: verdict, identity and the per-suite table.
 * With `declaredOnly`, as in the text report, undeclared operations' cases leave the table and
 * their suites with them; one line names the operations.
 */
export function githubStepSummary(r: RunResult, o: Pick<TextOptions, "declaredOnly"> = {}): string {
  const who = r.implementation ? `${r.implementation.name} ${r.implementation.version}` : r.impl;
  const hide = o.declaredOnly === true;
  const shown: RunResult = hide ? { ...r, cases: r.cases.filter((c) => !undeclaredSkip(r, c)) } : r;
  const undeclared = r.undeclared ?? [];
  const rows = suiteTotals(shown)
    .filter((s) => s.cases > 0)
    .map((s) => `| ${s.suite} | ${s.cases} | ${s.passed} | ${s.failed} | ${s.skipped} |`);
  const failed = r.cases.filter((c) => c.status === "failed").slice(0, 20).map((c) => `- \`${c.file}#${c.tcId}\` [${c.kind}] ${c.comment}`);
  return [
    `### pwo conform: ${runPassed(r) ? "PASS" : "FAIL"}`,
    "",
    `Implementation **${who}**, vectors ${r.suiteVersion}, manifest root \`${r.manifestRoot}\``,
    "",
    "| suite | cases | passed | failed | skipped |",
    "| --- | ---: | ---: | ---: | ---: |",
    ...rows,
    ...(hide && undeclared.length ? ["", `${undeclared.length} operation(s) not declared, not counted (--declared-only): ${undeclared.join(", ")}`] : []),
    ...(failed.length ? ["", "First failures:", "", ...failed] : []),
    ...r.problems.map((p) => `- run problem: ${p}`),
    "",
  ].join("\n");
}

/** Progress on stderr: a bar on a terminal, otherwise a line every `everyMs` with counts and rate. */
export function progressReporter(stream: NodeJS.WriteStream, everyMs = 2000): { onCase: (r: CaseResult, done: number, total: number) => void; end: () => void } {
  const t0 = performance.now();
  let last = 0;
  let failed = 0;
  let shown = false;
  return {
    onCase: (r, done, total) => {
      if (r.status === "failed") failed++;
      const now = performance.now();
      if (now - last < (stream.isTTY ? 100 : everyMs) && done !== total) return;
      last = now;
      const rate = done / ((now - t0) / 1000);
      const text = `${r.suite}: ${done}/${total} cases, ${failed} failed, ${rate.toFixed(0)} cases/s`;
      if (stream.isTTY) {
        const width = 30;
        const fill = Math.round((done / Math.max(total, 1)) * width);
        stream.write(`\r[${"#".repeat(fill)}${".".repeat(width - fill)}] ${text}\u001b[K`);
        shown = true;
      } else if (now - t0 >= everyMs) stream.write(`progress: ${text}\n`); // short runs stay quiet
    },
    end: () => {
      if (shown) stream.write("\n");
    },
  };
}
