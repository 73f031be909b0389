/**
 * `pwo fuzz`: differential fuzzing of an implementation against the reference. fast-check draws each
 * operation's inputs from the suite's arbitraries; a difference in answer (output or reason code) or
 * any protocol fault is a counterexample, which fast-check shrinks and this module prints as a
 * ready-to-commit vector case.
 * @module
 */
import fc from "fast-check";
import { Implementation, isFault } from "./client.js";
import { SetupError } from "./runner.js";
import { jsonDifferences } from "./compare.js";
import type { Json, JsonObject, Operation, Outcome } from "./operation.js";
import { BadInput, runOperation } from "./operation.js";
import type { Suite } from "./suite.js";

export interface FuzzOptions {
  suites: readonly Suite[];
  impl: string;
  suite: string;
  /** Only these operations; all the implementation declares when empty. */
  operations: string[];
  runs: number;
  seed: number;
  timeoutMs: number;
  log: (line: string) => void;
}

/** The reference's answer in the protocol's terms: output, or an error code (BAD_INPUT for schema misfits). */
function referenceAnswer(op: Operation, input: JsonObject): Outcome {
  try {
    return runOperation(op, input);
  } catch (e) {
    if (e instanceof BadInput) return { error: "BAD_INPUT" };
    throw e;
  }
}

/**
 * The codes an answer carries: its error code, or every `reason`/`error`/`code` string inside its
 * output (exec's per-transaction reasons), or `key=true|false` for its top-level boolean fields
 * (the verdicts of predicate operations). What "rules hit" counts.
 */
export function answerCodes(answer: Outcome): string[] {
  if ("error" in answer) return [answer.error];
  const out = new Set<string>();
  const walk = (v: unknown, key: string | null): void => {
    if (Array.isArray(v)) for (const x of v) walk(x, key);
    else if (v !== null && typeof v === "object") for (const [k, x] of Object.entries(v)) walk(x, k);
    else if (typeof v === "string" && key !== null && ["reason", "error", "code"].includes(key)) out.add(v);
  };
  walk(answer.output, null);
  for (const [k, v] of Object.entries(answer.output)) if (typeof v === "boolean") out.add(`${k}=${v}`);
  return [...out].sort();
}

