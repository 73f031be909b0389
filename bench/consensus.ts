/**
 * The consensus benchmark (spec/consensus.md): simulated events per second and vertices ordered per
 * second of the reference nodes in the deterministic simulator for n = 4, 10, 50, 100 honest
 * validators, and adversarial schedules checked per minute (network campaign, invariants on every
 * step) for n = 4 and 10. Anchor, measured in the same run: Bullshark ordering alone over a
 * pre-built random DAG, in vertices per second — what the simulator's nodes would reach if messages,
 * signatures and invariant checks cost nothing.
 * @module
 */
import fc from "fast-check";
import { table } from "../conformance/harness/report.js";
import { Rng } from "../reference/common/rng.js";
import { scenarioArb } from "../conformance/consensus/arbitraries.js";
import { orderDag } from "../reference/consensus/index.js";
import { randomDag } from "../conformance/consensus/sim/dags.js";
import { runScenario } from "../conformance/consensus/sim/run.js";
import type { Scenario } from "../conformance/consensus/sim/scenario.js";
import { formatInt, formatRatio, measure, roundSig, type BenchContext, type BenchJson, type BenchSuite } from "./harness.js";

/** All-honest network, synchronous, delays 1–3, sized so one run is a few rounds at n = 100. */
function honestScenario(n: number): Scenario {
  const until = n <= 10 ? 300 : n <= 50 ? 40 : 24;
  return { stakes: new Array(n).fill(1), nodes: Array.from({ length: n }, (_, authority) => ({ authority, behaviour: "honest" as const })), rules: "reference", gst: 0, delta: 3, timeout: 15, until, gcDepth: 50, partitions: [], delays: [1, 2, 3, 2, 1, 3], slow: [], slowBy: 0 };
}

function simulationRows(ctx: BenchContext): { rows: (string | number)[][]; json: Record<string, BenchJson> } {
  const rows: (string | number)[][] = [];
  const json: Record<string, BenchJson> = {};
  for (const n of [4, 10, 50, 100]) {
    const sc = honestScenario(n);
    const probe = runScenario(sc);
    const ordered = probe.sequences[0]!.length;
    const m = measure(`n=${n}`, () => runScenario(sc), { minMs: ctx.minMs, minBatches: n >= 100 ? 1 : n >= 50 ? 2 : 5, items: 1 });
    const eventsPerSec = probe.steps * m.perSec;
    const orderedPerSec = ordered * m.perSec;
    rows.push([`n = ${n}`, formatInt(probe.steps), formatInt(eventsPerSec), formatInt(ordered), formatInt(orderedPerSec), `${(m.spread * 100).toFixed(1)}%`]);
    json[`n${n}`] = { events: probe.steps, eventsPerSec: roundSig(eventsPerSec), orderedPerRun: ordered, verticesOrderedPerSec: roundSig(orderedPerSec), simulatedTime: sc.until, spread: roundSig(m.spread, 2) };
  }
  return { rows, json };
}

function campaignRows(ctx: BenchContext): { rows: (string | number)[][]; json: Record<string, BenchJson> } {
  const rows: (string | number)[][] = [];
  const json: Record<string, BenchJson> = {};
  for (const n of [4, 10]) {
    const f = Math.floor((n - 1) / 3);
    const scenarios = fc.sample(scenarioArb({ nodes: n, byzantine: f, rules: "reference" }), { seed: 20261124, numRuns: 12 });
    let i = 0;
    const m = measure(`n=${n}`, () => {
      const r = runScenario(scenarios[i++ % scenarios.length]!);
      if (r.violation) throw new Error(`reference violated ${r.violation.invariant}`);
      return r;
    }, { minMs: ctx.minMs, minBatches: 3 });
    rows.push([`n = ${n}, f = ${f} faulty`, formatInt(m.perSec * 60), `${(m.spread * 100).toFixed(1)}%`]);
    json[`n${n}`] = { schedulesPerMinute: roundSig(m.perSec * 60), faulty: f, spread: roundSig(m.spread, 2) };
  }
  return { rows, json };
}

function anchorRow(ctx: BenchContext): { perSec: number; json: BenchJson } {
  const stakes = new Array(10).fill(1);
  const dag = randomDag({ stakes, rounds: 40, slowPercent: 10, extraParentPercent: 30 }, new Rng("pwo/consensus/bench/anchor"));
  const committee = { authorities: stakes.map((stake) => ({ stake, publicKey: new Uint8Array(0) })) };
  const ordered = orderDag(committee, 50, dag).reduce((k, c) => k + c.vertices.length, 0);
  const m = measure("orderDag", () => orderDag(committee, 50, dag), { minMs: ctx.minMs, items: ordered });
  return { perSec: m.perSec, json: { verticesOrderedPerSec: roundSig(m.perSec), dagVertices: dag.length, spread: roundSig(m.spread, 2) } };
}

export const consensusBench: BenchSuite = {
  name: "consensus",
  summary: "simulated events/s and vertices ordered/s (n = 4…100); adversarial schedules checked per minute",
  run(ctx) {
    ctx.print("Simulation: all honest validators, delays 1–3, timeout 15, sim-hash-v1 signatures, invariants checked on every step.");
    ctx.print("  events = node steps (message deliveries, timeouts, starts); vertices ordered = node 0's commit sequence.\n");
    const sim = simulationRows(ctx);
    ctx.print(`${table(["network", "events/run", "events/s", "ordered/run", "vertices ordered/s", "spread"], sim.rows)}\n`);
    const anchor = anchorRow(ctx);
    const best = Math.max(...Object.values(sim.json).map((j) => (j as { verticesOrderedPerSec: number }).verticesOrderedPerSec));
    ctx.print(`Anchor: Bullshark ordering alone (orderDag, n = 10, 40 rounds, pre-built DAG): ${formatInt(anchor.perSec)} vertices/s; best simulated rate ÷ anchor: ${formatRatio(best / anchor.perSec)}\n`);
    ctx.print("Campaign: scenarios of the standard search space (Byzantine, crash, twins; loss, slow nodes and partitions before GST), reference nodes.");
    const camp = campaignRows(ctx);
    ctx.print(`${table(["campaign", "schedules checked/min", "spread"], camp.rows)}\n`);
    return { simulation: sim.json, anchor: anchor.json, campaign: camp.json };
  },
};
