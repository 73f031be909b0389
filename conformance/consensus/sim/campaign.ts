/**
 * Campaigns: fast-check drives the simulator over the adversary's search space ({@link scenarioArb}),
 * checks the invariants on every step, and shrinks a violation to a minimal scenario, which is written
 * as a JSON trace that `pwo consensus replay` reproduces step by step. {@link consensusCheck} and
 * {@link consensusReplay} are the whole of `pwo consensus check|replay` after option parsing (cli.ts).
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import fc from "fast-check";
import { Rng } from "../../../reference/common/rng.js";
import { digestKey, headerDigest, type CommittedSubDag, type Header } from "../../../reference/consensus/index.js";
import type { JsonObject } from "../../harness/operation.js";
import { dagInputArb, scenarioArb, type CampaignParams } from "./adversary.js";
import { orderDag, shuffled, slowAuthorityOrder } from "./dags.js";
import { ExternalNodes, replaces } from "./external.js";
import type { Violation } from "./invariants.js";
import { headerFromJson, headerToJson, scenarioFromJson, scenarioToJson } from "./json.js";
import { rulesOf, type RulesName } from "./mutants.js";
import type { AsyncNodeDriver, NodeContext, NodeDriver } from "./nodes.js";
import { runScenario, runScenarioAsync } from "./run.js";
import type { Scenario } from "./scenario.js";

export interface CampaignOptions extends CampaignParams {
  runs: number;
  seed: number;
  /** Shrink a counterexample (default true); tests that only need "caught" skip it. */
  shrink?: boolean;
  /** Called after every run with the number done. */
  onRun?: (done: number) => void;
  /** Nodes replaced by another implementation (see external.ts); default: the reference everywhere. */
  driver?: (ctx: NodeContext) => NodeDriver | undefined;
}

export interface Counterexample {
  scenario: Scenario;
  violation: Violation;
  seed: number;
  path: string;
  shrinks: number;
}

export interface CampaignResult {
  runs: number;
  counterexample: Counterexample | undefined;
}

export function runCampaign(o: CampaignOptions): CampaignResult {
  let done = 0;
  const prop = fc.property(scenarioArb(o), (sc) => {
    const r = runScenario(sc, { driver: o.driver });
    done++;
    o.onRun?.(done);
    return r.violation === undefined;
  });
  const details = fc.check(prop, { seed: o.seed, numRuns: o.runs, endOnFailure: o.shrink === false });
  if (!details.failed || !details.counterexample) return { runs: done, counterexample: undefined };
  const scenario = details.counterexample[0];
  const violation = runScenario(scenario, { driver: o.driver }).violation!;
  return { runs: details.numRuns, counterexample: { scenario, violation, seed: o.seed, path: details.counterexamplePath ?? "", shrinks: details.numShrinks } };
}

export const TRACE_FORMAT = "pwo-consensus-trace/1";

export interface Trace {
  format: typeof TRACE_FORMAT;
  provenance: { command: string; seed: number; path: string; shrinks: number; nodes: number; byzantine: number; rules: string };
  violation: Violation;
  scenario: JsonObject;
  /** One readable line per step up to the violation. */
  steps: string[];
}

export function buildTrace(c: Counterexample, params: CampaignParams, command: string, driver?: (ctx: NodeContext) => NodeDriver | undefined): Trace {
  const r = runScenario(c.scenario, { trace: true, driver });
  return {
    format: TRACE_FORMAT,
    provenance: { command, seed: c.seed, path: c.path, shrinks: c.shrinks, nodes: params.nodes, byzantine: params.byzantine, rules: params.rules },
    violation: c.violation,
    scenario: scenarioToJson(c.scenario),
    steps: r.trace,
  };
}

// ---- the DAG campaign: delivery-order independence over random DAGs ----

export interface DagCampaignOptions {
  runs: number;
  seed: number;
  rules: RulesName;
  /** Delivery orders tried per DAG. */
  orders?: number;
  /** Shrink the violating DAG (default false). */
  shrink?: boolean;
  onRun?: (done: number) => void;
}

export interface DagViolation {
  invariant: "agreement" | "integrity";
  detail: string;
  stakes: number[];
  gcDepth: number;
  /** The certificates (headers) of the DAG, in the delivery order that disagreed. */
  order: Header[];
  /** The prefix of `order` delivered when the disagreement showed. */
  delivered: number;
}

