/**
 * The consensus benchmark (spec/consensus.md): simulated events per second and vertices ordered per
 * second of the reference nodes in the deterministic simulator for n = 4, 10, 50, 100 honest
 * validators, and adversarial schedules checked per minute (network campaign, invariants on every
 * step) for n = 4 and 10. Anchor, measured in the same run: Bullshark ordering alone over a
 * pre-built random DAG, in vertices per second — what the simulator's nodes would reach if messages,
 * signatures and invariant checks cost nothing. Last, `node_exchange` under bls12381-pop-v1 for a
 * committee of MAX_COMMITTEE_SIZE (1 024): one certificate event signed by all 1 024 (the request
 * of MAX_EXCHANGE_EVENTS = 256 such events is extrapolated, ~256× one, not run), against its anchor
 * measured in the same run: bare @noble/curves aggregate + verify over the signers' keys decoded once.
 * @module
 */
import { bls12_381 } from "@noble/curves/bls12-381.js";
import fc from "fast-check";
import { table } from "../conformance/harness/report.js";
import { toHex } from "../reference/common/hex.js";
import { Rng } from "../reference/common/rng.js";
import { scenarioArb } from "../conformance/consensus/arbitraries.js";
import { G1, POP, R, sign } from "../reference/bls/index.js";
import { i2osp } from "../reference/bls/keys.js";
import { BLS_SCHEME, MAX_COMMITTEE_SIZE, checkCertificate, compareDigests, genesisCertificate, headerDigest, orderDag, voteMessage, type Certificate, type Committee } from "../reference/consensus/index.js";
import { CONSENSUS_OPERATIONS, MAX_EXCHANGE_EVENTS } from "../conformance/consensus/operations.js";
import { committeeToJson, eventToJson } from "../conformance/consensus/sim/json.js";
import { randomDag } from "../conformance/consensus/sim/dags.js";
import { runScenario } from "../conformance/consensus/sim/run.js";
import type { Scenario } from "../conformance/consensus/sim/scenario.js";
import { formatInt, formatRatio, measure, measureInterleaved, roundSig, type BenchContext, type BenchJson, type BenchSuite } from "./harness.js";

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

/**
 * `node_exchange` (the operation, JSON in and out) under bls12381-pop-v1: node 1 of a committee of
 * n = MAX_COMMITTEE_SIZE, stake 1 each, delivered one round-1 certificate of author 0 (parents: the n
 * genesis certificates) signed by all n; its check (C1–C4) decodes every signer's key and runs one
 * pairing product. Fixture built outside the timing: secret keys s0 + i (so public keys by point
 * additions), the aggregate signature (Σ sk_i)·H(m), equal to the sum of the n votes. Anchor: bare
 * noble aggregatePublicKeys over the keys decoded once + verify, what the check costs without decoding.
 */
export function blsExchangeRow(ctx: BenchContext): { ms: number; anchorMs: number; json: BenchJson } {
  const n = MAX_COMMITTEE_SIZE;
  const s0 = 0x5eed_0000_0000_0001n;
  const sks = Array.from({ length: n }, (_, i) => s0 + BigInt(i));
  const points: (typeof G1.BASE)[] = [G1.BASE.multiply(s0)];
  for (let i = 1; i < n; i++) points.push(points[i - 1]!.add(G1.BASE));
  const committee: Committee = { authorities: points.map((p) => ({ stake: 1, publicKey: p.toBytes(true) })) };
  const parents = committee.authorities.map((_, a) => headerDigest(genesisCertificate(a).header)).sort(compareDigests);
  const header = { author: 0, round: 1, payload: [], parents };
  const message = voteMessage(headerDigest(header));
  const certificate: Certificate = { header, signers: sks.map((_, i) => i), signature: sign(i2osp(sks.reduce((t, k) => (t + k) % R, 0n), 32), message) };
  const input = {
    init: { committee: committeeToJson(BLS_SCHEME.name, committee), authority: 1, secretKey: toHex(i2osp(sks[1]!, 32)), gcDepth: 50 },
    events: [eventToJson({ kind: "message", from: 0, message: { type: "certificate", certificate } })],
  };
  const op = CONSENSUS_OPERATIONS.find((o) => o.name === "node_exchange")!;
  checkCertificate(committee, BLS_SCHEME, { ...certificate }); // throws unless C1–C4 hold: the node would drop it silently
  const exchange = () => {
    const out = op.run(input) as { steps: { messages: unknown[] }[] };
    // with its parents in, the node asks for nothing
    if (out.steps.length !== 1 || out.steps[0]!.messages.length !== 0) throw new Error("bench: node_exchange requested parents");
    return out;
  };
  const noble = bls12_381.longSignatures;
  const hashed = noble.hash(message, POP.id);
  const bare = () => {
    if (!noble.verify(certificate.signature, hashed, noble.aggregatePublicKeys(points))) throw new Error("bench: the bare aggregate does not verify");
  };
  const [ours, anchor] = measureInterleaved(
    [
      { name: "node_exchange", fn: exchange },
      { name: "bare noble", fn: bare },
    ],
    { minMs: ctx.minMs, minBatches: 3 },
  );
  const ms = 1000 / ours!.perSec;
  const anchorMs = 1000 / anchor!.perSec;
  return { ms, anchorMs, json: { signers: n, certificates: 1, msPerCertificate: roundSig(ms), extrapolatedMsPerRequest: roundSig(ms * MAX_EXCHANGE_EVENTS), anchorMs: roundSig(anchorMs), spread: roundSig(ours!.spread, 2) } };
}

export const consensusBench: BenchSuite = {
  name: "consensus",
  summary: "simulated events/s and vertices ordered/s (n = 4…100); adversarial schedules checked per minute; node_exchange under BLS, 1 024 signers",
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
    const bls = blsExchangeRow(ctx);
    ctx.print(
      `node_exchange, bls12381-pop-v1, committee of ${MAX_COMMITTEE_SIZE}: one certificate signed by all ${MAX_COMMITTEE_SIZE}: ${bls.ms.toFixed(0)} ms (so ~${((bls.ms * MAX_EXCHANGE_EVENTS) / 1000).toFixed(0)} s for a request of ${MAX_EXCHANGE_EVENTS} such certificates, not run); anchor, bare noble aggregate + verify over keys decoded once: ${bls.anchorMs.toFixed(1)} ms; ours ÷ anchor: ${formatRatio(bls.ms / bls.anchorMs)}\n`,
    );
    return { simulation: sim.json, anchor: anchor.json, campaign: camp.json, blsExchange: bls.json };
  },
};
