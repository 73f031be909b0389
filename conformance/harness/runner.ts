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
 *
 * A selection (`--operation`, `--case`, `--filter`) narrows which cases are sent, never what is
 * verified: the manifest is still verified in full, every file of the selected suites is still read
 * and checked, a selector that matches nothing stops the run naming what exists, and each file's
 * account counts its selected cases.
 * @module
 */
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type Fault, type FaultKind, Implementation, isFault } from "./client.js";
import { jsonDifferences } from "./compare.js";
import { MANIFEST, type Manifest, sha256Hex, sha256sums, verifyManifest } from "./manifest.js";
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
  /**
   * The package's own manifest (whose root is the pinned one): a vectors directory whose root differs
   * is accepted as a subset when every file it lists is listed here with the same sha256.
   */
  pinnedManifest?: Manifest;
  /** Only these operations, `suite/op` or `op` (every suite's `op`); all when empty or absent. */
  operations?: string[];
  /** Only these cases, `<suite>/<op>.json#<tcId>`; all when empty or absent. */
  cases?: string[];
  /** Only the cases whose key `<suite>/<op>.json#<tcId>` matches one of these globs ({@link globMatcher}). */
  filters?: string[];
  /** Called with every line exchanged with the implementation and every fault, for `--transcript`. */
  onTranscript?: (entry: TranscriptEntry) => void;
  /** Called after every case. */
  onCase?: (r: CaseResult, done: number, total: number) => void;
}

/** One line of a `--transcript` file: ms since the run started, what happened, the raw line. */
export interface TranscriptEntry {
  t: number;
  /** `start`: a process is started (the hello follows); `request`/`answer`: a protocol line; `fault`: no usable answer. */
  event: "start" | "request" | "answer" | "fault";
  line?: string;
  /** The case a request, answer or fault belongs to (absent for the hello). */
  key?: string;
  detail?: string;
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
  /** On a failed case: the input, the expected answer and the actual one, as JSON text shortened to {@link SHOWN} characters. */
  input?: string;
  expected?: string;
  actual?: string;
  ms: number;
}

export interface FileAccount {
  suite: string;
  file: string;
  /** Cases the manifest lists for the file. */
  declared: number;
  /** Cases the selection kept (= declared without a selection); passed + failed + skipped must equal it. */
  selected?: number;
  passed: number;
  failed: number;
  skipped: number;
}

