/**
 * Named scenarios (the `simulate` vectors) and the counterexamples the campaign found, promoted into
 * vectors with their seed and provenance (spec/consensus.md §Scenario vectors).
 * @module
 */
import type { NodeSpec, Scenario } from "./sim/scenario.js";

const honestNodes = (n: number): NodeSpec[] => Array.from({ length: n }, (_, authority) => ({ authority, behaviour: "honest" as const }));
const BASE: Scenario = { stakes: [1, 1, 1, 1], nodes: honestNodes(4), rules: "reference", gst: 0, delta: 3, timeout: 15, until: 150, gcDepth: 50, partitions: [], delays: [1, 2, 3, 2, 1, 3], slow: [], slowBy: 0 };
const withNode = (sc: Scenario, node: NodeSpec, at = node.authority): Scenario => ({ ...sc, nodes: sc.nodes.map((n, i) => (i === at ? node : n)) });

export interface NamedScenario {
  comment: string;
  flags: string[];
  scenario: Scenario;
}

export const STANDARD_SCENARIOS = {
  honest4: { comment: "four honest validators, synchronous from the start", flags: ["Honest"], scenario: BASE },
  lossBeforeGst: {
    comment: "messages lost (delay 0) or delayed up to 40 before GST at t = 80",
    flags: ["Honest", "Asynchrony"],
    scenario: { ...BASE, gst: 80, until: 260, delays: [0, 7, 40, 1, 0, 13, 2, 25, 0, 3, 9, 31] },
  },
  partitionHeals: {
    comment: "{0,1} and {2,3} partitioned until t = 60, then synchronous",
    flags: ["Honest", "Partition"],
    scenario: { ...BASE, until: 240, partitions: [{ from: 0, until: 60, groups: [[0, 1], [2, 3]] }] },
  },
  crash: { comment: "validator 3 crashes at t = 40", flags: ["Crash"], scenario: { ...withNode(BASE, { authority: 3, behaviour: "crash", crashAt: 40 }), until: 200 } },
  equivocatingLeader: { comment: "validator 0 (leader of round 2) sends two headers every round", flags: ["Byzantine", "Equivocation"], scenario: withNode(BASE, { authority: 0, behaviour: "equivocate" }) },
  withheldVotes: { comment: "validator 1 never votes", flags: ["Byzantine"], scenario: withNode(BASE, { authority: 1, behaviour: "withhold-votes" }) },
  conflictingVotes: { comment: "validator 2 votes for every header, equivocating ones included", flags: ["Byzantine"], scenario: withNode(BASE, { authority: 2, behaviour: "conflicting-votes" }) },
  forgedCertificates: { comment: "validator 3 broadcasts forged and under-signed certificates of its headers", flags: ["Byzantine"], scenario: withNode(BASE, { authority: 3, behaviour: "forge-certificates" }) },
  twins: {
    comment: "twins: two machines run validator 1 with one key, each proposing its own headers",
    flags: ["Byzantine", "Twins"],
    scenario: { ...BASE, nodes: [...BASE.nodes, { authority: 1, behaviour: "honest" }], until: 200 },
  },
  twinsPartitioned: {
    comment: "twins of validator 0 on both sides of a partition that heals at t = 50",
    flags: ["Byzantine", "Twins", "Partition"],
    scenario: { ...BASE, nodes: [...BASE.nodes, { authority: 0, behaviour: "honest" }], until: 220, partitions: [{ from: 0, until: 50, groups: [[0, 1], [2, 3, 4]] }] },
  },
  weighted: {
    comment: "stakes 3, 1, 1, 1, 1: the validator of stake 1 at index 4 equivocates (f stake = 2)",
    flags: ["Weighted", "Byzantine", "Equivocation"],
    scenario: { ...BASE, stakes: [3, 1, 1, 1, 1], nodes: [...honestNodes(4), { authority: 4, behaviour: "equivocate" }], until: 150 },
  },
  sevenWithTwoByzantine: {
    comment: "seven validators, f = 2: one equivocates, one withholds votes, lossy until t = 60",
    flags: ["Byzantine", "Equivocation", "Asynchrony"],
    scenario: { ...BASE, stakes: new Array(7).fill(1), nodes: [{ authority: 0, behaviour: "equivocate" }, ...honestNodes(7).slice(1, 5), { authority: 5, behaviour: "withhold-votes" }, { authority: 6, behaviour: "honest" }], gst: 60, until: 200, delays: [0, 4, 9, 1, 17, 2, 0, 6] },
  },
} satisfies Record<string, NamedScenario>;

export { COUNTEREXAMPLES, type Counterexample } from "./counterexamples.js";
