/**
 * Committees, stake thresholds and the leader schedule (spec/consensus.md §Committee, §Leader schedule).
 * @module
 */
import { MAX_COMMITTEE_SIZE, MAX_TOTAL_STAKE } from "./constants.js";
import { fail } from "./errors.js";
import type { Committee } from "./types.js";

/** Checks a committee: 1..MAX_COMMITTEE_SIZE authorities, integer stakes ≥ 1, total ≤ MAX_TOTAL_STAKE. */
export function checkCommittee(c: Committee): void {
  const n = c.authorities.length;
  if (n < 1 || n > MAX_COMMITTEE_SIZE) fail("INVALID_COMMITTEE", `committee of ${n} authorities, expected 1..${MAX_COMMITTEE_SIZE}`);
  let total = 0;
  for (const [i, a] of c.authorities.entries()) {
    if (!Number.isSafeInteger(a.stake) || a.stake < 1) fail("INVALID_COMMITTEE", `authority ${i}: stake ${a.stake}, expected an integer ≥ 1`);
    total += a.stake;
    if (total > MAX_TOTAL_STAKE) fail("INVALID_COMMITTEE", `total stake exceeds ${MAX_TOTAL_STAKE}`);
  }
}

/** S, the committee's total stake. */
export function totalStake(c: Committee): number {
  return c.authorities.reduce((s, a) => s + a.stake, 0);
}

/** Quorum threshold ⌊2S/3⌋ + 1: any two quorums share more than S/3 stake (2f+1 when S = 3f+1). */
export function quorumThreshold(c: Committee): number {
  return Math.floor((2 * totalStake(c)) / 3) + 1;
}

/** Validity threshold ⌈S/3⌉ = ⌊(S+2)/3⌋: stake that contains at least one honest authority (f+1 when S = 3f+1). */
export function validityThreshold(c: Committee): number {
  return Math.floor((totalStake(c) + 2) / 3);
}

/** Stake of a set of authority indices (each counted once). */
export function stakeOf(c: Committee, authors: Iterable<number>): number {
  let s = 0;
  for (const a of new Set(authors)) s += c.authorities[a]?.stake ?? 0;
  return s;
}

/** True when `r` is a leader (anchor) round: even and ≥ 2. Round 0 is genesis. */
export const isLeaderRound = (r: number): boolean => r >= 2 && r % 2 === 0;

const scheduleCache = new WeakMap<Committee, number[]>();

/**
 * The leader of even round r ≥ 2 is entry k = r/2 − 1 of the committee's smooth weighted round-robin
 * sequence: every authority starts with priority 0; for each entry, every priority grows by the
 * authority's stake, the authority of highest priority (lowest index on a tie) is the entry, and its
 * priority drops by S. Each authority is chosen in proportion to its stake, evenly spread; with
 * equal stakes the sequence is 0, 1, …, n−1, 0, 1, …
 */
export function leaderOf(c: Committee, round: number): number {
  if (!isLeaderRound(round)) throw new RangeError(`leaderOf(round): expected an even round ≥ 2, got ${round}`);
  return scheduleEntry(c, round / 2 - 1);
}

function scheduleEntry(c: Committee, k: number): number {
  let seq = scheduleCache.get(c);
  if (!seq) scheduleCache.set(c, (seq = []));
  // the sequence is periodic with period S; entries beyond it repeat
  const S = totalStake(c);
  const want = k < S ? k : k % S;
  if (seq.length <= want) {
    const prio = c.authorities.map(() => 0);
    // recompute from scratch up to `want` (priorities are the state; the cache keeps only entries)
    const out: number[] = [];
    for (let e = 0; e <= Math.max(want, Math.min(S - 1, 2 * want + 16)); e++) {
      let best = 0;
      for (let i = 0; i < prio.length; i++) {
        prio[i]! += c.authorities[i]!.stake;
        if (prio[i]! > prio[best]!) best = i;
      }
      prio[best]! -= S;
      out.push(best);
    }
    seq.length = 0;
    seq.push(...out);
  }
  return seq[want]!;
}