export interface RunResult {
  impl: string;
  implementation: HelloAnswer["implementation"] | null;
  manifestRoot: string;
  /** The root the vectors were checked against, and whether they had it. */
  pin: {
    expected: string | undefined;
    matched: boolean;
    /** The root differs, but every listed file is a file of the pinned manifest with the same sha256. */
    subset?: boolean;
  };
  /** The implementation's declared capabilities (hello). */
  capabilities?: Record<string, string[]>;
  /** `suite/op` of the run's files that the implementation does not declare (their cases are skipped). */
  undeclared?: string[];
  /** The selection, when one was given: the selectors and how many cases it kept of how many. */
  selection?: { operations: string[]; cases: string[]; filters: string[]; selected: number; of: number } | null;
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
 * The vector file `<suite>/<operation>.json` of a vectors directory, read the way {@link runConformance}
 * reads it: the manifest verified (every sum, the root), the root the expected one unless
 * `allowUnpinned`, the file listed and well formed. For commands that play one file outside the
 * adapter protocol (`pwo consensus exchange`).
 */
export function readPinnedVectorFile(dir: string, path: string, expectRoot: string | undefined, allowUnpinned = false): VectorFile {
  let manifest: Manifest;
  try {
    manifest = verifyManifest(dir);
  } catch (e) {
    throw new SetupError((e as Error).message);
  }
  if (manifest.root !== expectRoot && !allowUnpinned) throw new SetupError(`manifest root ${manifest.root} is not the expected ${expectRoot ?? "(none known)"}: these are not the pinned vectors (--allow-unpinned to use them anyway)`);
  const entry = manifest.files.find((f) => f.path === path && f.kind === "vectors");
  if (!entry) throw new SetupError(`${path}: not listed in ${join(dir, MANIFEST)}`);
  return readVectorFile(dir, entry);
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

/** Characters of an input, expected or actual answer shown for a failed case. */
export const SHOWN = 200;

/** JSON text of `v`, cut to {@link SHOWN} characters with its full length said. */
export const shown = (v: unknown): string => {
  const s = typeof v === "string" ? v : JSON.stringify(v);
  return s.length > SHOWN ? `${s.slice(0, SHOWN - 1)}… (${s.length} chars)` : s;
};

/**
 * A glob over case keys: `*` any run of characters (`/` and `#` included), `?` one character,
 * everything else literal; it must match the whole key (`codec/*#1?`: tcIds 10–19 of every codec file).
 */
export function globMatcher(glob: string): (key: string) => boolean {
  const g = [...glob];
  // the greedy wildcard match with one backtrack point (the last `*`): O(|glob|·|key|), no regex, so a
  // pattern of many stars cannot backtrack exponentially
  return (key) => {
    const k = [...key];
    let i = 0;
    let j = 0;
    let star = -1;
    let mark = 0;
    while (j < k.length) {
      if (i < g.length && (g[i] === "?" || (g[i] !== "*" && g[i] === k[j]))) {
        i++;
        j++;
      } else if (i < g.length && g[i] === "*") {
        star = i++;
        mark = j;
      } else if (star >= 0) {
        i = star + 1;
        j = ++mark;
      } else return false;
    }
    while (i < g.length && g[i] === "*") i++;
    return i === g.length;
  };
}

/**
 * Why a vectors directory with root `m.root` is not a subset of the pinned manifest, or [] when it
 * is: the pinned manifest hashes to `expectRoot` (so its sums are the pinned ones) and every file `m`
 * lists is listed there with the same sha256.
 */
export function subsetProblems(m: Manifest, pinned: Manifest, expectRoot: string): string[] {
  if (sha256Hex(sha256sums(pinned.files)) !== expectRoot) return [`the package's manifest does not hash to the expected root ${expectRoot}`];
  const sums = new Map(pinned.files.map((f) => [f.path, f.sha256]));
  const out: string[] = [];
  for (const f of m.files) {
    const want = sums.get(f.path);
    if (want === undefined) out.push(`${f.path}: not a file of the pinned manifest`);
    else if (want !== f.sha256) out.push(`${f.path}: sha256 ${f.sha256} is not the pinned ${want}`);
  }
  return out;
}

/** The selectors resolved against the run's files: which cases of each file are sent. */
function select(loaded: { entry: Manifest["files"][number]; file: VectorFile }[], opts: RunOptions): Map<string, Set<number>> | null {
  const ops = opts.operations ?? [];
  const wanted = opts.cases ?? [];
  const globs = opts.filters ?? [];
  if (ops.length + wanted.length + globs.length === 0) return null;
  const opName = (l: (typeof loaded)[number]) => `${l.file.suite}/${l.file.operation}`;
  const available = [...new Set(loaded.map(opName))].sort();
  for (const op of ops) {
    if (!loaded.some((l) => opName(l) === op || l.file.operation === op)) throw new SetupError(`unknown operation ${quote(op)}; the selected suites have ${available.join(", ")}`);
  }
  const byPath = new Map(loaded.map((l) => [l.entry.path, l]));
  const picks = new Map<string, Set<number>>();
  for (const c of wanted) {
    const m = /^(.+)#(\d+)$/.exec(c);
    if (!m) throw new SetupError(`--case ${quote(c)}: expected <suite>/<operation>.json#<tcId>, e.g. codec/decode_tx.json#12`);
    const [, path, id] = m as unknown as [string, string, string];
    const l = byPath.get(path) ?? byPath.get(`${path}.json`);
    if (!l) throw new SetupError(`--case ${quote(c)}: no vector file ${quote(path)}; the selected suites have ${[...byPath.keys()].join(", ")}`);
    const ids = l.file.tests.map((t) => t.tcId);
    if (!ids.includes(Number(id))) throw new SetupError(`--case ${quote(c)}: ${l.entry.path} has no tcId ${id}; its tcIds are ${ids[0]}…${ids.at(-1)} (${ids.length} cases)`);
    const set = picks.get(l.entry.path) ?? new Set<number>();
    set.add(Number(id));
    picks.set(l.entry.path, set);
  }
  const matchers = globs.map((g) => ({ g, test: globMatcher(g), hits: 0 }));
  const out = new Map<string, Set<number>>();
  for (const l of loaded) {
    if (ops.length && !ops.some((op) => op === opName(l) || op === l.file.operation)) continue;
    const keep = new Set<number>();
    for (const t of l.file.tests) {
      if (wanted.length && !picks.get(l.entry.path)?.has(t.tcId)) continue;
      const key = `${l.entry.path}#${t.tcId}`;
      if (matchers.length) {
        const hit = matchers.filter((m) => m.test(key));
        for (const m of hit) m.hits++;
        if (hit.length === 0) continue;
      }
      keep.add(t.tcId);
    }
    if (keep.size) out.set(l.entry.path, keep);
  }
  const none = matchers.filter((m) => m.hits === 0).map((m) => quote(m.g));
  if (none.length) throw new SetupError(`--filter ${none.join(", ")} matches no case key (keys are <suite>/<operation>.json#<tcId>, e.g. ${loaded[0] ? `${loaded[0].entry.path}#${loaded[0].file.tests[0]?.tcId}` : "codec/decode_tx.json#1"})`);
  if (out.size === 0) throw new SetupError(`the selection (${[...ops.map((o) => `--operation ${o}`), ...wanted.map((c) => `--case ${c}`), ...globs.map((g) => `--filter ${g}`)].join(" ")}) keeps no case: its selectors do not overlap`);
  return out;
}

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
  const pin = { expected: opts.expectRoot, matched: opts.expectRoot === manifest.root, subset: false };
  // a directory holding some of the pinned files (e.g. vectors/codec/ and its schemas) is pinned file by file
  const subset = !pin.matched && opts.expectRoot !== undefined && opts.pinnedManifest ? subsetProblems(manifest, opts.pinnedManifest, opts.expectRoot) : undefined;
  pin.subset = subset !== undefined && subset.length === 0;
  if (!pin.matched && !pin.subset && !opts.allowUnpinned) {
    throw new SetupError(
      opts.expectRoot === undefined
        ? `no expected manifest root is known (the package's pinned root is missing); give --expect-root ROOT, or --allow-unpinned to run unpinned vectors`
        : `manifest root ${manifest.root} is not the expected ${opts.expectRoot}: these are not the pinned vectors${subset?.length ? `, nor a subset of them (${subset.slice(0, 5).join("; ")}${subset.length > 5 ? `; ${subset.length - 5} more` : ""})` : ""} (give --expect-root for another release, or --allow-unpinned to run them anyway, reported as unpinned)`,
    );
  }
  const files = manifest.files.filter((f) => f.kind === "vectors" && (opts.suites.length === 0 || opts.suites.includes(f.suite)));
  const all = files.map((entry) => ({ entry, file: readVectorFile(opts.vectorsDir, entry) }));
  const selected = select(all, opts);
  const loaded = selected ? all.filter((l) => selected.has(l.entry.path)) : all;
  const total = loaded.reduce((n, l) => n + (selected?.get(l.entry.path)?.size ?? l.entry.cases), 0);

  const record = opts.onTranscript;
  let currentKey: string | undefined;
  const clientOpts = {
    command: opts.impl,
    timeoutMs: opts.timeoutMs,
    maxLine: opts.maxLine,
    onLine: record && ((event: "request" | "answer", line: string) => record({ t: performance.now() - started, event, line, ...(currentKey ? { key: currentKey } : {}) })),
  };
  record?.({ t: performance.now() - started, event: "start", detail: opts.impl });
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
      currentKey = undefined;
      record?.({ t: performance.now() - started, event: "start", detail: opts.impl });
      const next = await Implementation.start(clientOpts);
      if (!isFault(next)) {
        impl = next;
        return;
      }
    }
  };

