/**
 * `npm run mutation -- <suite> [--shard i/n] [--incremental] [--no-properties]`
 * `npm run mutation -- <suite> --merge n`
 * `npm run mutation -- <suite> --recheck`
 *
 * Mutation testing where the test is the vectors (issue 10 §1). StrykerJS mutates the suite's
 * scope (scope.ts) and runs, against each mutant, the suite's vectors in process
 * (vectors.mutation.test.ts). The mutants the vectors leave alive are then run against the suite's
 * property tests (`conformance/<suite>/*properties*.test.ts`) alone, to tell "killed by properties
 * only" from "survived". Survivors listed in `conformance/<suite>/equivalent-mutants.json` count as
 * equivalent.
 *
 * `common` (reference/common/) is a scope of its own, killed by the vectors of every suite; its files
 * live in conformance/common/.
 *
 * Output: the per-suite table on stdout; the full result in `reports/mutation/<suite>[.shard-i-of-n].json`;
 * for a whole run (no shard, or `--merge`), the committed summary `conformance/<suite>/mutation.json`
 * that `npm run mutation:docs` prints into docs/conformance.md and the spec page.
 *
 * `--incremental` keeps Stryker's incremental file under reports/mutation/ (git-ignored): a rerun
 * tests only mutants whose code or covering tests changed. `--recheck` re-tests only the mutants the
 * last whole run (reports/mutation/<suite>.json) did not count as killed by the vectors, and those it
 * counted killed by a timeout (on a loaded machine a timeout may be a slow survivor); it keeps the
 * others' verdicts: valid after vectors were added, not after the reference or old vectors changed.
 * A `--merge` of all shards counts as a whole run for `--recheck`.
 * Concurrency is 1 (a shared machine).
 * @module
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { getSuite } from "../../suites.js";
import { COMMON, EXCLUSIONS, mutateRange, scopeUnits, shardUnits } from "./scope.js";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "../../../..");
const REPORTS = join(ROOT, "reports", "mutation");
const VECTORS_TEST = "conformance/harness/mutation/vectors.mutation.test.ts";
const VITEST_CONFIG = "conformance/harness/mutation/vitest.config.ts";
const IGNORER = join(dirname(fileURLToPath(import.meta.url)), "ignore-messages.js");

/** How a mutant ended: killed by the vectors, by the properties only, survived both, or equivalent. */
export type Verdict = "vectors" | "properties" | "survived" | "equivalent" | "out-of-reach";

export interface MutantRecord {
  file: string;
  mutator: string;
  original: string;
  replacement: string;
  /** 1-based line and column of the mutated code, as Stryker reports them (for reading; keys do not use them). */
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
  /** 1-based rank among the file's mutants with the same (mutator, original, replacement). */
  occurrence: number;
  /** Stryker's status in the vectors phase (Killed, Timeout, Survived, NoCoverage, RuntimeError…). */
  status: string;
  verdict: Verdict;
  /** The first vector case that killed it, when the vectors did (every one with --all-killers). */
  killedBy?: string;
  killers?: string[];
  reason?: string;
}

export interface EquivalentMutant {
  file: string;
  mutator: string;
  original: string;
  replacement: string;
  /** Only the nth of identical (file, mutator, original, replacement) mutants; all when absent. */
  occurrence?: number;
  /**
   * `equivalent` (the default): no input can tell the mutant from the reference. `out-of-reach`: an
   * input can, but no vector can carry it (a 64 MiB block); the reason says what pins it instead.
   */
  class?: "equivalent" | "out-of-reach";
  reason: string;
}

export interface Counts {
  mutants: number;
  killedByVectors: number;
  killedByPropertiesOnly: number;
  survived: number;
  equivalent: number;
  /** Listed as killable only by an input too large for a vector file. */
  outOfReach: number;
  /** Mutants in message strings, not counted above. */
  ignored: number;
}

export interface SuiteReport {
  suite: string;
  shard: string;
  scope: { files: string[]; excluded: { path: string; names?: readonly string[]; reason: string }[]; ignored: string };
  counts: Counts;
  seconds: number;
  mutants: MutantRecord[];
}

const squash = (s: string): string => s.replace(/\s+/g, " ").trim();

