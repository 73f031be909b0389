/**
 * `pwo conform`: runs every vector of the selected suites against an implementation through the
 * adapter protocol and accounts for every case (docs/conformance.md).
 *
 * No silent pass: the manifest's sums are verified first; every file it lists is read; each case ends
 * as passed, failed or skipped (operation not in the implementation's declared capabilities); the
 * per-file counts are checked against the manifest; and a run that checks zero cases fails.
 * @module
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Fault, type FaultKind, Implementation, isFault } from "./client.js";
import { jsonDifferences } from "./compare.js";
import { type Manifest, verifyManifest } from "./manifest.js";
import type { Json, JsonObject } from "./operation.js";
import type { Answer, HelloAnswer } from "./protocol.js";
import type { TestCase, VectorFile } from "./vectorfile.js";

export interface RunOptions {
  impl: string;
  vectorsDir: string;
  /** Only these suites; all when empty. */
  suites: string[];
  timeoutMs: number;
  maxLine: number;
  maxRestarts: number;
  /** Called after every case. */
  onCase?: (r: CaseResult, done: number, total: number) => void;
}

export type CaseStatus = "passed" | "failed" | "skipped";
export type FailureKind = "mismatch" | "wrong-error" | "accepted-invalid" | "rejected-valid" | FaultKind;

export interface CaseResult {
  suite: string;
  file: string;
  operation: string;
  tcId: number;
  comment: string;
  result: TestCase["result"];
  status: CaseStatus;
  kind?: FailureKind;
  /** Readable differences or fault details. */
  details?: string[];
  ms: number;
}

export interface FileAccount {
  suite: string;
  file: string;
  declared: number;
  passed: number;
  failed: number;
  skipped: number;
}

export interface RunResult {
  impl: string;
  implementation: HelloAnswer["implementation"] | null;
  manifestRoot: string;
  suiteVersion: string;
  cases: CaseResult[];
  files: FileAccount[];
  /** Run-level problems (accounting, zero cases, unreadable files): any one fails the run. */
  problems: string[];
  restarts: number;
  ms: number;
}

export class SetupError extends Error {
  override readonly name = "SetupError";
}

/** Checks the shape the runner relies on; a full schema check is the vector lint's job. */
function readVectorFile(dir: string, path: string): VectorFile {
  const v = JSON.parse(readFileSync(join(dir, path), "utf8")) as VectorFile;
  if (typeof v.suite !== "string" || typeof v.operation !== "string" || !Array.isArray(v.tests)) throw new Error("not a vector file (suite, operation, tests)");
  for (const t of v.tests) {
    if (!Number.isInteger(t.tcId) || typeof t.input !== "object" || t.input === null) throw new Error(`case ${JSON.stringify(t.tcId)}: needs an integer tcId and an input object`);
    if (t.result === "valid" ? typeof t.output !== "object" : t.result === "invalid" ? typeof t.error !== "string" : true) {
      throw new Error(`case ${t.tcId}: result must be "valid" with an output or "invalid" with an error code, got ${JSON.stringify(t.result)}`);
    }
  }
  return v;
}

const preview = (s: string): string => (s.length > 120 ? `${s.slice(0, 117)}…` : s);

/** Judges one answer against its case. */
export function judge(t: TestCase, answer: Answer): Pick<CaseResult, "status" | "kind" | "details"> {
  if (t.result === "valid") {
    if ("error" in answer) return { status: "failed", kind: "rejected-valid", details: [`rejected a valid input with ${answer.error.code}${answer.error.message ? `: ${answer.error.message}` : ""}`] };
    const diffs = jsonDifferences(t.output as Json, answer.output as Json, "output");
    return diffs.length ? { status: "failed", kind: "mismatch", details: diffs } : { status: "passed" };
  }
  if ("output" in answer) return { status: "failed", kind: "accepted-invalid", details: [`accepted an invalid input; expected error ${t.error}`, `answered output ${preview(JSON.stringify(answer.output))}`] };
  if (answer.error.code !== t.error) return { status: "failed", kind: "wrong-error", details: [`error ${answer.error.code}, expected ${t.error}${answer.error.message ? ` (${answer.error.message})` : ""}`] };
  return { status: "passed" };
}

