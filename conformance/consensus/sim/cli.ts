/**
 * `pwo consensus check` and `pwo consensus replay` (spec/consensus.md §Simulation): big campaigns
 * with progress lines, counterexamples shrunk and written as JSON traces, and their step-by-step replay.
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import { digestKey, headerDigest, type Header } from "../../reference/consensus/index.js";
import type { JsonObject } from "../harness/operation.js";
import { TRACE_FORMAT, buildTrace, runCampaign, runCampaignAsync, runDagCampaign, type DagViolation, type Trace } from "./campaign.js";
import { ExternalNodes, replaces } from "./external.js";
import { int, str, UsageError, type Command } from "../harness/command.js";
import { MUTANT_NAMES, rulesOf, type RulesName } from "./mutants.js";
import { headerFromJson, headerToJson, orderDag, scenarioFromJson } from "./operations.js";
import { runScenario, runScenarioAsync } from "./simulator.js";

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

/** `pwo consensus check|replay`, contributed to the command registry by the consensus suite. */
export const consensusCommand: Command = {
  positionals: true,
  summary: "consensus safety campaigns over the simulated network, and replay of their traces",
  usage: `pwo consensus check [--runs N] [--nodes n] [--byzantine f] [--dag-runs M] [--seed S] [--rules R] [--trace FILE]
                    [--impl "<command>" [--replace one|all]]
pwo consensus replay TRACE.json [--impl "<command>" [--replace one|all]]

  check    runs N adversarial network schedules (n validators, f of them faulty: Byzantine, crash or
           twins) then M random DAGs in many delivery orders, checking agreement, integrity, validity
           and liveness on every step; a violation is shrunk to a minimal schedule and written as a
           JSON trace (default consensus-trace.json). Exit status 1 on a violation.
  replay   re-runs a trace step by step, printing every event; exit status 1 when the violation reproduces.

  --runs       network runs (default 100)
  --nodes      validators, equal stakes (default 4)
  --byzantine  faulty validators, at most (n − 1)/3 (default: that maximum)
  --dag-runs   random DAGs (default 10 × runs; 0 skips them)
  --seed       fast-check seed (default 20261124)
  --rules      reference (default) or a mutant: ${MUTANT_NAMES.join(", ")}
  --impl       an external node (adapter protocol, suite consensus-node) replacing honest nodes
  --replace    one (default) or all honest nodes`,
  options: {
    runs: { type: "string" },
    nodes: { type: "string" },
    byzantine: { type: "string" },
    "dag-runs": { type: "string" },
    seed: { type: "string" },
    rules: { type: "string" },
    trace: { type: "string" },
    impl: { type: "string" },
    replace: { type: "string" },
  },
  async run(v, pos) {
    const [action, file] = pos;
    const replace = (v.replace === undefined ? "one" : str(v.replace, "replace")) as "one" | "all";
    if (replace !== "one" && replace !== "all") throw new UsageError(`--replace: expected one or all, got ${JSON.stringify(replace)}`);
    const impl = v.impl === undefined ? undefined : str(v.impl, "impl");
    const out = (s: string) => process.stdout.write(`${s}\n`);
    if (action === "check") {
      const nodes = int(v.nodes, "nodes", 4);
      const f = Math.floor((nodes - 1) / 3);
      const byzantine = int(v.byzantine, "byzantine", f, 0);
      if (byzantine > f) throw new UsageError(`--byzantine: at most ${f} of ${nodes} validators, got ${byzantine}`);
      const rules = (v.rules === undefined ? "reference" : str(v.rules, "rules")) as RulesName;
      if (rules !== "reference" && !MUTANT_NAMES.includes(rules)) throw new UsageError(`--rules: expected reference or ${MUTANT_NAMES.join(", ")}`);
      const runs = int(v.runs, "runs", 100);
      const options = { runs, nodes, byzantine, rules, replace, impl, dagRuns: impl ? 0 : int(v["dag-runs"], "dag-runs", 10 * runs, 0), seed: v.seed === undefined ? 20261124 : int(v.seed, "seed", 0, -(2 ** 31)), trace: typeof v.trace === "string" ? v.trace : "consensus-trace.json" };
      return consensusCheck(options, out, (s) => process.stderr.write(`${s}\n`));
    }
    if (action === "replay") {
      if (file === undefined) throw new UsageError("pwo consensus replay needs a trace file");
      return consensusReplay(file, impl, replace, out);
    }
    throw new UsageError(action === undefined ? "pwo consensus needs an action: check or replay" : `unknown action "${action}"`);
  },
};
