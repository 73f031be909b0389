/**
 * The random-DAG campaign: delivery-order independence of the ordering over random DAGs (Sui's
 * randomized Bullshark tests), and the JSON trace of its violations.
 * @module
 */
import fc from "fast-check";
import { Rng } from "../../../reference/common/rng.js";
import { digestKey, headerDigest, orderDag, type CommittedSubDag, type Header } from "../../../reference/consensus/index.js";
import type { JsonObject } from "../../harness/operation.js";
import { dagInputArb } from "./adversary.js";
import { shuffled, slowAuthorityOrder } from "./dags.js";
import { headerToJson } from "./json.js";
import { rulesOf, type RulesName } from "./mutants.js";

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

/** The JSON trace of a DAG-campaign violation, as `pwo consensus replay` reads it. */
export function dagTrace(v: DagViolation, provenance: { command: string; seed: number; rules: RulesName }, format: string): JsonObject {
  return {
    format,
    kind: "dag",
    provenance,
    violation: { invariant: v.invariant, detail: v.detail },
    dag: { stakes: v.stakes, gcDepth: v.gcDepth, order: v.order.map(headerToJson), delivered: v.delivered },
  };
}
