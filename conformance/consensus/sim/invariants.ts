/**
 * The invariants of the consensus harness (spec/consensus.md §Invariants), checked on every step
 * record of the trace (the simulation core's `Checker`: it reads records, never the nodes):
 *
 * - **agreement**: the commit sequences of all nodes running correct code are prefixes of one sequence;
 * - **integrity**: no vertex is committed twice by a node; only certified vertices are committed (a
 *   certificate seen on the network that passes the reference's checks); every committed vertex comes
 *   after its committed parents; no two valid certificates exist for one (author, round);
 * - **validity** (at the end): every certificate of an honest author formed after the network became
 *   synchronous, of a round at least VALIDITY_LAG below a node's last committed anchor, is committed
 *   by that honest node;
 * - **liveness**: after the network is synchronous (plus two timeouts), an honest node never proposes
 *   more than LIVENESS_ROUNDS rounds without committing; and (at the end, in a run lasting at least
 *   {@link participationWindow} after that) every honest node proposed a header after it, so a node
 *   that takes no part is not vacuously valid and live.
 * @module
 */
import { isSpecError } from "../../../reference/common/errors.js";
import {
  checkCertificate,
  digestKey,
  headerDigest,
  type CommittedSubDag,
  type Committee,
  type Message,
  type SignatureScheme,
  type NodeEvent,
} from "../../../reference/consensus/index.js";
import type { Checker, StepRecord } from "../../harness/sim/index.js";
import { correctCode, faultyAuthorities, honestNode, syncTime, type Scenario } from "./scenario.js";

export type Invariant = "agreement" | "integrity" | "validity" | "liveness";

export interface Violation {
  invariant: Invariant;
  node: number;
  time: number;
  detail: string;
}

/** Rounds an honest node may propose after synchrony without committing, for committees with f faulty. */
export const livenessRounds = (f: number): number => 2 * f + 8;
/** Time after synchrony (plus two timeouts) within which every honest node must propose: 2 (timeout + 2 delta). */
export const participationWindow = (sc: Scenario): number => 2 * (sc.timeout + 2 * sc.delta);
/** Rounds below a node's last committed anchor from which every honest certificate must be committed. */
export const validityLag = (sc: Scenario): number => sc.delta + 6;

interface NodeTrack {
  position: number;
  committed: Set<string>;
  /** Parents left uncommitted when a child was committed: committing one later breaks causal order. */
  late: Set<string>;
  lastAnchorRound: number;
  round: number;
  roundAtLastCommit: number;
  /** Whether the node sent a header of its own at or after synchrony (plus two timeouts). */
  proposedAfterSync: boolean;
}

export class InvariantChecker implements Checker<NodeEvent, Message, CommittedSubDag, Violation> {
  /** The longest commit sequence so far: every node's is a prefix of it. */
  readonly longest: string[] = [];
  private readonly nodes: NodeTrack[];
  /** Digest → certificate, of every certificate sent that passes the reference's checks. */
  private readonly certified = new Map<string, { round: number; author: number; parents: string[]; time: number; fromHonest: boolean }>();
  private readonly rejected = new Set<string>();
  private readonly slots = new Map<string, string>();
  private readonly faulty: Set<number>;
  private readonly sync: number;
  private pending: { node: number; detail: string; invariant: Invariant } | undefined;

  constructor(
    private readonly sc: Scenario,
    private readonly committee: Committee,
    private readonly scheme: SignatureScheme,
  ) {
    this.nodes = sc.nodes.map(() => ({ position: 0, committed: new Set(), late: new Set(), lastAnchorRound: 0, round: 0, roundAtLastCommit: 0, proposedAfterSync: false }));
    this.faulty = faultyAuthorities(sc);
    this.sync = syncTime(sc) + 2 * sc.timeout;
  }

  /** One step: its messages sent (certificates seen, rounds proposed), then its commits. */
  observe(r: StepRecord<NodeEvent, Message, CommittedSubDag>): Violation | undefined {
    for (const s of r.outputs.sends ?? []) this.onSend(r.node, s.message, r.time);
    return this.onStep(r.node, r.outputs.observations ?? [], r.time);
  }

