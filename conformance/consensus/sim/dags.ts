/**
 * DAGs of certificates: random ones, as Sui's randomized Bullshark tests build them (each round,
 * every authority that is not slow proposes a header whose parents are a random quorum (or more) of
 * the previous round, leaders are sometimes missing, and slow authorities skip rounds) and their
 * delivery orders. The reference's answer to a DAG delivered in one order is `orderDag`
 * (reference/consensus/order-dag.ts).
 * @module
 */
import { Rng } from "../../../reference/common/rng.js";
import {
  compareDigests,
  genesis,
  headerDigest,
  isLeaderRound,
  leaderOf,
  quorumThreshold,
  stakeOf,
  type Committee,
  type Header,
} from "../../../reference/consensus/index.js";

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