/**
 * Sui-style randomized ordering campaign: for random DAGs with slow authorities and missing leaders,
 * nodes that received different delivery orders, or only a prefix of one, must commit sequences that
 * are prefixes of one another (agreement), never commit a vertex twice nor before one of its parents
 * (integrity). Finds the ordering mutants that a network campaign rarely reaches.
 */
export function runDagCampaign(o: DagCampaignOptions): { runs: number; violation: DagViolation | undefined } {
  let done = 0;
  let found: DagViolation | undefined;
  const rules = rulesOf(o.rules);
  const prop = fc.property(dagInputArb, fc.nat(), (d, salt) => {
    done++;
    o.onRun?.(done);
    const committee = { authorities: d.stakes.map((stake) => ({ stake, publicKey: new Uint8Array(0) })) };
    const rng = new Rng(`pwo/consensus/dag-campaign/${salt}`);
    const orders = [d.dag, d.order, slowAuthorityOrder(d.dag, d.slowAuthors), ...d.slowAuthors.map((a) => slowAuthorityOrder(d.dag, [a])), ...Array.from({ length: o.orders ?? 3 }, () => shuffled(d.dag, rng))];
    const reference = sequenceOf(orderDag(committee, d.gcDepth, d.dag, rules));
    for (const order of orders) {
      for (const delivered of [order.length, rng.below(order.length + 1)]) {
        const seq = sequenceOf(orderDag(committee, d.gcDepth, order.slice(0, delivered), rules));
        const bad = checkOrderedSequence(seq, order);
        const v = (invariant: DagViolation["invariant"], detail: string) => (found = { invariant, detail, stakes: d.stakes, gcDepth: d.gcDepth, order, delivered });
        if (bad) return !v("integrity", bad);
        const n = Math.min(seq.length, reference.length);
        for (let i = 0; i < n; i++) if (seq[i] !== reference[i]) return !v("agreement", `position ${i}: ${seq[i]!.slice(0, 8)} against ${reference[i]!.slice(0, 8)} in round order`);
        if (delivered === order.length && seq.length !== reference.length) return !v("agreement", `${seq.length} vertices ordered against ${reference.length} in round order`);
      }
    }
    return true;
  });
  const details = fc.check(prop, { seed: o.seed, numRuns: o.runs, endOnFailure: !o.shrink });
  // the last failing run is fast-check's final (shrunk) counterexample
  return { runs: details.failed ? details.numRuns : done, violation: details.failed ? found : undefined };
}

const sequenceOf = (commits: readonly CommittedSubDag[]): string[] => commits.flatMap((c) => c.vertices.map((v) => digestKey(v.digest)));

/** Integrity of one sequence: no vertex twice, every parent in the DAG ordered before its child unless never ordered (garbage-collected). */
function checkOrderedSequence(seq: readonly string[], dag: readonly Header[]): string | undefined {
  const parents = new Map(dag.map((h) => [digestKey(headerDigest(h)), h.parents.map(digestKey)]));
  const position = new Map<string, number>();
  for (const [i, k] of seq.entries()) {
    if (position.has(k)) return `vertex ${k.slice(0, 8)} ordered twice`;
    position.set(k, i);
  }
  for (const [i, k] of seq.entries()) {
    for (const p of parents.get(k) ?? []) {
      const at = position.get(p);
      if (at !== undefined && at > i) return `vertex ${k.slice(0, 8)} at ${i} precedes its parent ${p.slice(0, 8)} at ${at}`;
    }
  }
  return undefined;
}

export interface StandardCampaignOptions {
  rules: RulesName;
  seed: number;
  /** Network-simulation runs (n = 4, one faulty validator) and random-DAG runs. */
  networkRuns: number;
  dagRuns: number;
  onRun?: (part: "network" | "dag", done: number) => void;
}

export interface StandardCampaignResult {
  networkRuns: number;
  dagRuns: number;
  network: Counterexample | undefined;
  dag: DagViolation | undefined;
}

/**
 * The standard campaign: the network campaign (4 validators, up to one faulty: Byzantine, crash or
 * twins; asynchrony, loss and partitions before GST) then the random-DAG ordering campaign. It stops
 * at the first violation (unshrunk: shrinking is for `pwo consensus check`).
 */