  /** Records certificates (uniqueness) and the rounds nodes propose (liveness). */
  private onSend(node: number, m: Message, time: number): void {
    if (m.type === "header" && m.header.author === this.sc.nodes[node]!.authority) {
      const t = this.nodes[node]!;
      if (time < this.sync) t.roundAtLastCommit = m.header.round;
      else t.proposedAfterSync = true;
      t.round = Math.max(t.round, m.header.round);
    }
    if (m.type !== "certificate") return;
    const cert = m.certificate;
    const key = digestKey(headerDigest(cert.header));
    if (this.certified.has(key) || this.rejected.has(key) || cert.header.round === 0) return;
    try {
      checkCertificate(this.committee, this.scheme, cert);
    } catch (e) {
      if (!isSpecError(e, "consensus")) throw e;
      return; // forged or under-signed: honest nodes must not commit it (checked at commit time)
    }
    const h = cert.header;
    this.certified.set(key, { round: h.round, author: h.author, parents: h.parents.map(digestKey), time, fromHonest: !this.faulty.has(h.author) });
    const slot = `${h.author}:${h.round}`;
    const prior = this.slots.get(slot);
    if (prior === undefined) this.slots.set(slot, key);
    else if (prior !== key && !this.pending) this.pending = { node, invariant: "integrity", detail: `two valid certificates for author ${h.author} round ${h.round}: ${prior.slice(0, 8)} and ${key.slice(0, 8)}` };
  }

  /** Checks a node's commits of one step; returns the first violation. */
  private onStep(node: number, commits: readonly CommittedSubDag[], time: number): Violation | undefined {
    if (this.pending) {
      const p = this.pending;
      this.pending = undefined;
      return { ...p, time };
    }
    const t = this.nodes[node]!;
    const correct = correctCode(this.sc, node);
    for (const c of commits) {
      if (!correct) break;
      t.lastAnchorRound = Math.max(t.lastAnchorRound, c.anchor.round);
      t.roundAtLastCommit = t.round;
      for (const v of c.vertices) {
        const key = digestKey(v.digest);
        const bad = (invariant: Invariant, detail: string): Violation => ({ invariant, node, time, detail: `${detail} (vertex ${v.round}/${v.author}#${key.slice(0, 8)}, position ${t.position})` });
        if (t.committed.has(key)) return bad("integrity", "committed twice");
        const cert = this.certified.get(key);
        if (!cert) return bad("integrity", "committed a vertex without a valid certificate");
        if (t.late.has(key)) return bad("integrity", "committed after one of its children (causal order)");
        t.committed.add(key);
        for (const p of cert.parents) if (!t.committed.has(p)) t.late.add(p);
        if (t.position < this.longest.length) {
          if (this.longest[t.position] !== key) return bad("agreement", `another node committed ${this.longest[t.position]!.slice(0, 8)} at this position`);
        } else this.longest.push(key);
        t.position++;
      }
    }
    if (honestNode(this.sc, node) && time >= this.sync && t.round - t.roundAtLastCommit > livenessRounds(this.f())) {
      return { invariant: "liveness", node, time, detail: `proposed round ${t.round} without committing since round ${t.roundAtLastCommit}` };
    }
    return undefined;
  }

  private f(): number {
    return Math.floor((this.sc.stakes.length - 1) / 3);
  }

  /** End of run: participation (liveness), then validity. */
  finish(time: number): Violation | undefined {
    if (this.pending) return { ...this.pending, time };
    const lag = validityLag(this.sc);
    const participation = this.sc.until >= this.sync + participationWindow(this.sc);
    for (const [id, t] of this.nodes.entries()) {
      if (!honestNode(this.sc, id)) continue;
      if (participation && !t.proposedAfterSync) return { invariant: "liveness", node: id, time, detail: `proposed no header after synchrony (t ≥ ${this.sync}) in a run lasting until ${this.sc.until}` };
      for (const [key, c] of this.certified) {
        if (!c.fromHonest || c.time < this.sync || c.round > t.lastAnchorRound - lag || t.committed.has(key)) continue;
        return { invariant: "validity", node: id, time, detail: `honest certificate ${c.round}/${c.author}#${key.slice(0, 8)} (formed at t=${c.time}) not committed; last anchor round ${t.lastAnchorRound}` };
      }
    }
    return undefined;
  }
}
