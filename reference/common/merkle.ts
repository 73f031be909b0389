/**
 * The binary Merkle tree of RFC 6962 §2.1, shared by every component that commits to a list
 * (codec's transaction root, da's data root). One tree, parameterised by nothing but its input
 * (STYLE habit 5).
 *
 *   MTH({})      = SHA-256()
 *   MTH({d0})    = SHA-256(0x00 ‖ d0)
 *   MTH(D[0:n])  = SHA-256(0x01 ‖ MTH(D[0:k]) ‖ MTH(D[k:n])),  k = largest power of two < n
 *
 * The 0x00/0x01 prefixes separate leaves from inner nodes, so no leaf can be passed off as a node.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";

export const LEAF_PREFIX = 0x00;
export const NODE_PREFIX = 0x01;

/** SHA-256(0x00 ‖ leaf). */
export function leafHash(leaf: Uint8Array): Uint8Array {
  return sha256.create().update(Uint8Array.of(LEAF_PREFIX)).update(leaf).digest();
}

/** SHA-256(0x01 ‖ left ‖ right). */
export function nodeHash(left: Uint8Array, right: Uint8Array): Uint8Array {
  return sha256.create().update(Uint8Array.of(NODE_PREFIX)).update(left).update(right).digest();
}

/** Largest power of two strictly less than n (n ≥ 2): the RFC 6962 split point. */
export function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** MTH over already-hashed leaves (RFC 6962 §2.1), recursive split at {@link splitPoint}. */
export function merkleRootOfHashes(leafHashes: readonly Uint8Array[]): Uint8Array {
  const n = leafHashes.length;
  if (n === 0) return sha256(new Uint8Array(0));
  if (n === 1) return leafHashes[0] as Uint8Array;
  const k = splitPoint(n);
  return nodeHash(merkleRootOfHashes(leafHashes.slice(0, k)), merkleRootOfHashes(leafHashes.slice(k)));
}

/** MTH over raw leaves. */
export function merkleRoot(leaves: readonly Uint8Array[]): Uint8Array {
  return merkleRootOfHashes(leaves.map(leafHash));
}
