/**
 * The Turbine tree (spec/shreds.md §Turbine tree), as Agave's `turbine/src/cluster_nodes.rs` and
 * `gossip/src/weighted_shuffle.rs` define it:
 *
 *   seed(slot, index, type, leader) = SHA-256(slot u64 LE ‖ type byte ‖ index u32 LE ‖ leader[32])
 *   nodes   = every node, sorted by (stake, pubkey) descending (pubkeys compared as bytes)
 *   order   = weighted shuffle of the nodes' stakes, the leader removed, drawn from ChaCha20Rng(seed)
 *   tree    = position 0 is the root; positions 1..F the first layer; each later node k's children are
 *             fixed by index arithmetic (retransmitChildren), F the fanout (200 by default)
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { ChaCha20Rng } from "./chacha.js";
import { SHRED_TYPE_CODE, SHRED_TYPE_DATA } from "./constants.js";
import { fail } from "./errors.js";
import type { ShredKind } from "./shred.js";

const U64_MAX = (1n << 64n) - 1n;

/** The per-shred seed (Agave `ShredId::seed`). */
export function shredSeed(slot: bigint, index: number, kind: ShredKind, leader: Uint8Array): Uint8Array {
  const b = new Uint8Array(8 + 1 + 4 + 32);
  const v = new DataView(b.buffer);
  v.setBigUint64(0, slot, true);
  b[8] = kind === "data" ? SHRED_TYPE_DATA : SHRED_TYPE_CODE;
  v.setUint32(9, index, true);
  b.set(leader, 13);
  return sha256(b);
}

/**
 * A stake-weighted shuffle without replacement (Agave `WeightedShuffle`), over a Fenwick tree of
 * u64 weights. Each draw: w = total remaining weight; if w > 0, x = sampleBelow(w) and the result is
 * the smallest index whose prefix sum of remaining weights exceeds x (then removed); otherwise
 * x = sampleBelow(#zeros) and the result is zeros.swap_remove(x). Weights whose addition would
 * overflow u64 are treated as zero (appended to the zeros in index order).
 */
export class WeightedShuffle {
  private readonly tree: bigint[];
  private readonly weights: bigint[];
  private total = 0n;
  private zeros: number[] = [];

  constructor(weights: readonly bigint[]) {
    const n = weights.length;
    this.tree = new Array<bigint>(n + 1).fill(0n);
    this.weights = new Array<bigint>(n).fill(0n);
    weights.forEach((w, k) => {
      if (w === 0n || this.total + w > U64_MAX) {
        this.zeros.push(k);
        return;
      }
      this.total += w;
      this.weights[k] = w;
      for (let i = k + 1; i <= n; i += i & -i) this.tree[i]! += w;
    });
  }

  private sub(k: number, w: bigint): void {
    this.total -= w;
    this.weights[k] = 0n;
    for (let i = k + 1; i < this.tree.length; i += i & -i) this.tree[i]! -= w;
  }

  /** Removes index k (Agave `remove_index`): from the tree if it has weight, else from the zeros (order kept). */
  removeIndex(k: number): void {
    const w = this.weights[k];
    if (w === undefined) return;
    if (w > 0n) this.sub(k, w);
    else {
      const at = this.zeros.indexOf(k);
      if (at >= 0) this.zeros.splice(at, 1);
    }
  }

  /** The smallest index whose prefix sum exceeds x (x < total). */
  private search(x: bigint): number {
    let pos = 0;
    let step = 1;
    while (step * 2 < this.tree.length) step *= 2;
    for (; step > 0; step >>= 1) {
      const next = pos + step;
      if (next < this.tree.length && this.tree[next]! <= x) {
        pos = next;
        x -= this.tree[next]!;
      }
    }
    return pos;
  }