export function runStandardCampaign(o: StandardCampaignOptions): StandardCampaignResult {
  const net = runCampaign({ nodes: 4, byzantine: 1, rules: o.rules, runs: o.networkRuns, seed: o.seed, shrink: false, onRun: (d) => o.onRun?.("network", d) });
  if (net.counterexample) return { networkRuns: net.runs, dagRuns: 0, network: net.counterexample, dag: undefined };
  const dag = runDagCampaign({ rules: o.rules, runs: o.dagRuns, seed: o.seed, onRun: (d) => o.onRun?.("dag", d) });
  return { networkRuns: net.runs, dagRuns: dag.runs, network: undefined, dag: dag.violation };
}

/** {@link runCampaign} with some nodes driven asynchronously (an external implementation); shrinks too. */
export async function runCampaignAsync(o: Omit<CampaignOptions, "driver"> & { driver: (ctx: NodeContext, run: number) => AsyncNodeDriver | undefined }): Promise<CampaignResult> {
  let done = 0;
  const run = (sc: Scenario) => runScenarioAsync(sc, (ctx) => o.driver(ctx, done));
  const prop = fc.asyncProperty(scenarioArb(o), async (sc) => {
    done++;
    o.onRun?.(done);
    return (await run(sc)).violation === undefined;
  });
  const details = await fc.check(prop, { seed: o.seed, numRuns: o.runs, endOnFailure: o.shrink === false });
  if (!details.failed || !details.counterexample) return { runs: done, counterexample: undefined };
  const scenario = details.counterexample[0];
  done++;
  const violation = (await run(scenario)).violation!;
  return { runs: details.numRuns, counterexample: { scenario, violation, seed: o.seed, path: details.counterexamplePath ?? "", shrinks: details.numShrinks } };
}

// ---- `pwo consensus check` and `replay` ----

export interface CheckOptions {
  runs: number;
  dagRuns: number;
  nodes: number;
  byzantine: number;
  seed: number;
  rules: RulesName;
  trace: string;
  impl?: string;
  replace: "one" | "all";
}

type Log = (line: string) => void;

function progress(log: Log, part: string, total: number): (done: number) => void {
  const t0 = performance.now();
  const every = Math.max(1, Math.floor(total / 10));
  return (done) => {
    if (done % every !== 0 && done !== total) return;
    const s = (performance.now() - t0) / 1000;
    log(`consensus check: ${part} ${done}/${total} runs, ${(done / s).toFixed(1)} runs/s`);
  };
}

/** Runs the campaign; 0 when nothing was found, 1 with a trace written on a violation. */
export async function consensusCheck(o: CheckOptions, out: Log, err: Log): Promise<number> {
  const params = { nodes: o.nodes, byzantine: o.byzantine, rules: o.rules };
  const command = `pwo consensus check --runs ${o.runs} --nodes ${o.nodes} --byzantine ${o.byzantine} --seed ${o.seed} --rules ${o.rules}${o.impl ? ` --impl ${JSON.stringify(o.impl)} --replace ${o.replace}` : ""}`;
  out(`${command}: ${o.runs} network runs${o.impl ? "" : ` and ${o.dagRuns} random DAGs`}, rules ${o.rules}${o.impl ? `, ${o.replace === "all" ? "every honest node" : "one honest node"} replaced by ${o.impl}` : ""}`);
  if (o.impl) {
    const ext = await ExternalNodes.start(o.impl);
    try {
      const driver = (ctx: Parameters<typeof replaces>[0], run: number) => (replaces(ctx, o.replace) ? ext.driver(ctx, run) : undefined);
      const r = await runCampaignAsync({ ...params, runs: o.runs, seed: o.seed, onRun: progress(err, "network", o.runs), driver });
      if (!r.counterexample) return finish(out, `no violation in ${r.runs} runs`);
      const c = r.counterexample;
      const sim = await runScenarioAsync(c.scenario, (ctx) => driver(ctx, -1), { trace: true });
      const trace: Trace = { ...buildTrace(c, params, command), steps: sim.trace };
      return violation(out, o.trace, trace, `${c.violation.invariant} at t=${c.violation.time} on node ${c.violation.node}: ${c.violation.detail} (shrunk ${c.shrinks} times)`);
    } finally {
      await ext.close();
    }
  }
  const r = runCampaign({ ...params, runs: o.runs, seed: o.seed, onRun: progress(err, "network", o.runs) });
  if (r.counterexample) {
    const c = r.counterexample;
    return violation(out, o.trace, buildTrace(c, params, command), `${c.violation.invariant} at t=${c.violation.time} on node ${c.violation.node}: ${c.violation.detail} (shrunk ${c.shrinks} times)`);
  }
  out(`network: no violation in ${r.runs} runs`);
  if (o.dagRuns === 0) return 0;
  const d = runDagCampaign({ rules: o.rules, runs: o.dagRuns, seed: o.seed, shrink: true, onRun: progress(err, "random DAGs", o.dagRuns) });
  if (!d.violation) return finish(out, `random DAGs: no violation in ${d.runs} DAGs`);
  return violation(out, o.trace, dagTrace(d.violation, o, command), `${d.violation.invariant}: ${d.violation.detail}`);
}

