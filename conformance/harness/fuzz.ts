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
  for (const op of ops) {
    const arb = suite.inputs[op.name];
    if (!arb) {
      o.log(`  ${op.name}: no input arbitrary defined; not fuzzed`);
      clean = false;
      continue;
    }
    let last: string[] = [];
    const t0 = performance.now();
    const property = fc.asyncProperty(arb, async (input) => {
      if (isFault(impl)) impl = await start();
      if (isFault(impl)) throw new Error(`implementation unavailable: ${impl.detail}`);
      const expected = referenceAnswer(op, input);
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
    if (!details.failed) {
      o.log(`  ${op.name}: ${details.numRuns} inputs, no difference (${((performance.now() - t0) / 1000).toFixed(1)}s)`);
      continue;
    }
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
  if (!isFault(impl)) await impl.close();
  return clean;
}
