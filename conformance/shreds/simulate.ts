/**
 * Turbine propagation over lossy links (spec/shreds.md §Propagation and recovery probability), on
 * the simulation core (conformance/harness/sim/): the leader sends each shred of a block to the root
 * of that shred's Turbine tree; every node that receives a shred for the first time retransmits it to
 * its children in that tree; every link loses each packet independently with probability p. A node
 * recovers the block when it holds at least 32 of the 64 shreds of every FEC set. (Nodes do not
 * retransmit shreds they recover by erasure decoding: this is what makes the formula exact.)
 *
 * The formula, for n equally staked nodes (so a node's position in each shred's shuffle is uniform):
 *   q = (1/n) Σ_{k<n} (1 − p)^(1 + rootDistance(k)),   P(block) = P[Binomial(64, q) ≥ 32]^(FEC sets)
 * Each shred's tree and losses are independent of the others', so a node's arrivals are i.i.d.
 * @module
 */
import { Rng } from "../../reference/common/rng.js";
import { retransmitChildren, rootDistance, turbineOrder, type TurbineNode } from "../../reference/shreds/index.js";
import { Simulation, type Checker, type Machine } from "../harness/sim/index.js";

export interface PropagationParams {
  nodes: number;
  fanout: number;
  loss: number;
  fecSets: number;
  trials: number;
  seed: string;
}

/** log C(n, k). */
const logChoose = (n: number, k: number): number => {
  let s = 0;
  for (let i = 1; i <= k; i++) s += Math.log((n - k + i) / i);
  return s;
};

/** P[Binomial(n, q) ≥ k]. */
export function binomialTail(n: number, q: number, k: number): number {
  if (q <= 0) return k <= 0 ? 1 : 0;
  if (q >= 1) return 1;
  let s = 0;
  for (let j = k; j <= n; j++) s += Math.exp(logChoose(n, j) + j * Math.log(q) + (n - j) * Math.log(1 - q));
  return Math.min(1, s);
}

/** The per-shred arrival probability q of a node and the block recovery probability. */
export function recoveryFormula(nodes: number, fanout: number, loss: number, fecSets: number): { q: number; block: number } {
  let q = 0;
  for (let k = 0; k < nodes; k++) q += (1 - loss) ** (1 + rootDistance(k, fanout));
  q /= nodes;
  return { q, block: binomialTail(64, q, 32) ** fecSets };
}

type Event = { kind: "start" } | { kind: "shred"; shred: number };
type Obs = { shred: number };

/** One block's propagation; returns the fraction of nodes that recover it. */
export function propagateOnce(p: PropagationParams, trial: number): number {
  const r = new Rng(`${p.seed}/cluster/${trial}`);
  const cluster: TurbineNode[] = Array.from({ length: p.nodes }, () => ({ pubkey: r.bytes(32), stake: 1n }));
  const leader = r.bytes(32);
  const id = new Map(cluster.map((n, k) => [n.pubkey, k + 1])); // node 0 is the leader
  const slot = BigInt(trial + 1);
  const shreds = p.fecSets * 64;
  // per shred: its order (simulation node ids) and, per node, its children
  const trees = Array.from({ length: shreds }, (_, s) => {
    const set = Math.floor(s / 64), j = s % 64;
    const order = turbineOrder(cluster, leader, slot, set * 32 + (j % 32), j < 32 ? "data" : "code").map((n) => id.get(n.pubkey)!);
    const position = new Map(order.map((node, k) => [node, k]));
    return { root: order[0]!, children: (node: number) => retransmitChildren(position.get(node)!, order.length, p.fanout).map((c) => order[c]!) };
  });
  const counts = Array.from({ length: p.nodes + 1 }, () => new Array<number>(p.fecSets).fill(0));
  const counter: Checker<Event, number, Obs, never> = {
    observe: (rec) => {
      for (const o of rec.outputs.observations ?? []) counts[rec.node]![Math.floor(o.shred / 64)]!++;
      return undefined;
    },
    finish: () => undefined,
  };
  const machine: Machine<Set<number>, Event, number, Obs> = {
    init: () => new Set<number>(),
    step: (seen, e, { node }) => {
      if (e.kind === "start") return { state: seen, sends: trees.map((t, s) => ({ to: [t.root], message: s })) };
      if (seen.has(e.shred)) return { state: seen };
      seen.add(e.shred);
      return { state: seen, sends: [{ to: trees[e.shred]!.children(node), message: e.shred }], observations: [{ shred: e.shred }] };
    },
  };
  const sim = new Simulation<Event, number, Obs, never>({ nodes: p.nodes + 1, network: { link: { delay: 1, loss: p.loss } }, seed: `${p.seed}/net/${trial}`, until: 100, receive: (_from, shred) => ({ kind: "shred", shred }) }, [counter]);
  sim.schedule(0, 0, { kind: "start" });
  sim.run(machine);
  let ok = 0;
  for (let n = 1; n <= p.nodes; n++) if (counts[n]!.every((c) => c >= 32)) ok++;
  return ok / p.nodes;
}

export interface SimulationEstimate {
  mean: number;
  /** 99% confidence interval of the mean over trials (normal approximation, clamped to [0, 1]). */
  lo: number;
  hi: number;
}

/** The mean recovery fraction over `trials` seeded blocks, with its 99% interval. */
export function simulateRecovery(p: PropagationParams): SimulationEstimate {
  const xs = Array.from({ length: p.trials }, (_, t) => propagateOnce(p, t));
  const mean = xs.reduce((a, b) => a + b, 0) / xs.length;
  const sd = Math.sqrt(xs.reduce((a, x) => a + (x - mean) ** 2, 0) / Math.max(1, xs.length - 1));
  const half = 2.576 * (sd / Math.sqrt(xs.length));
  // a degenerate sample (every trial 0 or 1) gets the rule-of-three-style half-width 3/trials
  const w = Math.max(half, 3 / p.trials);
  return { mean, lo: Math.max(0, mean - w), hi: Math.min(1, mean + w) };
}
