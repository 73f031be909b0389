/**
 * DAGs of certificates: random ones, as Sui's randomized Bullshark tests build them (each round,
 * every authority that is not slow proposes a header whose parents are a random quorum (or more) of
 * the previous round, leaders are sometimes missing, and slow authorities skip rounds), their
 * delivery orders, and {@link orderDag}, the reference's answer to a DAG delivered in one order.
 * @module
 */
import { Rng } from "../../../reference/common/rng.js";
import {
  Bullshark,
  Dag,
  REFERENCE_RULES,
  checkHeader,
  checkHeaderFields,
  compareDigests,
  digestKey,
  genesis,
  headerDigest,
  isLeaderRound,
  leaderOf,
  quorumThreshold,
  stakeOf,
  type CommittedSubDag,
  type Committee,
  type Header,
  type ProtocolRules,
} from "../../../reference/consensus/index.js";
import { fail } from "../../../reference/consensus/errors.js";

export interface DagParams {
  stakes: number[];
  rounds: number;
  /** Chance in percent that an authority skips a round. */
  slowPercent: number;
  /** Chance in percent that a header takes each extra parent beyond a quorum. */
  extraParentPercent: number;
  /** Chance in percent that a header avoids the previous round's leader while it can (few votes for it). */
  avoidLeaderPercent?: number;
  /** Slow authorities (Sui's slow nodes): others take their certificates as parents last, with chance avoidSlowPercent. */
  slowAuthors?: number[];
  avoidSlowPercent?: number;
}

/** A DAG as headers in round order, every round's parents of ≥ quorum stake from the round before. */
export function randomDag(p: DagParams, rng: Rng): Header[] {
  const c: Committee = { authorities: p.stakes.map((stake) => ({ stake, publicKey: new Uint8Array(0) })) };
  const q = quorumThreshold(c);
  let previous = genesis(c).map((g) => g.header);
  const out: Header[] = [];
  for (let r = 1; r <= p.rounds; r++) {
    const current: Header[] = [];
    // slow authorities skip the round, as long as the others keep quorum stake
    let present = stakeOf(c, p.stakes.map((_, a) => a));
    for (let a = 0; a < p.stakes.length; a++) {
      if (r > 1 && rng.chance(p.slowPercent, 100) && present - p.stakes[a]! >= q) {
        present -= p.stakes[a]!;
        continue;
      }
      // a random permutation of the previous round; take until quorum, then more by chance
      const order = [...previous];
      for (let i = order.length - 1; i > 0; i--) {
        const j = rng.below(i + 1);
        [order[i], order[j]] = [order[j]!, order[i]!];
      }
      if (isLeaderRound(r - 1) && rng.chance(p.avoidLeaderPercent ?? 0, 100)) {
        const leader = leaderOf(c, r - 1);
        order.sort((x, y) => Number(x.author === leader) - Number(y.author === leader)); // the leader last: taken only if needed
      }
      const slow = new Set(p.slowAuthors ?? []);
      if (!slow.has(a) && rng.chance(p.avoidSlowPercent ?? 0, 100)) order.sort((x, y) => Number(slow.has(x.author)) - Number(slow.has(y.author)));
      const parents: Header[] = [];
      for (const h of order) {
        if (stakeOf(c, parents.map((x) => x.author)) < q || rng.chance(p.extraParentPercent, 100)) parents.push(h);
      }
      if (stakeOf(c, parents.map((x) => x.author)) < q) continue;
      current.push({ author: a, round: r, payload: [], parents: parents.map(headerDigest).sort(compareDigests) });
    }
    if (stakeOf(c, current.map((h) => h.author)) < q) break; // the DAG cannot grow past a round without quorum
    out.push(...current);
    previous = current;
  }
  return out;
}

/** A delivery order: a random permutation (the orderer buffers children until their parents arrive). */
export function shuffled<T>(items: readonly T[], rng: Rng): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = rng.below(i + 1);
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

/** Round order, except that some authorities' certificates all come last: Sui's "slow nodes". */
export function slowAuthorityOrder(dag: readonly Header[], authors: readonly number[]): Header[] {
  return [...dag.filter((h) => !authors.includes(h.author)), ...dag.filter((h) => authors.includes(h.author))];
}

/** A binary min-heap of arrival indices: the buffered certificate released first is the earliest delivered. */
class ArrivalHeap {
  private readonly h: number[] = [];
  get size(): number {
    return this.h.length;
  }
  push(x: number): void {
    const h = this.h;
    h.push(x);
    for (let i = h.length - 1; i > 0; ) {
      const p = (i - 1) >> 1;
      if (h[p]! <= h[i]!) break;
      [h[p], h[i]] = [h[i]!, h[p]!];
      i = p;
    }
  }
  pop(): number {
    const h = this.h;
    const top = h[0]!;
    const last = h.pop()!;
    if (h.length > 0) {
      h[0] = last;
      for (let i = 0; ; ) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < h.length && h[l]! < h[m]!) m = l;
        if (r < h.length && h[r]! < h[m]!) m = r;
        if (m === i) break;
        [h[m], h[i]] = [h[i]!, h[m]!];
        i = m;
      }
    }
    return top;
  }
}

/**
 * Orders a DAG delivered in the given order (spec §Ordering): each certificate is checked (H1–H10,
 * a second certificate for an occupied slot is EQUIVOCATION), buffered until its parents are in, then
 * inserted and the commit rule run. Of the buffered certificates whose parents are all in, the
 * earliest delivered is inserted first, and the choice is made again after each insertion.
 * Certificates whose parents never arrive stay unordered.
 *
 * Cost: O(P log n) for n certificates with P parents in total: each buffered certificate counts its
 * missing parents, each insertion releases the certificates waiting on it (no rescan of the buffer).
 */
export function orderDag(committee: Committee, gcDepth: number, headers: readonly Header[], rules: ProtocolRules = REFERENCE_RULES): CommittedSubDag[] {
  const dag = new Dag();
  for (const g of genesis(committee)) dag.insert(g, headerDigest(g.header));
  const bullshark = new Bullshark(committee, gcDepth, rules.ordering);
  const commits: CommittedSubDag[] = [];
  const ready = new ArrivalHeap();
  const missingCount: number[] = [];
  /** Parent digest key → arrival indices of the buffered certificates still missing it. */
  const waitingOn = new Map<string, number[]>();
  const insert = (h: Header): string => {
    const digest = checkHeader(committee, h, (d) => dag.get(digestKey(d))?.header, gcDepth, rules.quorum);
    const slot = dag.slot(h.round, h.author);
    if (slot && slot.key !== digestKey(digest)) fail("EQUIVOCATION", `a second certificate for author ${h.author} round ${h.round}`);
    dag.insert({ header: h, signers: [], signature: new Uint8Array(0) }, digest);
    commits.push(...bullshark.tryCommit(dag, h.round));
    return digestKey(digest);
  };
  for (const [k, h] of headers.entries()) {
    checkHeaderFields(committee, h);
    const missing = new Set(h.parents.map(digestKey).filter((p) => !dag.has(p)));
    missingCount[k] = missing.size;
    if (missing.size === 0) ready.push(k);
    for (const p of missing) {
      const list = waitingOn.get(p);
      if (list) list.push(k);
      else waitingOn.set(p, [k]);
    }
    while (ready.size > 0) {
      const key = insert(headers[ready.pop()]!);
      const released = waitingOn.get(key);
      if (!released) continue;
      waitingOn.delete(key);
      for (const w of released) if (--missingCount[w]! === 0) ready.push(w);
    }
  }
  return commits;
}
