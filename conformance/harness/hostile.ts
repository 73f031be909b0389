/**
 * `pwo hostile`: the hostile-input campaign (docs/conformance.md §Robustness). Robustness is part of
 * conformance: for every operation of every suite the implementation declares, it sends inputs
 * built from the operation's JSON Schema and its vectors (so a new suite is covered without a line
 * here) in the classes
 *
 *   wrong-type, unknown-field, missing-field, deep-nesting   (answer MUST be BAD_INPUT)
 *   huge-line, huge-count, huge-size, huge-number, at-cap    (any typed answer: beyond the
 *                                                             protocol's limits an implementation MAY refuse)
 *
 * and records for each request the answer kind, its time and the implementation's peak resident
 * memory (VmHWM of its processes, reset before each request through /proc/<pid>/clear_refs). A
 * request fails on a crash, a hang, a malformed answer, INTERNAL, a code outside the suite's and the
 * protocol's vocabulary, a required code not given, an answer slower than the bound, or a peak
 * RSS above the limit.
 * @module
 */
import { readFileSync, readdirSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { type Fault, Implementation, isFault } from "./client.js";
import { SetupError } from "./runner.js";
import { schemaViolation } from "./json.js";
import type { Json, JsonObject, JsonSchema, Operation } from "./operation.js";
import { LIMITS, PROTOCOL_CODES } from "./protocol.js";
import { table } from "./report.js";
import type { Suite } from "./suite.js";
import type { VectorFile } from "./vectorfile.js";

export type HostileClass = "wrong-type" | "unknown-field" | "missing-field" | "deep-nesting" | "huge-line" | "huge-count" | "huge-size" | "huge-number" | "at-cap";

/** One hostile request; the line is built only when sent, so the campaign holds one at a time. */
export interface HostileCase {
  suite: string;
  operation: string;
  cls: HostileClass;
  what: string;
  line(id: number): string;
  /** Codes the protocol requires for this class; undefined: any typed answer. */
  expect?: readonly string[];
  /** The line's id cannot be read (a line over the limit): an answer without an id is the answer. */
  idless?: boolean;
}

export interface HostileOptions {
  suites: readonly Suite[];
  impl: string;
  vectorsDir: string;
  /** Operations of these suites only; all when empty. */
  only: string[];
  /** The full campaign; otherwise the quick one (one request per class and operation, no amplification). */
  full: boolean;
  /** Slowest acceptable answer, ms. */
  boundMs: number;
  /** A request with no answer after this is a hang, ms. */
  timeoutMs: number;
  /** Highest acceptable peak RSS, MiB. */
  rssLimitMiB: number;
  log?: (line: string) => void;
}

export type AnswerKind = "output" | "reason" | "BAD_INPUT" | "BAD_REQUEST" | "UNSUPPORTED" | "INTERNAL" | "unknown-code" | Fault["fault"];

export interface HostileResult {
  suite: string;
  operation: string;
  cls: HostileClass;
  what: string;
  bytes: number;
  kind: AnswerKind;
  code?: string;
  ms: number;
  /** Peak RSS of the implementation during this request, MiB; null where /proc is unavailable. */
  rssMiB: number | null;
  failures: string[];
}

export interface HostileReport {
  impl: string;
  full: boolean;
  boundMs: number;
  rssLimitMiB: number;
  results: HostileResult[];
  restarts: number;
  /** Operations not sent: outside the implementation's capabilities. */
  skipped: string[];
  ms: number;
}

const DEEP = 5000;
const deepText = (n: number): string => `${"[".repeat(n)}${"]".repeat(n)}`;
const PLACEHOLDER = "\u0000pwo-hostile\u0000";
const isObj = (v: unknown): v is JsonObject => typeof v === "object" && v !== null && !Array.isArray(v);

/** A value the schema accepts, for operations without vectors: the first form of each keyword. */
export function exampleOf(schema: JsonSchema): Json {
  const s = schema as Record<string, unknown>;
  if ("const" in s) return s.const as Json;
  if (Array.isArray(s.enum)) return s.enum[0] as Json;
  if (Array.isArray(s.oneOf)) return exampleOf(s.oneOf[0] as JsonSchema);
  if (Array.isArray(s.anyOf)) return exampleOf(s.anyOf[0] as JsonSchema);
  switch (s.type) {
    case "object": {
      const props = (s.properties ?? {}) as Record<string, JsonSchema>;
      return Object.fromEntries(((s.required as string[] | undefined) ?? Object.keys(props)).map((k) => [k, props[k] ? exampleOf(props[k]) : null]));
    }
    case "array":
      return [];
    case "string":
      return typeof s.pattern === "string" && s.pattern.includes("0-9a-f") ? "" : typeof s.pattern === "string" && s.pattern.includes("0-9") ? "0" : "";
    case "integer":
    case "number":
      return typeof s.minimum === "number" ? s.minimum : 0;
    case "boolean":
      return false;
    default:
      return null;
  }
}

/** Every case of an operation's vector file, or [] when the directory has none. */
function vectorCases(dir: string, op: Operation): VectorFile["tests"] {
  try {
    return (JSON.parse(readFileSync(join(dir, `${op.suite}/${op.name}.json`), "utf8")) as VectorFile).tests;
  } catch {
    return [];
  }
}

/** Paths (as key lists) of every value in `v` down to `depth` levels, with the value there. */
function paths(v: Json, depth: number, at: (string | number)[] = []): { path: (string | number)[]; value: Json }[] {
  const out: { path: (string | number)[]; value: Json }[] = [];
  if (depth === 0) return out;
  if (isObj(v)) {
    for (const [k, x] of Object.entries(v)) out.push({ path: [...at, k], value: x }, ...paths(x, depth - 1, [...at, k]));
  } else if (Array.isArray(v) && v.length > 0) out.push(...paths(v[0] as Json, depth - 1, [...at, 0]));
  return out;
}

/** A copy of `v` with the value at `path` replaced. */
function setAt(v: Json, path: readonly (string | number)[], x: Json): Json {
  if (path.length === 0) return x;
  const [head, ...rest] = path;
  if (Array.isArray(v)) return v.map((e, i) => (i === head ? setAt(e, rest, x) : e));
  if (isObj(v)) return { ...v, [head as string]: setAt(v[head as string] as Json, rest, x) };
  return v;
}

const show = (path: readonly (string | number)[]): string => path.map((p) => (typeof p === "number" ? `[${p}]` : `.${p}`)).join("").slice(1) || "(input)";

/** The schema of the value at `path` (following properties and items), or undefined. */
function schemaAt(schema: JsonSchema, path: readonly (string | number)[]): JsonSchema | undefined {
  let s: Record<string, unknown> | undefined = schema as Record<string, unknown>;
  for (const p of path) {
    if (!s) return undefined;
    s = (typeof p === "number" ? s.items : (s.properties as Record<string, unknown> | undefined)?.[p]) as Record<string, unknown> | undefined;
  }
  return s as JsonSchema | undefined;
}

const WRONG_VALUES: Json[] = [123, "x", [], {}, null, true, -1, 1.5];

/** The hostile cases of one operation, in a fixed order. */
export function operationCases(op: Operation, vectorsDir: string, full: boolean): HostileCase[] {
  const cases = vectorCases(vectorsDir, op);
  const base = ((cases.find((t) => t.result === "valid") ?? cases[0])?.input ?? exampleOf(op.input)) as JsonObject;
  const out: HostileCase[] = [];
  const envelope = (id: number, inputText: string) => `{"id":${id},"suite":${JSON.stringify(op.suite)},"operation":${JSON.stringify(op.name)},"input":${inputText}}`;
  const add = (cls: HostileClass, what: string, input: () => string, expect?: readonly string[]) => out.push({ suite: op.suite, operation: op.name, cls, what, line: (id) => envelope(id, input()), expect });
  const withText = (path: readonly (string | number)[], text: () => string) => () => JSON.stringify(setAt(base, path, PLACEHOLDER)).replace(JSON.stringify(PLACEHOLDER), text());
  const top = Object.keys(base);
  const pick = <T>(xs: T[]): T[] => (full ? xs : xs.slice(0, 1));

  add("unknown-field", "an extra top-level field", () => JSON.stringify({ ...base, pwoHostileUnknown: 1 }), ["BAD_INPUT"]);
  for (const k of pick(top)) {
    const rest = { ...base };
    delete rest[k];
    add("missing-field", `without ${k}`, () => JSON.stringify(rest), ["BAD_INPUT"]);
  }
  const all = paths(base, 3);
  for (const { path } of pick(all)) {
    const s = schemaAt(op.input, path);
    const wrong = WRONG_VALUES.filter((w) => schemaViolation(op.input, setAt(base, path, w) as JsonObject) !== null);
    for (const w of full ? wrong.slice(0, 3) : wrong.slice(0, 1)) add("wrong-type", `${show(path)} = ${JSON.stringify(w)}`, () => JSON.stringify(setAt(base, path, w)), ["BAD_INPUT"]);
    if (s) add("deep-nesting", `${show(path)} nested ${DEEP} deep`, withText(path, () => deepText(DEEP)), ["BAD_INPUT"]);
  }
  // one array over the protocol's element limit, with elements cheap to write: refused before decoding
  const arrays = all.filter((p) => Array.isArray(p.value));
  const firstArray = arrays[0];
  if (firstArray) add("huge-count", `${show(firstArray.path)} with ${LIMITS.maxItems + 1} empty strings`, withText(firstArray.path, () => `[${'"",'.repeat(LIMITS.maxItems)}""]`));
  if (!full) return out;

  for (const { path, value } of arrays) {
    const items = value as Json[];
    if (items.length === 0) continue;
    for (const n of [129, 1025, 4097, 65_537]) {
      add("huge-count", `${show(path)} × ${n} (its elements repeated)`, () => JSON.stringify(setAt(base, path, Array.from({ length: n }, (_, i) => items[i % items.length] as Json))));
    }
  }
  for (const { path, value } of all) {
    if (typeof value === "string") {
      const decimal = /^(0|[1-9][0-9]*)$/.test(value) && value !== "";
      const unit = decimal ? "9" : /^([0-9a-f]{2})*$/.test(value) ? "ab" : "a";
      for (const size of [1 << 20, 8 << 20]) add("huge-size", `${show(path)} of ${size} characters`, withText(path, () => `"${unit.repeat(size / unit.length)}"`));
    } else if (typeof value === "number") {
      for (const n of [2 ** 31, 2 ** 53 - 1]) add("huge-number", `${show(path)} = ${n}`, () => JSON.stringify(setAt(base, path, n)));
    }
  }
  for (const t of cases) {
    const f = t.flags ?? [];
    if (f.includes("CostLimit") || f.includes("Limit") || f.includes("Boundary")) add("at-cap", `vector #${t.tcId}: ${t.comment.slice(0, 60)}`, () => JSON.stringify(t.input));
  }
  return out;
}

/** The campaign's cases: every operation's, then one line beyond the protocol's line limit. */
export function* hostileCases(opts: Pick<HostileOptions, "suites" | "vectorsDir" | "full" | "only">): Generator<HostileCase> {
  for (const suite of opts.suites) {
    if (opts.only.length && !opts.only.includes(suite.name)) continue;
    for (const op of suite.operations) yield* operationCases(op, opts.vectorsDir, opts.full);
  }
  const s = opts.suites.find((x) => opts.only.length === 0 || opts.only.includes(x.name));
  const op = s?.operations[0];
  if (op) {
    yield {
      suite: op.suite,
      operation: op.name,
      cls: "huge-line",
      what: `a line of ${LIMITS.maxRequestLine + 1024} bytes`,
      line: (id) => `{"id":${id},"suite":${JSON.stringify(op.suite)},"operation":${JSON.stringify(op.name)},"input":{"x":"${"a".repeat(LIMITS.maxRequestLine)}"}}`,
      idless: true,
    };
  }
}

// ---- memory of the implementation's processes (Linux /proc) ----

/** Pids of the process group led by `leader` (the implementation runs in its own group). */
function groupPids(leader: number): number[] {
  const out: number[] = [];
  let names: string[];
  try {
    names = readdirSync("/proc");
  } catch {
    return out;
  }
  for (const n of names) {
    if (!/^[0-9]+$/.test(n)) continue;
    try {
      const stat = readFileSync(`/proc/${n}/stat`, "utf8");
      const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
      if (Number(fields[2]) === leader) out.push(Number(n)); // field 5, pgrp
    } catch {
      /* gone */
    }
  }
  return out;
}

function vmHwmKiB(pid: number): number | null {
  try {
    const m = /VmHWM:\s+([0-9]+) kB/.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return m ? Number(m[1]) : null;
  } catch {
    return null;
  }
}

/** Resets the peak-RSS mark of each process (writing 5 to clear_refs); false where not possible. */
function resetPeak(pids: readonly number[]): boolean {
  let ok = pids.length > 0;
  for (const p of pids) {
    try {
      writeFileSync(`/proc/${p}/clear_refs`, "5");
    } catch {
      ok = false;
    }
  }
  return ok;
}

const peakMiB = (pids: readonly number[]): number | null => {
  const kib = pids.map(vmHwmKiB).filter((x): x is number => x !== null);
  return kib.length ? Math.max(...kib) / 1024 : null;
};

// ---- the campaign ----

function kindOf(code: string, suite: Suite | undefined): AnswerKind {
  if (code === "BAD_INPUT" || code === "BAD_REQUEST" || code === "UNSUPPORTED" || code === "INTERNAL") return code;
  return suite && code in suite.reasons ? "reason" : "unknown-code";
}

/** Runs the campaign; never throws for the implementation's misbehaviour (that is what it reports). */
export async function runHostile(opts: HostileOptions): Promise<HostileReport> {
  const t0 = performance.now();
  const log = opts.log ?? (() => {});
  const clientOpts = { command: opts.impl, timeoutMs: opts.timeoutMs, maxLine: 64 * 1024 * 1024 };
  let restarts = 0;
  const start = async (): Promise<{ impl: Implementation; pids: number[] }> => {
    const i = await Implementation.start(clientOpts);
    if (isFault(i)) throw new SetupError(`the implementation failed the handshake (${i.detail})`);
    return { impl: i, pids: i.pid === undefined ? [] : groupPids(i.pid) };
  };
  let cur = await start();
  const caps = cur.impl.hello!.capabilities;
  const bySuite = new Map(opts.suites.map((s) => [s.name, s]));
  const results: HostileResult[] = [];
  const skipped = new Set<string>();
  let id = 1;
  let lastOp = "";
  for (const c of hostileCases(opts)) {
    const key = `${c.suite}/${c.operation}`;
    if (!(caps[c.suite]?.includes(c.operation) ?? false) && c.cls !== "huge-line") {
      skipped.add(key);
      continue;
    }
    if (key !== lastOp) {
      log(`hostile: ${key} (${results.length} requests so far)`);
      lastOp = key;
    }
    const line = c.line(id);
    const reset = resetPeak(cur.pids);
    const t = performance.now();
    // a line beyond the reference's own limit may be refused before its id is read
    const answer = await cur.impl.requestLine(id, line, c.idless === true || line.length > LIMITS.maxRequestLine);
    const ms = performance.now() - t;
    id++;
    const rssMiB = reset ? peakMiB(cur.pids) : null;
    const failures: string[] = [];
    let kind: AnswerKind;
    let code: string | undefined;
    if (isFault(answer)) {
      kind = answer.fault;
      failures.push(`${answer.fault}: ${answer.detail.slice(0, 200)}`);
    } else if ("output" in answer) kind = "output";
    else {
      code = answer.error.code;
      kind = kindOf(code, bySuite.get(c.suite));
    }
    if (kind === "INTERNAL") failures.push("INTERNAL");
    if (kind === "unknown-code") failures.push(`code ${code} is in neither the suite's vocabulary nor the protocol's (${Object.keys(PROTOCOL_CODES).join(", ")}, BAD_REQUEST)`);
    if (c.expect && !isFault(answer) && !(code !== undefined && c.expect.includes(code))) failures.push(`answered ${code ?? "an output"}, the protocol requires ${c.expect.join(" or ")}`);
    if (ms > opts.boundMs) failures.push(`answered in ${ms.toFixed(0)} ms, above the bound of ${opts.boundMs} ms`);
    if (rssMiB !== null && rssMiB > opts.rssLimitMiB) failures.push(`peak RSS ${rssMiB.toFixed(0)} MiB, above ${opts.rssLimitMiB} MiB`);
    results.push({ suite: c.suite, operation: c.operation, cls: c.cls, what: c.what, bytes: line.length, kind, ...(code === undefined ? {} : { code }), ms, rssMiB, failures });
    if (isFault(answer)) {
      cur.impl.kill();
      restarts++;
      cur = await start();
    }
  }
  await cur.impl.close();
  return { impl: opts.impl, full: opts.full, boundMs: opts.boundMs, rssLimitMiB: opts.rssLimitMiB, results, restarts, skipped: [...skipped].sort(), ms: performance.now() - t0 };
}

export const hostilePassed = (r: HostileReport): boolean => r.results.every((x) => x.failures.length === 0);

const KIND_COLUMNS: AnswerKind[] = ["output", "reason", "BAD_INPUT", "BAD_REQUEST", "INTERNAL", "timeout", "crash"];

/** The human report: per operation, the answer kinds, failures, slowest answer and peak RSS; then the failures. */
export function hostileText(r: HostileReport, maxFailures = 30): string {
  const by = new Map<string, HostileResult[]>();
  for (const x of r.results) by.set(`${x.suite}/${x.operation}`, [...(by.get(`${x.suite}/${x.operation}`) ?? []), x]);
  const rss = (xs: HostileResult[]) => {
    const v = xs.map((x) => x.rssMiB).filter((m): m is number => m !== null);
    return v.length ? Math.max(...v).toFixed(0) : "-";
  };
  const rows = [...by.entries()].map(([op, xs]) => {
    const slow = xs.reduce((a, b) => (b.ms > a.ms ? b : a));
    return [op, xs.length, ...KIND_COLUMNS.map((k) => xs.filter((x) => x.kind === k).length), xs.filter((x) => x.failures.length).length, slow.ms.toFixed(0), rss(xs)];
  });
  const all = r.results;
  const slowest = all.length ? all.reduce((a, b) => (b.ms > a.ms ? b : a)) : undefined;
  const failed = all.filter((x) => x.failures.length);
  const counts = Object.entries(all.reduce<Record<string, number>>((m, x) => ((m[x.kind] = (m[x.kind] ?? 0) + 1), m), {})).map(([k, n]) => `${k} ${n}`).join(", ");
  const out = [
    `pwo hostile: \`${r.impl}\`, ${r.full ? "full" : "quick"} campaign, bound ${r.boundMs} ms per answer, peak RSS limit ${r.rssLimitMiB} MiB`,
    "",
    table(["operation", "requests", ...KIND_COLUMNS, "failed", "slowest ms", "peak MiB"], rows),
    "",
  ];
  if (r.skipped.length) out.push(`not sent (outside the declared capabilities): ${r.skipped.join(", ")}`, "");
  for (const f of failed.slice(0, maxFailures)) out.push(`  ✗ ${f.suite}/${f.operation} [${f.cls}] ${f.what}: ${f.failures.join("; ")}`);
  if (failed.length) out.push("");
  out.push(`answers: ${counts}`);
  if (slowest) out.push(`slowest answer: ${slowest.ms.toFixed(0)} ms (${slowest.suite}/${slowest.operation} [${slowest.cls}] ${slowest.what}); peak RSS ${rss(all)} MiB`);
  out.push(`${hostilePassed(r) ? "PASS" : "FAIL"}: ${all.length} requests, ${failed.length} failed, ${r.restarts} restart(s), in ${(r.ms / 1000).toFixed(1)} s`);
  return out.join("\n");
}

export const hostileJson = (r: HostileReport): string => `${JSON.stringify({ format: "pwo-hostile-report/1", passed: hostilePassed(r), ...r }, null, 1)}\n`;