  for (const { entry, file } of loaded) {
    const keep = selected?.get(entry.path);
    const account: FileAccount = { suite: entry.suite, file: entry.path, declared: entry.cases, selected: keep?.size ?? entry.cases, passed: 0, failed: 0, skipped: 0 };
    accounts.push(account);
    const supported = hello.capabilities[file.suite]?.includes(file.operation) ?? false;
    for (const t of file.tests) {
      if (keep && !keep.has(t.tcId)) continue;
      const base = { suite: file.suite, file: entry.path, operation: file.operation, tcId: t.tcId, comment: t.comment, result: t.result };
      const t0 = performance.now();
      let outcome: Pick<CaseResult, "status" | "kind" | "details" | "actual">;
      if (!supported) outcome = { status: "skipped", details: [`${file.suite}/${file.operation} is not in the implementation's capabilities`] };
      else if (!impl) outcome = { status: "failed", kind: "unavailable", details: [`the implementation could not be restarted after ${restarts} restarts`], actual: "no answer: the implementation is not running" };
      else {
        currentKey = `${entry.path}#${t.tcId}`;
        const answer: Answer | Fault = await impl.request({ id: nextId++, suite: file.suite, operation: file.operation, input: t.input as JsonObject });
        if (isFault(answer)) {
          record?.({ t: performance.now() - started, event: "fault", key: currentKey, detail: `${answer.fault}: ${answer.detail}` });
          outcome = { status: "failed", kind: answer.fault, details: [answer.detail], actual: shown(`no answer (${answer.fault}): ${answer.detail}`) };
          await restart();
        } else {
          outcome = judge(t, answer);
          if (outcome.status === "failed") outcome.actual = shown("error" in answer ? { error: answer.error } : { output: answer.output });
        }
      }
      if (outcome.status === "failed") Object.assign(outcome, { input: shown(t.input), expected: shown(t.result === "valid" ? { output: t.output } : { error: t.error }) });
      const r: CaseResult = { ...base, ...outcome, ms: performance.now() - t0 };
      account[r.status]++;
      cases.push(r);
      opts.onCase?.(r, cases.length, total);
    }
  }
  await (impl as Implementation | undefined)?.close();