interface StrykerLocation {
  start: { line: number; column: number };
  end: { line: number; column: number };
}
interface StrykerMutantResult {
  fileName: string;
  mutatorName: string;
  replacement: string;
  location: StrykerLocation;
  status: string;
  statusReason?: string;
  killedBy?: string[];
}

/** Runs Stryker over `mutate` with `tests` as the test files; returns its per-mutant results. */
async function stryker(suite: string, phase: string, mutate: string[], tests: string[], incremental: boolean, allKillers = false): Promise<StrykerMutantResult[]> {
  const { Stryker } = await import("@stryker-mutator/core");
  process.env["PWO_MUTATION_SUITE"] = suite;
  process.env["PWO_MUTATION_TESTS"] = tests.join(",");
  mkdirSync(REPORTS, { recursive: true });
  const s = new Stryker({
    packageManager: "npm",
    testRunner: "vitest",
    plugins: ["@stryker-mutator/vitest-runner", IGNORER],
    ignorers: ["pwo-messages"],
    vitest: { configFile: VITEST_CONFIG, related: false },
    coverageAnalysis: "perTest",
    // --all-killers: run every covering test, so killedBy lists every vector that kills the mutant
    disableBail: allKillers,
    concurrency: 1,
    mutate,
    reporters: ["progress"],
    checkers: [],
    // one sandbox folder per suite and phase, so that two runs never share (or delete) one
    tempDirName: `.stryker-tmp/${suite}-${phase}`,
    cleanTempDir: true,
    ignorePatterns: ["dist", "docs", "reports", ".ci", "bench", "examples", "spec", ".stryker-tmp"],
    incremental,
    incrementalFile: join(REPORTS, `${suite}.${phase}.incremental.json`),
    timeoutMS: 10_000,
    thresholds: { high: 100, low: 0, break: null },
    logLevel: "warn",
    fileLogLevel: "off",
  } as never);
  return (await s.runMutationTest()) as unknown as StrykerMutantResult[];
}

/** The source text a mutant replaces (Stryker's results: 1-based lines and columns, end exclusive). */
function originalText(source: string[], loc: StrykerLocation): string {
  const [a, b] = [loc.start.line - 1, loc.end.line - 1];
  const [ca, cb] = [loc.start.column - 1, loc.end.column - 1];
  if (a === b) return source[a]!.slice(ca, cb);
  const lines = [source[a]!.slice(ca), ...source.slice(a + 1, b), source[b]!.slice(0, cb)];
  return lines.join("\n");
}

const keyOf = (m: { file: string; mutator: string; original: string; replacement: string }): string => JSON.stringify([m.file, m.mutator, squash(m.original), squash(m.replacement)]);
const locOf = (file: string, l: StrykerLocation): string => `${file}:${l.start.line}:${l.start.column}-${l.end.line}:${l.end.column}`;

function loadEquivalents(suite: string): EquivalentMutant[] {
  const p = join(ROOT, "conformance", suite, "equivalent-mutants.json");
  return existsSync(p) ? (JSON.parse(readFileSync(p, "utf8")) as { equivalent: EquivalentMutant[] }).equivalent : [];
}

function listed(m: MutantRecord, list: readonly EquivalentMutant[]): EquivalentMutant | undefined {
  return list.find((e) => keyOf(e) === keyOf(m) && (e.occurrence === undefined || e.occurrence === m.occurrence));
}

/** Marks a mutant the vectors left alive as equivalent or out of reach when the suite's list says so. */
function classify(m: MutantRecord, list: readonly EquivalentMutant[]): void {
  const e = listed(m, list);
  m.verdict = e ? (e.class ?? "equivalent") : m.verdict === "properties" ? "properties" : "survived";
  if (e) m.reason = e.reason;
  else delete m.reason;
}

export function count(mutants: readonly MutantRecord[], ignored: number): Counts {
  const n = (v: Verdict) => mutants.filter((m) => m.verdict === v).length;
  return { mutants: mutants.length, killedByVectors: n("vectors"), killedByPropertiesOnly: n("properties"), survived: n("survived"), equivalent: n("equivalent"), outOfReach: n("out-of-reach"), ignored };
}

