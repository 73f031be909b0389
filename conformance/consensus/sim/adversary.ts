/**
 * The adversary's search spaces, as fast-check arbitraries: network scenarios (the network
 * campaign) and random DAGs with a delivery order (the random-DAG campaign).
 * @module
 */
import fc from "fast-check";
import { Rng } from "../../../reference/common/rng.js";
import { randomDag, shuffled } from "./dags.js";
import type { RulesName } from "./mutants.js";
import type { Behaviour, NodeSpec, Scenario } from "./scenario.js";

export interface CampaignParams {
  /** Validators (equal stakes). */
  nodes: number;
  /** Faulty validators, at most f = ⌊(n − 1)/3⌋. */
  byzantine: number;
  rules: RulesName;
}

const FAULTS: readonly (Behaviour | "twins")[] = ["equivocate", "withhold-votes", "conflicting-votes", "forge-certificates", "crash", "twins"];

/**
 * The adversary's search space: which validators are faulty and how (Byzantine behaviours, crash,
 * twins), GST, Δ, the timeout, partitions that heal by GST, and the delay of every message. The run
 * lasts long enough after synchrony for validity and liveness to be checked.
 */
export function scenarioArb(p: CampaignParams): fc.Arbitrary<Scenario> {
  const n = p.nodes;
  const f = Math.floor((n - 1) / 3);
  const k = Math.min(p.byzantine, f);
  return fc
    .record({
      faulty: fc.uniqueArray(fc.nat(n - 1), { minLength: k, maxLength: k }),
      kinds: fc.array(fc.constantFrom(...FAULTS), { minLength: k, maxLength: k }),
      crashAt: fc.nat(100),
      gst: fc.nat(120),
      delta: fc.integer({ min: 1, max: 6 }),
      slack: fc.nat(20),
      partition: fc.option(fc.record({ from: fc.nat(40), length: fc.integer({ min: 1, max: 80 }), side: fc.uniqueArray(fc.nat(n - 1), { minLength: 1, maxLength: n - 1 }) }), { nil: undefined }),
      delays: fc.array(fc.nat(40), { minLength: 1, maxLength: 64 }),
      tail: fc.integer({ min: 40, max: 90 }),
      slow: fc.uniqueArray(fc.nat(n - 1), { maxLength: 2 }),
      slowBy: fc.nat(60),
    })
    .map((r): Scenario => {
      const nodes: NodeSpec[] = Array.from({ length: n }, (_, authority) => ({ authority, behaviour: "honest" }));
      r.faulty.forEach((a, i) => {
        const kind = r.kinds[i]!;
        if (kind === "twins") nodes.push({ authority: a, behaviour: "honest" });
        else nodes[a] = { authority: a, behaviour: kind, ...(kind === "crash" ? { crashAt: r.crashAt } : {}) };
      });
      const timeout = 3 * r.delta + 3 + r.slack;
      const partitions = r.partition ? [{ from: r.partition.from, until: r.partition.from + r.partition.length, groups: [r.partition.side, nodes.map((_, id) => id).filter((id) => !r.partition!.side.includes(id))] }] : [];
      const sync = Math.max(r.gst, ...partitions.map((x) => x.until));
      return { stakes: new Array(n).fill(1), nodes, rules: p.rules, gst: r.gst, delta: r.delta, timeout, until: sync + 2 * timeout + r.tail * r.delta, gcDepth: 50, partitions, delays: r.delays, slow: r.slow, slowBy: r.slowBy };
    });
}

export const digestArb = fc.uint8Array({ minLength: 32, maxLength: 32 });
export const stakesArb = fc.array(fc.integer({ min: 1, max: 20 }), { minLength: 1, maxLength: 12 });

/** A random DAG and a delivery order of it. */
export const dagInputArb = fc
  .record({
    // equal stakes half the time; the adversarial knobs at their extremes half the time
    stakes: fc.oneof(fc.constantFrom(4, 7, 10).map((n) => new Array<number>(n).fill(1)), stakesArb),
    rounds: fc.integer({ min: 1, max: 16 }),
    slow: fc.oneof(fc.constant(0), fc.nat(40)),
    extra: fc.oneof(fc.constant(0), fc.nat(100)),
    avoid: fc.nat(100),
    slowAuthors: fc.uniqueArray(fc.nat(11), { maxLength: 4 }),
    avoidSlow: fc.oneof(fc.constant(100), fc.nat(100)),
    gcDepth: fc.integer({ min: 2, max: 60 }),
    seed: fc.nat(),
  })
  .map((r) => {
    const rng = new Rng(`pwo/consensus/arb/dag/${r.seed}`);
    // slow authorities: those drawn that exist, while their stake stays below the validity threshold
    const total = r.stakes.reduce((x, y) => x + y, 0);
    const slowAuthors: number[] = [];
    let slowStake = 0;
    for (const a of r.slowAuthors) {
      if (a >= r.stakes.length || slowStake + r.stakes[a]! >= Math.floor((total + 2) / 3)) continue;
      slowAuthors.push(a);
      slowStake += r.stakes[a]!;
    }
    const dag = randomDag({ stakes: r.stakes, rounds: r.rounds, slowPercent: r.slow, extraParentPercent: r.extra, avoidLeaderPercent: r.avoid, slowAuthors, avoidSlowPercent: r.avoidSlow }, rng);
    return { stakes: r.stakes, gcDepth: r.gcDepth, dag, order: shuffled(dag, rng), slowAuthors };
  });