/** Per-operation coverage: how often each code and each suite label was hit. */
export class Coverage {
  readonly codes = new Map<string, number>();
  readonly labels = new Map<string, number>();
  inputs = 0;
  add(codes: readonly string[], labels: readonly string[]): void {
    this.inputs++;
    for (const c of codes) this.codes.set(c, (this.codes.get(c) ?? 0) + 1);
    for (const l of new Set(labels)) this.labels.set(l, (this.labels.get(l) ?? 0) + 1);
  }
  /** Lines to print: codes answered, the rule table's codes not hit, suite labels hit / missed. */
  report(ruleCodes: readonly string[], universe: readonly string[]): string[] {
    const fmt = (m: Map<string, number>) => [...m].sort((a, b) => (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k}×${n}`).join(" ");
    const lines = [`codes answered: ${fmt(this.codes) || "none (every answer an output without codes)"}`];
    if (ruleCodes.length > 0) {
      const hit = ruleCodes.filter((c) => this.codes.has(c));
      const missed = ruleCodes.filter((c) => !this.codes.has(c));
      lines.push(`rules hit: ${hit.length}/${ruleCodes.length}${missed.length ? ` (not hit: ${missed.join(", ")})` : ""}`);
    }
    if (universe.length > 0) {
      const missed = universe.filter((l) => !this.labels.has(l));
      lines.push(`labels hit: ${universe.length - missed.length}/${universe.length}${missed.length ? ` (not hit: ${missed.join(", ")})` : ""}`);
    }
    return lines;
  }
}

/** Returns true when no difference was found. */
export async function runFuzz(o: FuzzOptions): Promise<boolean> {
  const suite = o.suites.find((s) => s.name === o.suite);
  if (!suite) throw new SetupError(`unknown suite "${o.suite}"; known: ${o.suites.map((s) => s.name).join(", ")}`);
  const start = () => Implementation.start({ command: o.impl, timeoutMs: o.timeoutMs, maxLine: 64 * 1024 * 1024 });
  let impl = await start();
  if (isFault(impl)) throw new SetupError(`the implementation failed the handshake (${impl.detail})`);
  const declared = impl.hello?.capabilities[suite.name] ?? [];
  const ops = suite.operations.filter((op) => declared.includes(op.name) && (o.operations.length === 0 || o.operations.includes(op.name)));
  if (ops.length === 0) throw new SetupError(`the implementation declares no ${suite.name} operation to fuzz (it declares: ${declared.join(", ") || "none"})`);
  o.log(`pwo fuzz: ${suite.name}, ${ops.length} operation(s), ${o.runs} runs each, seed ${o.seed}`);
  let nextId = 1;
  let clean = true;
  const suiteCodes = new Set<string>();
  for (const op of ops) {
    const arb = suite.inputs[op.name];
    if (!arb) {
      o.log(`  ${op.name}: no input arbitrary defined; not fuzzed`);
      clean = false;
      continue;
    }
    let last: string[] = [];
    const t0 = performance.now();
    const coverage = new Coverage();
    const property = fc.asyncProperty(arb, async (input) => {
      if (isFault(impl)) impl = await start();
      if (isFault(impl)) throw new Error(`implementation unavailable: ${impl.detail}`);
      const expected = referenceAnswer(op, input);
      coverage.add(answerCodes(expected), suite.coverage?.labels(op.name, input) ?? []);
      const got = await impl.request({ id: nextId++, suite: suite.name, operation: op.name, input });
      if (isFault(got)) {
        impl.kill();
        impl = await start();
        last = [`[${got.fault}] ${got.detail}`];
        return false;
      }
      const gotOutcome: Outcome = "output" in got ? { output: got.output } : { error: got.error.code };
      last = jsonDifferences(expected as unknown as Json, gotOutcome as unknown as Json, "answer");
      return last.length === 0;
    });
    const details = await fc.check(property, { numRuns: o.runs, seed: o.seed, endOnFailure: false });
    const ruleCodes = [...new Set((suite.rules ?? []).filter((t) => t.operation === op.name).flatMap((t) => t.rules.map((r) => r.code)))];
    const covered = coverage.report(ruleCodes, suite.coverage?.universe(op.name) ?? []).map((l) => `    ${l}`);
    for (const c of coverage.codes.keys()) suiteCodes.add(c);
    if (!details.failed) {
      o.log(`  ${op.name}: ${details.numRuns} inputs, no difference (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
      for (const l of covered) o.log(l);
      continue;
    }
    for (const l of covered) o.log(l);
    clean = false;
    const [input] = details.counterexample as [JsonObject];
    const expected = referenceAnswer(op, input);
    // Re-run the shrunk input so the differences printed are those of the minimal case.
    if (isFault(impl)) impl = await start();
    if (!isFault(impl)) {
      const got = await impl.request({ id: nextId++, suite: suite.name, operation: op.name, input });
      last = isFault(got) ? [`[${got.fault}] ${got.detail}`] : jsonDifferences(expected as unknown as Json, ("output" in got ? { output: got.output } : { error: got.error.code }) as unknown as Json, "answer");
    }
    const vectorCase = {
      comment: `found by pwo fuzz --seed ${o.seed} against ${impl && !isFault(impl) ? impl.hello?.implementation.name : o.impl}`,
      flags: ["Fuzz"],
      input,
      ...("output" in expected ? { result: "valid", output: expected.output } : { result: "invalid", error: expected.error }),
    };
    o.log(`  ${op.name}: DIFFERENCE after ${details.numRuns} inputs, shrunk ${details.numShrinks} times`);
    for (const d of last) o.log(`    ${d}`);
    o.log(`    fast-check path: ${details.counterexamplePath}`);
    o.log(`    replay: pwo fuzz --impl ${JSON.stringify(o.impl)} --suite ${suite.name} --operation ${op.name} --seed ${o.seed} --runs ${o.runs}`);
    o.log(`    as a vector case (${suite.name}/${op.name}):`);
    o.log(JSON.stringify(vectorCase, null, 2).replace(/^/gm, "    "));
  }
  const vocabulary = Object.keys(suite.reasons);
  const missed = vocabulary.filter((c) => !suiteCodes.has(c));
  o.log(`  ${suite.name} reason codes answered over all operations: ${vocabulary.length - missed.length}/${vocabulary.length}${missed.length ? ` (not hit: ${missed.join(", ")})` : ""}`);
  if (!isFault(impl)) await impl.close();
  return clean;
}