/** Runs the conformance suite. Throws {@link SetupError} when the run cannot start at all. */
export async function runConformance(opts: RunOptions): Promise<RunResult> {
  const started = performance.now();
  let manifest: Manifest;
  try {
    manifest = verifyManifest(opts.vectorsDir);
  } catch (e) {
    throw new SetupError((e as Error).message);
  }
  const known = new Set(manifest.files.map((f) => f.suite));
  const unknown = opts.suites.filter((s) => !known.has(s));
  if (unknown.length) throw new SetupError(`unknown suite ${unknown.join(", ")}; the vectors have ${[...known].sort().join(", ")}`);
  const files = manifest.files.filter((f) => f.kind === "vectors" && (opts.suites.length === 0 || opts.suites.includes(f.suite)));
  const total = files.reduce((n, f) => n + f.cases, 0);

  const clientOpts = { command: opts.impl, timeoutMs: opts.timeoutMs, maxLine: opts.maxLine };
  const first = await Implementation.start(clientOpts);
  if (isFault(first)) throw new SetupError(`the implementation failed the handshake (${first.detail})`);
  let impl: Implementation | undefined = first;
  const hello = first.hello as HelloAnswer;
  let restarts = 0;
  let nextId = 1;
  const problems: string[] = [];
  const cases: CaseResult[] = [];
  const accounts: FileAccount[] = [];

  /** After a fault, the process is replaced, unless the restart budget is spent. */
  const restart = async (): Promise<void> => {
    impl?.kill();
    impl = undefined;
    while (restarts < opts.maxRestarts) {
      restarts++;
      const next = await Implementation.start(clientOpts);
      if (!isFault(next)) {
        impl = next;
        return;
      }
    }
  };

  for (const entry of files) {
    const account: FileAccount = { suite: entry.suite, file: entry.path, declared: entry.cases, passed: 0, failed: 0, skipped: 0 };
    accounts.push(account);
    let file: VectorFile;
    try {
      file = readVectorFile(opts.vectorsDir, entry.path);
    } catch (e) {
      problems.push(`${entry.path}: unreadable: ${(e as Error).message}`);
      continue;
    }
    if (file.tests.length !== entry.cases || file.numberOfTests !== entry.cases) {
      problems.push(`${entry.path}: ${file.tests.length} cases, header says ${file.numberOfTests}, manifest says ${entry.cases}`);
    }
    const supported = hello.capabilities[file.suite]?.includes(file.operation) ?? false;
    for (const t of file.tests) {
      const base = { suite: file.suite, file: entry.path, operation: file.operation, tcId: t.tcId, comment: t.comment, result: t.result };
      const t0 = performance.now();
      let outcome: Pick<CaseResult, "status" | "kind" | "details">;
      if (!supported) outcome = { status: "skipped", details: [`${file.suite}/${file.operation} is not in the implementation's capabilities`] };
      else if (!impl) outcome = { status: "failed", kind: "unavailable", details: [`the implementation could not be restarted after ${restarts} restarts`] };
      else {
        const answer: Answer | Fault = await impl.request({ id: nextId++, suite: file.suite, operation: file.operation, input: t.input as JsonObject });
        if (isFault(answer)) {
          outcome = { status: "failed", kind: answer.fault, details: [answer.detail] };
          await restart();
        } else outcome = judge(t, answer);
      }
      const r: CaseResult = { ...base, ...outcome, ms: performance.now() - t0 };
      account[r.status]++;
      cases.push(r);
      opts.onCase?.(r, cases.length, total);
    }
  }
  await (impl as Implementation | undefined)?.close();

  for (const a of accounts) {
    if (a.passed + a.failed + a.skipped !== a.declared) problems.push(`${a.file}: accounted for ${a.passed + a.failed + a.skipped} of ${a.declared} cases`);
  }
  const checked = cases.filter((c) => c.status !== "skipped").length;
  if (checked === 0) problems.push("no case was checked: the implementation declared no capability matching the selected vectors");
  return { impl: opts.impl, implementation: hello.implementation, manifestRoot: manifest.root, suiteVersion: manifest.suiteVersion, cases, files: accounts, problems, restarts, ms: performance.now() - started };
}

/** True when the run passed: no failed case and no run-level problem. */
export const runPassed = (r: RunResult): boolean => r.problems.length === 0 && r.cases.every((c) => c.status !== "failed");