  /** The next index of the shuffle, or undefined when every index has been drawn. */
  next(rng: ChaCha20Rng): number | undefined {
    if (this.total > 0n) {
      const k = this.search(rng.sampleBelow(this.total));
      this.sub(k, this.weights[k]!);
      return k;
    }
    if (this.zeros.length === 0) return undefined;
    const at = Number(rng.sampleBelow(BigInt(this.zeros.length)));
    const k = this.zeros[at]!;
    this.zeros[at] = this.zeros[this.zeros.length - 1]!;
    this.zeros.pop();
    return k;
  }

  /** Every remaining index in shuffled order. */
  shuffle(rng: ChaCha20Rng): number[] {
    const out: number[] = [];
    for (let k = this.next(rng); k !== undefined; k = this.next(rng)) out.push(k);
    return out;
  }
}

export interface TurbineNode {
  pubkey: Uint8Array;
  stake: bigint;
}

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  for (let i = 0; i < Math.min(a.length, b.length); i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

/** Nodes sorted by (stake, pubkey) descending; rejects duplicates and out-of-range stakes (T1). */
export function sortNodes(nodes: readonly TurbineNode[]): TurbineNode[] {
  if (nodes.length === 0) fail("INVALID_TREE_INPUT", "no nodes");
  for (const n of nodes) if (n.pubkey.length !== 32 || n.stake < 0n || n.stake > U64_MAX) fail("INVALID_TREE_INPUT", "a pubkey is 32 bytes and a stake a u64");
  const sorted = nodes.slice().sort((a, b) => (a.stake !== b.stake ? (b.stake > a.stake ? 1 : -1) : compareBytes(b.pubkey, a.pubkey)));
  for (let i = 1; i < sorted.length; i++) if (compareBytes(sorted[i]!.pubkey, sorted[i - 1]!.pubkey) === 0) fail("INVALID_TREE_INPUT", "a pubkey appears twice");
  return sorted;
}

/**
 * The shuffled order of one shred's tree: the sorted nodes (leader removed) in the order the
 * weighted shuffle seeded by the shred's seed draws them. Cost: O(n log n) u64 additions.
 */
export function turbineOrder(nodes: readonly TurbineNode[], leader: Uint8Array, slot: bigint, index: number, kind: ShredKind): TurbineNode[] {
  const sorted = sortNodes(nodes);
  const ws = new WeightedShuffle(sorted.map((n) => n.stake));
  const at = sorted.findIndex((n) => compareBytes(n.pubkey, leader) === 0);
  if (at >= 0) ws.removeIndex(at);
  return ws.shuffle(new ChaCha20Rng(shredSeed(slot, index, kind, leader))).map((k) => sorted[k]!);
}

/**
 * The positions node `index` of an order of `count` retransmits to (Agave `get_retransmit_peers`):
 * offset = (index − 1) mod F (0 for the root), anchor = index − offset; children are
 * anchor·F + offset + 1 + j·step for j = 0..F−1 with step 1 for the root and F otherwise, those below count.
 */
export function retransmitChildren(index: number, count: number, fanout: number): number[] {
  if (fanout < 1) fail("INVALID_TREE_INPUT", "fanout below 1");
  const offset = Math.max(index - 1, 0) % fanout;
  const anchor = index - offset;
  const step = index === 0 ? 1 : fanout;
  const out: number[] = [];
  for (let j = 0, k = anchor * fanout + offset + 1; j < fanout && k < count; j++, k += step) out.push(k);
  return out;
}

/** The position node `index` receives from (Agave `get_retransmit_parent`); undefined for the root. */
export function retransmitParent(index: number, fanout: number): number | undefined {
  if (fanout < 1) fail("INVALID_TREE_INPUT", "fanout below 1");
  if (index === 0) return undefined;
  const offset = (index - 1) % fanout;
  let p = Math.floor((index - 1) / fanout);
  p -= Math.max(p - 1, 0) % fanout;
  return p === 0 ? 0 : p + offset;
}

/** Hops from the root: 0 root, 1 first layer, 2 up to F + F², 3 beyond (Agave `get_root_distance`). */
export function rootDistance(index: number, fanout: number): number {
  if (index === 0) return 0;
  if (index <= fanout) return 1;
  if (index <= (fanout + 1) * fanout) return 2;
  return 3;
}