  for (const a of accounts) {
    if (a.passed + a.failed + a.skipped !== a.selected || a.selected! > a.declared) problems.push(`${a.file}: accounted for ${a.passed + a.failed + a.skipped} of ${a.selected} selected cases (${a.declared} in the manifest)`);
  }
  const checked = cases.filter((c) => c.status !== "skipped").length;
  if (checked === 0) problems.push("no case was checked: the implementation declared no capability matching the selected vectors");
  const undeclared = [...new Set(loaded.filter((l) => !(hello.capabilities[l.file.suite]?.includes(l.file.operation) ?? false)).map((l) => `${l.file.suite}/${l.file.operation}`))];
  const selection = selected ? { operations: opts.operations ?? [], cases: opts.cases ?? [], filters: opts.filters ?? [], selected: total, of: files.reduce((n, f) => n + f.cases, 0) } : null;
  return { impl: opts.impl, implementation: hello.implementation, manifestRoot: manifest.root, pin, capabilities: hello.capabilities, undeclared, selection, suiteVersion: manifest.suiteVersion, cases, files: accounts, problems, restarts, ms: performance.now() - started };
}

/** True when the run passed: no failed case and no run-level problem. */
export const runPassed = (r: RunResult): boolean => r.problems.length === 0 && r.cases.every((c) => c.status !== "failed");
