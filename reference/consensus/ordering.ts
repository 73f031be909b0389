/**
 * Bullshark ordering over a Narwhal DAG, partially synchronous version (spec/consensus.md §Ordering;
 * Spiegelman et al., "Bullshark", CCS 2022, §5). Deterministic: two nodes with the same DAG order
 * it identically, whatever order its certificates arrived in (§Delivery-order independence).
 * @module
 */
import { isLeaderRound, leaderOf, stakeOf, validityThreshold } from "./committee.js";
import { compareDigests } from "./header.js";
import type { Dag, DagVertex } from "./dag.js";
import type { Committee, VertexRef } from "./types.js";

/** One commit: an anchor and its newly ordered causal history, the anchor last. */
export interface CommittedSubDag {
  anchor: VertexRef;
  vertices: VertexRef[];
}

/** The ordering knobs the reference fixes and the harness's mutants change. */
export interface OrderingRule {
  /** Stake of next-round votes (links) an anchor needs to commit directly. Reference: validity threshold (f+1). */
  support(c: Committee): number;
  /** Whether committing an anchor first commits the earlier uncommitted anchors it has a path to. Reference: true. */
  commitEarlierAnchors: boolean;
  /** The total order of one anchor's causal history. Reference: {@link compareVertices}. */
  compare(a: VertexRef, b: VertexRef): number;
}

/** The causal-history order: by round, then author, then digest (bytes); parents always come first. */
export function compareVertices(a: VertexRef, b: VertexRef): number {
  return a.round - b.round || a.author - b.author || compareDigests(a.digest, b.digest);
}

export const REFERENCE_ORDERING: OrderingRule = { support: validityThreshold, commitEarlierAnchors: true, compare: compareVertices };

/** True when `to` is in the causal history of `from` (a path of parent edges), `from` included. */
export function isLinked(dag: Dag, from: DagVertex, to: DagVertex): boolean {
  const seen = new Set<string>([from.key]);
  const stack = [from];
  while (stack.length) {
    const v = stack.pop()!;
    if (v.key === to.key) return true;
    for (const p of v.parents) {
      const pv = dag.get(p);
      if (!pv || seen.has(p) || pv.ref.round < to.ref.round) continue;
      seen.add(p);
      stack.push(pv);
    }
  }
  return false;
}

/** Stake of the authors of round r+1 slot certificates that have `leader` as a parent: its votes. */
export function leaderSupport(c: Committee, dag: Dag, leader: DagVertex): number {
  return stakeOf(
    c,
    dag.round(leader.ref.round + 1).filter((v) => v.parents.includes(leader.key)).map((v) => v.ref.author),
  );
}

/**
 * The Bullshark committer of one node. `lastCommittedRound` is the round of the last committed
 * anchor (0 before any); `committed` holds every ordered vertex.
 */
export class Bullshark {
  lastCommittedRound = 0;
  readonly committed = new Set<string>();

  constructor(
    readonly committee: Committee,
    readonly gcDepth: number,
    readonly rule: OrderingRule = REFERENCE_ORDERING,
  ) {}

  /**
   * Called after a certificate of round r joins the DAG. When r − 1 is a leader round above the last
   * committed one, its leader is in the DAG and has support ≥ `rule.support`, the leader commits:
   * first every earlier uncommitted leader reachable through the chain of leaders (walking down by
   * two rounds from the leader, each found leader linked from the last one taken), oldest first,
   * then the leader; each with its causal history ({@link orderHistory}).
   */
  tryCommit(dag: Dag, r: number): CommittedSubDag[] {
    const leaderRound = r - 1;
    if (!isLeaderRound(leaderRound) || leaderRound <= this.lastCommittedRound) return [];
    const leader = dag.slot(leaderRound, leaderOf(this.committee, leaderRound));
    if (!leader || leaderSupport(this.committee, dag, leader) < this.rule.support(this.committee)) return [];
    const anchors = [leader];
    if (this.rule.commitEarlierAnchors) {
      let current = leader;
      for (let ar = leaderRound - 2; ar > this.lastCommittedRound; ar -= 2) {
        const prev = dag.slot(ar, leaderOf(this.committee, ar));
        if (prev && isLinked(dag, current, prev)) {
          anchors.push(prev);
          current = prev;
        }
      }
    }
    return anchors.reverse().map((a) => this.commitAnchor(dag, a));
  }

  private commitAnchor(dag: Dag, anchor: DagVertex): CommittedSubDag {
    const vertices = orderHistory(dag, anchor, this.committed, this.gcDepth, this.rule.compare);
    for (const v of vertices) this.committed.add(v.key);
    this.lastCommittedRound = anchor.ref.round;
    return { anchor: anchor.ref, vertices: vertices.map((v) => v.ref) };
  }
}

/**
 * The anchor's causal history not yet committed: every vertex reachable from the anchor through
 * parent edges, of round ≥ 1 and > anchor.round − gcDepth (older ones are garbage-collected, never
 * ordered), not in `committed`, sorted by `compare` (reference: round, author, digest).
 */
export function orderHistory(dag: Dag, anchor: DagVertex, committed: ReadonlySet<string>, gcDepth: number, compare = compareVertices): DagVertex[] {
  const floor = Math.max(1, anchor.ref.round - gcDepth + 1);
  const seen = new Set<string>([anchor.key]);
  const out: DagVertex[] = [];
  const stack = [anchor];
  while (stack.length) {
    const v = stack.pop()!;
    out.push(v);
    for (const p of v.parents) {
      const pv = dag.get(p);
      if (!pv || seen.has(p) || committed.has(p) || pv.ref.round < floor) continue;
      seen.add(p);
      stack.push(pv);
    }
  }
  return out.sort((a, b) => compare(a.ref, b.ref));
}
