/**
 * The consensus scenario (spec/consensus.md §Simulation): the whole adversary as data — the
 * committee, the nodes and their behaviours (honest, crash, Byzantine, twins), GST, partitions that
 * heal, and the delay of every message in send order. Nothing else is random, so a scenario replays
 * identically and fast-check can shrink it to a minimal schedule. {@link scenarioNetwork} translates
 * it into the simulation core's network model.
 * @module
 */
import { SIM_HASH_SCHEME, deriveKeyPair, stakeOf, validityThreshold, type Committee, type SignatureScheme } from "../../../reference/consensus/index.js";
import type { NetworkModel } from "../../harness/sim/index.js";
import type { RulesName } from "./mutants.js";

export const BEHAVIOURS = ["honest", "crash", "equivocate", "withhold-votes", "conflicting-votes", "forge-certificates"] as const;
export type Behaviour = (typeof BEHAVIOURS)[number];

export interface NodeSpec {
  authority: number;
  behaviour: Behaviour;
  /** For `crash`: the time from which the node processes nothing. */
  crashAt?: number;
}

/** Between `from` and `until`, messages between different groups (node ids) are held until `until`. */
export interface Partition {
  from: number;
  until: number;
  groups: number[][];
}

export interface Scenario {
  stakes: number[];
  /** Node ids are indices here. Two nodes with one authority are twins (one key, two machines). */
  nodes: NodeSpec[];
  /** The rules honest nodes run: the reference or a mutant. */
  rules: RulesName;
  gst: number;
  /** After GST every message arrives within delta time units. */
  delta: number;
  /** The round timeout, in time units. */
  timeout: number;
  /** The simulation stops at this time. */
  until: number;
  gcDepth: number;
  partitions: Partition[];
  /** Delay of the i-th message sent: delays[i mod |delays|] (1 if empty); see {@link scenarioNetwork}. */
  delays: number[];
  /** Slow nodes: before GST, every message they send arrives `slowBy` time units later. */
  slow: number[];
  slowBy: number;
}

/** The key label of simulated committees: authority i's keys are deriveKeyPair(scheme, "sim", i). */
export const SIM_KEY_LABEL = "sim";

export function scenarioCommittee(sc: Scenario, scheme: SignatureScheme = SIM_HASH_SCHEME): Committee {
  return { authorities: sc.stakes.map((stake, i) => ({ stake, publicKey: deriveKeyPair(scheme, SIM_KEY_LABEL, i).publicKey })) };
}

/** Authorities that are not honest: any with a non-honest node or with twins. */
export function faultyAuthorities(sc: Scenario): Set<number> {
  const out = new Set<number>();
  const count = new Map<number, number>();
  for (const n of sc.nodes) count.set(n.authority, (count.get(n.authority) ?? 0) + 1);
  for (const n of sc.nodes) if (n.behaviour !== "honest" || count.get(n.authority)! > 1) out.add(n.authority);
  return out;
}

/** Node ids running honest code (crash nodes until they crash), whose commits the invariants check. */
export const correctCode = (sc: Scenario, id: number): boolean => {
  const n = sc.nodes[id]!;
  return (n.behaviour === "honest" || n.behaviour === "crash") && sc.nodes.filter((m) => m.authority === n.authority).length === 1;
};

/** Honest node ids: correct code, never crashing. Validity and liveness are promised to them. */
export const honestNode = (sc: Scenario, id: number): boolean => correctCode(sc, id) && sc.nodes[id]!.behaviour === "honest";

/** Throws a RangeError unless the scenario is well-formed and its faulty stake is at most f. */
export function checkScenario(sc: Scenario): void {
  const n = sc.stakes.length;
  if (n < 1 || sc.stakes.some((s) => !Number.isSafeInteger(s) || s < 1)) throw new RangeError("scenario: stakes must be integers ≥ 1");
  if (sc.nodes.some((x) => !Number.isSafeInteger(x.authority) || x.authority < 0 || x.authority >= n || !BEHAVIOURS.includes(x.behaviour))) throw new RangeError("scenario: a node has an unknown authority or behaviour");
  for (let a = 0; a < n; a++) if (!sc.nodes.some((x) => x.authority === a)) throw new RangeError(`scenario: authority ${a} has no node`);
  if (!(sc.delta >= 1 && sc.timeout >= 1 && sc.gcDepth >= 2 && sc.until >= 0 && sc.gst >= 0)) throw new RangeError("scenario: delta, timeout ≥ 1, gcDepth ≥ 2, gst, until ≥ 0");
  const committee = { authorities: sc.stakes.map((stake) => ({ stake, publicKey: new Uint8Array(0) })) };
  const faulty = stakeOf(committee, faultyAuthorities(sc));
  if (faulty >= validityThreshold(committee)) throw new RangeError(`scenario: faulty stake ${faulty} exceeds f = ${validityThreshold(committee) - 1}`);
}

/**
 * The scenario's network in the core's model: one scripted delay per send (`delays`, 1 if empty;
 * before GST a 0 loses the message), GST and delta, the slow nodes' extra delay before GST as
 * per-sender overrides, the partitions, and each crash node down from `crashAt` (0 if absent).
 */
export function scenarioNetwork(sc: Scenario): NetworkModel {
  return {
    gst: sc.gst,
    delta: sc.delta,
    link: { delay: { script: sc.delays } },
    links: sc.slow.map((from) => ({ from, slowBy: sc.slowBy })),
    partitions: sc.partitions,
    crashes: sc.nodes.flatMap((n, node) => (n.behaviour === "crash" ? [{ node, at: n.crashAt ?? 0 }] : [])),
  };
}

/** The time from which the network is synchronous and unpartitioned. */
export const syncTime = (sc: Scenario): number => Math.max(sc.gst, ...sc.partitions.map((p) => p.until));
