/**
 * `pwo conform`: runs every vector of the selected suites against an implementation through the
 * adapter protocol and accounts for every case (docs/conformance.md).
 *
 * No silent pass, and no way to talk the runner around: the manifest's sums are verified first and its
 * root compared with the root the package ships (or `expectRoot`), a mismatch stopping the run unless
 * `allowUnpinned` (then printed in the report); every file the run selects is read and checked
 * (its place, its suite and operation, unique tcIds, declared counts) before any case is sent; each
 * case ends as passed, failed or skipped (operation not in the implementation's declared
 * capabilities); and a run that checks zero cases fails.
 * @module
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Fault, type FaultKind, Implementation, isFault } from "./client.js";
import { jsonDifferences } from "./compare.js";
import { type Manifest, verifyManifest } from "./manifest.js";
import { quote } from "./json.js";
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
  /** The manifest root the vectors must have: the package's pinned root, or a release's given with --expect-root. */
  expectRoot: string | undefined;
  /** Run even when the root differs from `expectRoot` (or none is known); the report says so. */
  allowUnpinned: boolean;
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
  /** The root the vectors were checked against, and whether they had it. */
  pin: { expected: string | undefined; matched: boolean };
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

/**
 * Reads one listed vector file and checks what the runner relies on, before any of its cases runs:
 * it is the file of the entry's suite and operation (a relabelled file would never run), its
 * `numberOfTests` equals its case count and the manifest's, every tcId is an integer met once, and
 * every case has an input and an expectation. Any failure stops the run (a {@link SetupError}).
 */
function readVectorFile(dir: string, entry: Manifest["files"][number]): VectorFile {
  let v: VectorFile;
  try {
    v = JSON.parse(readFileSync(join(dir, entry.path), "utf8")) as VectorFile;
  } catch (e) {
    throw new SetupError(`${entry.path}: unreadable: ${(e as Error).message.slice(0, 200)}`);
  }
  const where = `${entry.path}:`;
  if (typeof v !== "object" || v === null || typeof v.suite !== "string" || typeof v.operation !== "string" || !Array.isArray(v.tests)) throw new SetupError(`${where} not a vector file (suite, operation, tests)`);
  if (v.suite !== entry.suite || `${v.suite}/${v.operation}.json` !== entry.path) throw new SetupError(`${where} holds ${quote(v.suite)}/${quote(v.operation)}, not the file the manifest lists`);
  if (v.numberOfTests !== entry.cases || v.tests.length !== entry.cases) throw new SetupError(`${where} ${v.tests.length} cases, header says ${quote(v.numberOfTests)}, manifest says ${entry.cases}; no case run`);
  const seen = new Set<number>();
  for (const t of v.tests) {
    if (typeof t !== "object" || t === null || !Number.isSafeInteger(t.tcId) || typeof t.input !== "object" || t.input === null || Array.isArray(t.input)) throw new SetupError(`${where} case ${quote(t?.tcId)}: needs an integer tcId and an input object`);
    if (seen.has(t.tcId)) throw new SetupError(`${where} tcId ${t.tcId} appears twice`);
    seen.add(t.tcId);
    if (t.result === "valid" ? typeof t.output !== "object" || t.output === null : t.result === "invalid" ? typeof t.error !== "string" : true) {
      throw new SetupError(`${where} case ${t.tcId}: result must be "valid" with an output or "invalid" with an error code, got ${quote(t.result)}`);
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
  const pin = { expected: opts.expectRoot, matched: opts.expectRoot === manifest.root };
  if (!pin.matched && !opts.allowUnpinned) {
    throw new SetupError(
      opts.expectRoot === undefined
        ? `no expected manifest root is known (the package's pinned root is missing); give --expect-root ROOT, or --allow-unpinned to run unpinned vectors`
        : `manifest root ${manifest.root} is not the expected ${opts.expectRoot}: these are not the pinned vectors (give --expect-root for another release, or --allow-unpinned to run them anyway, reported as unpinned)`,
    );
  }
  const files = manifest.files.filter((f) => f.kind === "vectors" && (opts.suites.length === 0 || opts.suites.includes(f.suite)));
  const total = files.reduce((n, f) => n + f.cases, 0);
  const loaded = files.map((entry) => ({ entry, file: readVectorFile(opts.vectorsDir, entry) }));

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

  for (const { entry, file } of loaded) {
    const account: FileAccount = { suite: entry.suite, file: entry.path, declared: entry.cases, passed: 0, failed: 0, skipped: 0 };
    accounts.push(account);
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
  return { impl: opts.impl, implementation: hello.implementation, manifestRoot: manifest.root, pin, suiteVersion: manifest.suiteVersion, cases, files: accounts, problems, restarts, ms: performance.now() - started };
}

/** True when the run passed: no failed case and no run-level problem. */
export const runPassed = (r: RunResult): boolean => r.problems.length === 0 && r.cases.every((c) => c.status !== "failed");