const DETECTED = new Set(["Killed", "Timeout", "RuntimeError", "CompileError"]);

/** A mutate range (0-based columns) covering exactly one reported mutant (1-based columns). */
const rangeOf = (m: MutantRecord): string => `${m.file}:${m.line}:${m.column - 1}-${m.endLine}:${m.endColumn - 1}`;
const idOf = (m: { file: string; line: number; column: number; endLine: number; endColumn: number; mutator: string; replacement: string }): string =>
  JSON.stringify([m.file, m.line, m.column, m.endLine, m.endColumn, m.mutator, m.replacement]);

/** Sorts, ranks identical mutants per file (occurrence) and applies the equivalent list to the ones the vectors left alive. */
function rank(mutants: MutantRecord[], equivalents: readonly EquivalentMutant[]): MutantRecord[] {
  mutants.sort((a, b) => a.file.localeCompare(b.file) || a.line - b.line || a.column - b.column || a.mutator.localeCompare(b.mutator) || a.replacement.localeCompare(b.replacement));
  const seen = new Map<string, number>();
  for (const m of mutants) {
    const k = keyOf(m);
    m.occurrence = (seen.get(k) ?? 0) + 1;
    seen.set(k, m.occurrence);
    if (m.verdict !== "vectors") classify(m, equivalents);
  }
  return mutants;
}

async function runSuite(suite: string, shard: [number, number] | undefined, incremental: boolean, properties: boolean, recheck?: SuiteReport, allKillers = false): Promise<SuiteReport> {
  const t0 = Date.now();
  const all = scopeUnits(suite, ROOT);
  const units = shard ? shardUnits(all, shard[0], shard[1]) : all;
  const sources = new Map<string, string[]>();
  const source = (f: string) => sources.get(f) ?? (sources.set(f, readFileSync(join(ROOT, f), "utf8").split("\n")), sources.get(f)!);
  // --recheck: only the mutants the previous whole run did not count as killed by the vectors, and of
  // all its mutants only those still in scope (an exclusion added since drops them from the counts)
  if (recheck) recheck = { ...recheck, mutants: recheck.mutants.filter((m) => all.some((u) => u.file === m.file && (u.startLine < m.line || (u.startLine === m.line && u.startColumn <= m.column - 1)) && (m.endLine < u.endLine || (m.endLine === u.endLine && m.endColumn - 1 <= u.endColumn)))) };
  // and the timeouts: a mutant that timed out on a loaded machine may only have been slow, so a
  // recheck (run when the machine is quiet) tests it again rather than trusting the kill
  const mutate = recheck ? [...new Set(recheck.mutants.filter((m) => m.verdict !== "vectors" || m.status === "Timeout").map(rangeOf))] : units.map(mutateRange);
  const results = mutate.length ? await stryker(suite, recheck ? "recheck" : shard ? `shard-${shard[0]}-of-${shard[1]}` : "all", mutate, [VECTORS_TEST], incremental, allKillers) : [];
  const seen = new Map<string, number>();
  const equivalents = loadEquivalents(suite);
  let ignored = 0;
  const mutants: MutantRecord[] = [];
  const byLoc = new Map<string, MutantRecord[]>();
  const sorted = results
    .map((r) => ({ ...r, file: relative(ROOT, resolve(ROOT, r.fileName)) }))
    .sort((a, b) => a.file.localeCompare(b.file) || a.location.start.line - b.location.start.line || a.location.start.column - b.location.start.column || a.mutatorName.localeCompare(b.mutatorName) || a.replacement.localeCompare(b.replacement));
  for (const r of sorted) {
    if (r.status === "Ignored") {
      ignored++;
      continue;
    }
    const original = originalText(source(r.file), r.location);
    const base = { file: r.file, mutator: r.mutatorName, original: squash(original), replacement: squash(r.replacement) };
    const k = keyOf(base);
    const occurrence = (seen.get(k) ?? 0) + 1;
    seen.set(k, occurrence);
    const m: MutantRecord = {
      ...base,
      line: r.location.start.line,
      column: r.location.start.column,
      endLine: r.location.end.line,
      endColumn: r.location.end.column,
      occurrence,
      status: r.status,
      verdict: DETECTED.has(r.status) ? "vectors" : "survived",
    };
    if (m.verdict === "vectors" && r.killedBy?.length) m.killedBy = r.killedBy[0]!;
    if (allKillers && r.killedBy) m.killers = [...r.killedBy].sort();
    if (m.verdict === "survived") classify(m, equivalents);
    mutants.push(m);
    const lk = locOf(r.file, r.location);
    byLoc.set(lk, [...(byLoc.get(lk) ?? []), m]);
  }
  const stale = equivalents.filter((e) => !mutants.some((m) => listed(m, [e]) && m.verdict !== "vectors"));
  // only a whole run sees every mutant, so only it can call an entry stale (a recheck sees only those it re-tests)
  if (!shard && !recheck) for (const e of stale) console.warn(`mutation: equivalent-mutants.json entry matches no surviving mutant: ${JSON.stringify(e)}`);

  const survivors = mutants.filter((m) => m.verdict === "survived");
  // common's own unit tests stand for its properties
  const propertyTests =
    suite === COMMON
      ? ["reference/common/common.test.ts"]
      : readdirSync(join(ROOT, "conformance", suite))
          .filter((f) => /properties.*\.test\.ts$/.test(f))
          .map((f) => `conformance/${suite}/${f}`);
  if (properties && survivors.length && propertyTests.length) {
    // a mutate range takes 0-based columns
    const ranges = [...new Set(survivors.map((m) => `${m.file}:${m.line}:${m.column - 1}-${m.endLine}:${m.endColumn - 1}`))];
    const second = await stryker(suite, shard ? `properties-shard-${shard[0]}-of-${shard[1]}` : "properties", ranges, propertyTests, incremental);
    for (const r of second) {
      if (!DETECTED.has(r.status)) continue;
      const file = relative(ROOT, resolve(ROOT, r.fileName));
      for (const m of byLoc.get(locOf(file, r.location)) ?? []) {
        if (m.verdict === "survived" && m.mutator === r.mutatorName && m.replacement === squash(r.replacement)) m.verdict = "properties";
      }
    }
  }
  if (recheck) {
    const fresh = new Set(mutants.map(idOf));
    const merged = rank([...recheck.mutants.filter((m) => !fresh.has(idOf(m))), ...mutants], equivalents);
    mutants.splice(0, mutants.length, ...merged);
    ignored = recheck.counts.ignored;
  }
  const excluded = (EXCLUSIONS[suite] ?? []).map((x) => ({ ...x }));
  return {
    suite,
    shard: shard ? `${shard[0]}/${shard[1]}` : "all",
    scope: { files: [...new Set(all.map((u) => u.file))], excluded, ignored: "message strings: arguments after the code of fail(…), arguments of new Error/TypeError/RangeError/SpecError" },
    counts: count(mutants, ignored),
    seconds: Math.round((Date.now() - t0) / 1000),
    mutants,
  };
}