const finish = (out: Log, s: string) => (out(s), 0);

function violation(out: Log, file: string, trace: Trace | JsonObject, summary: string): number {
  writeFileSync(file, `${JSON.stringify(trace, null, 2)}\n`);
  out(`VIOLATION ${summary}`);
  out(`trace written to ${file}; reproduce with: pwo consensus replay ${file}`);
  return 1;
}

function dagTrace(v: DagViolation, o: CheckOptions, command: string): JsonObject {
  return {
    format: TRACE_FORMAT,
    kind: "dag",
    provenance: { command, seed: o.seed, rules: o.rules },
    violation: { invariant: v.invariant, detail: v.detail },
    dag: { stakes: v.stakes, gcDepth: v.gcDepth, order: v.order.map(headerToJson), delivered: v.delivered },
  };
}

const show = (seq: { round: number; author: number; digest: Uint8Array }[]) => seq.map((v) => `${v.round}/${v.author}#${digestKey(v.digest).slice(0, 8)}`);

/** Replays a trace step by step; 1 when the violation reproduces, 0 when it does not. */
export async function consensusReplay(file: string, impl: string | undefined, replace: "one" | "all", out: Log): Promise<number> {
  const t = JSON.parse(readFileSync(file, "utf8")) as JsonObject;
  if (t.format !== TRACE_FORMAT) throw new Error(`${file}: not a ${TRACE_FORMAT} trace`);
  const rules = ((t.provenance as JsonObject).rules ?? "reference") as RulesName;
  out(`replaying ${file} (${(t.provenance as JsonObject).command}), rules ${rules}`);
  if (t.kind === "dag") {
    const d = t.dag as JsonObject;
    const stakes = d.stakes as number[];
    const committee = { authorities: stakes.map((stake) => ({ stake, publicKey: new Uint8Array(0) })) };
    const order = (d.order as JsonObject[]).map(headerFromJson);
    const byRound = [...order].sort((a: Header, b: Header) => a.round - b.round || a.author - b.author);
    const delivered = d.delivered as number;
    out(`delivery order (${delivered} of ${order.length} certificates delivered):`);
    for (const h of order.slice(0, delivered)) out(`  ${h.round}/${h.author}#${digestKey(headerDigest(h)).slice(0, 8)}`);
    const a = show(orderDag(committee, d.gcDepth as number, byRound, rulesOf(rules)).flatMap((c) => c.vertices));
    const b = show(orderDag(committee, d.gcDepth as number, order.slice(0, delivered), rulesOf(rules)).flatMap((c) => c.vertices));
    const diff = a.findIndex((x, i) => i < b.length && b[i] !== x);
    out(`round order commits:     ${a.join(" ")}`);
    out(`this order commits:      ${b.join(" ")}`);
    if (diff >= 0 || new Set(b).size !== b.length) {
      out(`VIOLATION reproduced: ${diff >= 0 ? `first difference at position ${diff}` : "a vertex ordered twice"}`);
      return 1;
    }
    out("no violation: the trace does not reproduce");
    return 0;
  }
  const sc = scenarioFromJson(t.scenario as JsonObject);
  let r;
  if (impl) {
    const ext = await ExternalNodes.start(impl);
    try {
      r = await runScenarioAsync(sc, (ctx) => (replaces(ctx, replace) ? ext.driver(ctx, 0) : undefined), { trace: true });
    } finally {
      await ext.close();
    }
  } else r = runScenario(sc, { trace: true });
  r.trace.forEach((line, i) => out(`  ${String(i + 1).padStart(5)}  ${line}`));
  if (r.violation) {
    out(`VIOLATION reproduced: ${r.violation.invariant} at t=${r.violation.time} on node ${r.violation.node}: ${r.violation.detail}`);
    return 1;
  }
  out("no violation: the trace does not reproduce");
  return 0;
}
