/**
 * The Merkle tree of a FEC set (spec/shreds.md §Merkle tree), Agave's `shred/merkle_tree.rs`:
 *
 *   leaf(bytes)     = SHA-256("\x00SOLANA_MERKLE_SHREDS_LEAF" ‖ bytes)                  (32 bytes)
 *   join(a, b)      = SHA-256("\x01SOLANA_MERKLE_SHREDS_NODE" ‖ a[0:20] ‖ b[0:20])      (32 bytes)
 *   level 0         = the leaves in erasure-shard order; level j+1 pairs level j left to right,
 *                     the last node of an odd level joined with itself; the root is the last node.
 *
 * This is not the RFC 6962 tree of reference/common/merkle.ts and cannot be that tree with other
 * parameters: RFC 6962 splits at the largest power of two and promotes an unpaired subtree
 * unchanged, while this tree pairs level by level and joins an odd node with itself, so the two
 * shapes differ for every leaf count that is not a power of two; it also hashes truncated 20-byte
 * children under 26-byte prefixes. Only the hash functions could be parameters; the shape cannot.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { MERKLE_LEAF_PREFIX, MERKLE_NODE_PREFIX, SIZE_OF_MERKLE_PROOF_ENTRY } from "./constants.js";
import { fail } from "./errors.js";

/** SHA-256(leaf prefix ‖ bytes). */
export function merkleLeaf(bytes: Uint8Array): Uint8Array {
  return sha256.create().update(MERKLE_LEAF_PREFIX).update(bytes).digest();
}

/** SHA-256(node prefix ‖ a[0:20] ‖ b[0:20]). */
export function joinNodes(a: Uint8Array, b: Uint8Array): Uint8Array {
  return sha256.create().update(MERKLE_NODE_PREFIX).update(a.subarray(0, SIZE_OF_MERKLE_PROOF_ENTRY)).update(b.subarray(0, SIZE_OF_MERKLE_PROOF_ENTRY)).digest();
}

/** Nodes in the tree of n leaves: n + ⌈n/2⌉ + ⌈n/4⌉ + … + 1 (0 for n = 0). Agave `get_merkle_tree_size`. */
export function merkleTreeSize(n: number): number {
  let total = 0;
  for (let k = n; k > 0; k = k > 1 ? (k + 1) >> 1 : 0) total += k;
  return total;
}

/** Proof entries for n leaves: ⌈log2 n⌉ (0 for n ≤ 1). Agave `get_proof_size`. */
export function proofSize(n: number): number {
  let p = 0;
  while (2 ** p < n) p++;
  return p;
}

/** Every node of the tree, level by level, leaves first, root last. */
export function merkleTree(leaves: readonly Uint8Array[]): Uint8Array[] {
  const nodes = leaves.slice();
  let offset = 0;
  for (let size = leaves.length; size > 1; size = (size + 1) >> 1) {
    for (let i = offset; i < offset + size; i += 2) nodes.push(joinNodes(nodes[i]!, nodes[Math.min(i + 1, offset + size - 1)]!));
    offset += size;
  }
  return nodes;
}

/** The root of the tree over `leaves` (n ≥ 1). */
export function merkleRootOf(leaves: readonly Uint8Array[]): Uint8Array {
  const t = merkleTree(leaves);
  return t[t.length - 1]!;
}

/** The proof of leaf `index` of `size` leaves: the 20-byte prefix of its sibling at each level. */
export function merkleProof(tree: readonly Uint8Array[], index: number, size: number): Uint8Array[] {
  if (!Number.isInteger(index) || index < 0 || index >= size) throw new RangeError(`merkleProof: index ${index} not below ${size}`);
  const out: Uint8Array[] = [];
  let offset = 0;
  for (let s = size, i = index; s > 1; s = (s + 1) >> 1, i >>= 1) {
    out.push(tree[offset + Math.min(i ^ 1, s - 1)]!.slice(0, SIZE_OF_MERKLE_PROOF_ENTRY));
    offset += s;
  }
  return out;
}

/**
 * The root a proof leads to from `leaf` at `index` (Agave `get_merkle_root`): fold the entries,
 * joining (node, entry) at an even index and (entry, node) at an odd one, halving the index; the
 * index must reach 0 after the last entry (else MERKLE_INDEX_OUT_OF_RANGE: the leaf cannot be
 * that deep).
 */
export function rootFromProof(index: number, leaf: Uint8Array, proof: readonly Uint8Array[]): Uint8Array {
  let node = leaf;
  let i = index;
  for (const entry of proof) {
    node = i % 2 === 0 ? joinNodes(node, entry) : joinNodes(entry, node);
    i = Math.floor(i / 2);
  }
  if (i !== 0) fail("MERKLE_INDEX_OUT_OF_RANGE", `leaf index ${index} needs more than ${proof.length} proof entries`);
  return node;
}

/**
 * Checks a proof (verify_merkle_proof, rules M1–M4 in order): M1 the leaf hash and root are 32 bytes
 * and every entry 20 (MALFORMED_PROOF); M2 1 ≤ leafCount ≤ 2^32 and index < leafCount
 * (MERKLE_INDEX_OUT_OF_RANGE); M3 exactly ⌈log2 leafCount⌉ entries (PROOF_LENGTH); M4 the proof
 * leads to `root` (MERKLE_ROOT_MISMATCH). Cost: one hash per entry, entries bounded by M3 ≤ 32.
 */
export function verifyMerkleProof(leafHash: Uint8Array, index: number, leafCount: number, proof: readonly Uint8Array[], root: Uint8Array): void {
  if (leafHash.length !== 32 || root.length !== 32 || proof.some((e) => e.length !== SIZE_OF_MERKLE_PROOF_ENTRY)) fail("MALFORMED_PROOF", "a leaf hash and a root are 32 bytes, a proof entry 20");
  if (!Number.isSafeInteger(leafCount) || leafCount < 1 || leafCount > 2 ** 32 || !Number.isSafeInteger(index) || index < 0 || index >= leafCount) fail("MERKLE_INDEX_OUT_OF_RANGE", `leaf ${index} of ${leafCount}`);
  if (proof.length !== proofSize(leafCount)) fail("PROOF_LENGTH", `${proof.length} entries; a tree of ${leafCount} leaves needs ${proofSize(leafCount)}`);
  const got = rootFromProof(index, leafHash, proof);
  for (let i = 0; i < 32; i++) if (got[i] !== root[i]) fail("MERKLE_ROOT_MISMATCH", "the proof leads to another root");
}