function printReport(r: SuiteReport): void {
  const c = r.counts;
  const row = (...cells: (string | number)[]) => cells.map((x, i) => String(x).padStart(i === 0 ? 0 : 10)).join("  ");
  console.log(`\nmutation ${r.suite} (shard ${r.shard}, ${r.seconds}s)`);
  console.log(row("suite    ", "mutants", "vectors", "props-only", "survived", "equivalent", "unreachable", "ignored"));
  console.log(row(r.suite.padEnd(9), c.mutants, c.killedByVectors, c.killedByPropertiesOnly, c.survived, c.equivalent, c.outOfReach, c.ignored));
  console.log(`score (vectors only): ${c.killedByVectors}/${c.mutants - c.equivalent - c.outOfReach}`);
  const live = r.mutants.filter((m) => m.verdict === "survived" || m.verdict === "properties");
  if (live.length) console.log(`\nnot killed by the vectors (${live.length}):`);
  for (const m of live) console.log(`  ${m.file}:${m.line}:${m.column} ${m.mutator} ${JSON.stringify(m.original.slice(0, 60))} → ${JSON.stringify(m.replacement.slice(0, 60))}${m.verdict === "properties" ? " [killed by properties]" : ""}`);
  for (const x of r.scope.excluded) console.log(`excluded: ${x.path}${x.names ? ` (${x.names.join(", ")})` : ""}: ${x.reason}`);
}

