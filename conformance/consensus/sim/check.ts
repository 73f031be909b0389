/**
 * `pwo consensus check` and `pwo consensus replay` after option parsing (cli.ts): the options go
 * once to the external nodes (external.ts), once to the network campaign (campaign.ts), once to the
 * random-DAG campaign (dag-campaign.ts), and the trace of a violation is written here.
 * @module
 */
import { readFileSync, writeFileSync } from "node:fs";
import { digestKey, headerDigest, orderDag, type Header } from "../../../reference/consensus/index.js";
import type { JsonObject } from "../../harness/operation.js";
import { TRACE_FORMAT, buildTrace, runCampaign, runCampaignAsync, type Counterexample } from "./campaign.js";
import { dagTrace, runDagCampaign, type DagViolation } from "./dag-campaign.js";
import { ExternalNodes, replaces } from "./external.js";
import { headerFromJson, scenarioFromJson } from "./json.js";
import { rulesOf, type RulesName } from "./mutants.js";
import type { NodeContext } from "./nodes.js";
import { runScenario, runScenarioAsync } from "./run.js";

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

/** Progress lines on `log`, about ten per campaign. */
function progress(log: Log, part: string, total: number): (done: number) => void {
  const t0 = performance.now();
  const every = Math.max(1, Math.floor(total / 10));
  return (done) => {
    if (done % every !== 0 && done !== total) return;
    const s = (performance.now() - t0) / 1000;
    log(`consensus check: ${part} ${done}/${total} runs, ${(done / s).toFixed(1)} runs/s`);
  };
}

/** Runs the campaigns; 0 when nothing was found, 1 with a trace written to `o.trace` on a violation. */
export async function consensusCheck(o: CheckOptions, out: Log, err: Log): Promise<number> {
  const command = `pwo consensus check --runs ${o.runs} --nodes ${o.nodes} --byzantine ${o.byzantine} --seed ${o.seed} --rules ${o.rules}${o.impl ? ` --impl ${JSON.stringify(o.impl)} --replace ${o.replace}` : ""}`;
  const onNetworkRun = progress(err, "network", o.runs);
  const onDagRun = progress(err, "random DAGs", o.dagRuns);
  const written = (trace: object, summary: string): number => {
    writeFileSync(o.trace, `${JSON.stringify(trace, null, 2)}\n`);
    out(`VIOLATION ${summary}`);
    out(`trace written to ${o.trace}; reproduce with: pwo consensus replay ${o.trace}`);
    return 1;
  };
  out(`${command}: ${o.runs} network runs${o.impl ? "" : ` and ${o.dagRuns} random DAGs`}, rules ${o.rules}${o.impl ? `, ${o.replace === "all" ? "every honest node" : "one honest node"} replaced by ${o.impl}` : ""}`);
  const params = { nodes: o.nodes, byzantine: o.byzantine, rules: o.rules, runs: o.runs, seed: o.seed, onRun: onNetworkRun };
  const ext = o.impl === undefined ? undefined : await ExternalNodes.start(o.impl);
  let network: Counterexample | undefined;
  try {
    const r = ext ? await runCampaignAsync({ ...params, driver: (ctx: NodeContext, run: number) => (replaces(ctx, o.replace) ? ext.driver(ctx, run) : undefined) }) : runCampaign(params);
    network = r.counterexample;
    if (!network) out(ext ? `no violation in ${r.runs} runs` : `network: no violation in ${r.runs} runs`);
  } finally {
    await ext?.close();
  }
  if (network) return written(buildTrace(network, o, command), `${network.violation.invariant} at t=${network.violation.time} on node ${network.violation.node}: ${network.violation.detail} (shrunk ${network.shrinks} times)`);
  if (o.impl || o.dagRuns === 0) return 0;
  const d = runDagCampaign({ rules: o.rules, runs: o.dagRuns, seed: o.seed, shrink: true, onRun: onDagRun });
  if (d.violation) return written(dagTrace(d.violation, { command, seed: o.seed, rules: o.rules }, TRACE_FORMAT), `${d.violation.invariant}: ${d.violation.detail}`);
  out(`random DAGs: no violation in ${d.runs} DAGs`);
  return 0;
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