/** The committed summary: counts and every mutant the vectors do not kill. */
function writeSummary(r: SuiteReport): void {
  const summary = {
    suite: r.suite,
    command: `npm run mutation -- ${r.suite}`,
    counts: r.counts,
    seconds: r.seconds,
    scope: r.scope,
    notKilledByVectors: r.mutants
      .filter((m) => m.verdict !== "vectors")
      .map(({ file, line, mutator, original, replacement, occurrence, verdict, reason }) => ({ file, line, mutator, original, replacement, occurrence, verdict, ...(reason ? { reason } : {}) })),
  };
  mkdirSync(join(ROOT, "conformance", r.suite), { recursive: true });
  writeFileSync(join(ROOT, "conformance", r.suite, "mutation.json"), `${JSON.stringify(summary, null, 2)}\n`);
}

function merge(suite: string, n: number): SuiteReport {
  const parts = Array.from({ length: n }, (_, i) => {
    const p = join(REPORTS, `${suite}.shard-${i + 1}-of-${n}.json`);
    if (!existsSync(p)) throw new Error(`mutation --merge: missing ${relative(ROOT, p)} (run --shard ${i + 1}/${n} first)`);
    return JSON.parse(readFileSync(p, "utf8")) as SuiteReport;
  });
  // occurrences are per file; a file can span two shards, so rank again over the merged list
  const mutants = rank(parts.flatMap((p) => p.mutants), loadEquivalents(suite));
  const ignored = parts.reduce((s, p) => s + p.counts.ignored, 0);
  return { ...parts[0]!, shard: "all", counts: count(mutants, ignored), seconds: parts.reduce((s, p) => s + p.seconds, 0), mutants };
}

async function main(argv: string[]): Promise<number> {
  const suiteName = argv.find((a) => !a.startsWith("--") && !/^\d+(\/\d+)?$/.test(a));
  const opt = (name: string) => {
    const i = argv.indexOf(name);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  if (!suiteName || !(getSuite(suiteName) || suiteName === COMMON)) {
    console.error("usage: npm run mutation -- <suite|common> [--shard i/n] [--incremental] [--no-properties] [--recheck] | <suite|common> --merge n");
    return 2;
  }
  const mergeN = opt("--merge");
  if (mergeN) {
    const r = merge(suiteName, Number(mergeN));
    // the merged report stands for a whole run, so --recheck can start from it
    writeFileSync(join(REPORTS, `${suiteName}.json`), `${JSON.stringify(r, null, 2)}\n`);
    writeSummary(r);
    printReport(r);
    return 0;
  }
  const shardArg = opt("--shard");
  let shard: [number, number] | undefined;
  if (shardArg) {
    const m = /^(\d+)\/(\d+)$/.exec(shardArg);
    if (!m) throw new RangeError(`--shard: expected i/n, got ${shardArg}`);
    shard = [Number(m[1]), Number(m[2])];
    if (shard[1] === 1) shard = undefined;
  }
  let recheck: SuiteReport | undefined;
  if (argv.includes("--recheck")) {
    const p = join(REPORTS, `${suiteName}.json`);
    if (shard || !existsSync(p)) throw new Error(`mutation --recheck: needs a previous whole run's ${relative(ROOT, p)} and no --shard`);
    recheck = JSON.parse(readFileSync(p, "utf8")) as SuiteReport;
  }
  const r = await runSuite(suiteName, shard, argv.includes("--incremental"), !argv.includes("--no-properties"), recheck, argv.includes("--all-killers"));
  // the summary keeps the whole run's time: what a run from scratch costs
  if (recheck) {
    console.log(`recheck took ${r.seconds}s; the whole run took ${recheck.seconds}s`);
    r.seconds = recheck.seconds;
  }
  mkdirSync(REPORTS, { recursive: true });
  writeFileSync(join(REPORTS, shard ? `${suiteName}.shard-${shard[0]}-of-${shard[1]}.json` : `${suiteName}.json`), `${JSON.stringify(r, null, 2)}\n`);
  if (!shard) writeSummary(r);
  printReport(r);
  return 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (e: unknown) => {
    console.error(e);
    process.exit(1);
  },
);
