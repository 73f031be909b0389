/**
 * The namespaced Merkle tree of celestiaorg/nmt (spec/da.md §Namespaced Merkle tree), with
 * SHA-256 and the ignore-max-namespace rule on, so roots are byte-identical to that library's
 * (`nmt.New(sha256.New(), nmt.NamespaceIDSize(ns), nmt.IgnoreMaxNamespace(true))`).
 *
 *   leaf:  NsH(d)    = ns(d) ‖ ns(d) ‖ SHA-256(0x00 ‖ d)            d = ns ‖ data
 *   node:  NsH(l, r) = min(l.min, r.min) ‖ maxNs ‖ SHA-256(0x01 ‖ l ‖ r)
 *          maxNs = PARITY            if l.min = PARITY
 *                = l.max             else if r.min = PARITY       (ignore-max-namespace)
 *                = max(l.max, r.max) otherwise
 *   root of n leaves: split at the largest power of two < n (RFC 6962); empty root = 0^ns ‖ 0^ns ‖ SHA-256("").
 *
 * Proofs are celestiaorg/nmt's: the roots of the maximal subtrees outside a leaf range [start, end),
 * in in-order (left to right), here with the tree's leaf count carried by the verifier.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { bytesEqual } from "../common/bytes.js";
import { splitPoint } from "../common/merkle.js";
import { HASH_SIZE, MAX_NAMESPACE_SIZE, MIN_NAMESPACE_SIZE, NMT_LEAF_PREFIX, NMT_NODE_PREFIX } from "./constants.js";
import { fail } from "./errors.js";

/** Lexicographic byte order: -1, 0, 1. */
export function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! < b[i]! ? -1 : 1;
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}

/** P1: MIN_NAMESPACE_SIZE ≤ ns ≤ MAX_NAMESPACE_SIZE. */
export function checkNamespaceSize(ns: number): void {
  if (!Number.isInteger(ns) || ns < MIN_NAMESPACE_SIZE || ns > MAX_NAMESPACE_SIZE) fail("PARAMETER_OUT_OF_RANGE", `namespace size ${ns} outside ${MIN_NAMESPACE_SIZE}..${MAX_NAMESPACE_SIZE}`);
}

/** Bytes of an NMT node: min ‖ max ‖ digest. */
export const nmtNodeSize = (ns: number): number => 2 * ns + HASH_SIZE;
/** The node's minimum namespace. */
export const minNamespace = (node: Uint8Array, ns: number): Uint8Array => node.subarray(0, ns);
/** The node's maximum namespace. */
export const maxNamespace = (node: Uint8Array, ns: number): Uint8Array => node.subarray(ns, 2 * ns);
/** The namespace of a leaf ns ‖ data. */
export const leafNamespace = (leaf: Uint8Array, ns: number): Uint8Array => leaf.subarray(0, ns);

const isParity = (id: Uint8Array): boolean => id.every((b) => b === 0xff);

/** NsH(d) = ns ‖ ns ‖ SHA-256(0x00 ‖ d). N1: d is at least ns bytes (INVALID_LEAF). */
export function hashNmtLeaf(leaf: Uint8Array, ns: number): Uint8Array {
  if (leaf.length < ns) fail("INVALID_LEAF", `leaf of ${leaf.length} bytes is shorter than the ${ns}-byte namespace`);
  const msg = new Uint8Array(1 + leaf.length); // 0x00 ‖ d, hashed in one call
  msg[0] = NMT_LEAF_PREFIX;
  msg.set(leaf, 1);
  const out = new Uint8Array(nmtNodeSize(ns));
  out.set(leaf.subarray(0, ns), 0);
  out.set(leaf.subarray(0, ns), ns);
  out.set(sha256(msg), 2 * ns);
  return out;
}

/**
 * NsH(l, r) with the ignore-max-namespace rule. N2: l.max ≤ r.min (NAMESPACE_ORDER), as
 * celestiaorg/nmt's `validateSiblingsNamespaceOrder`. Node lengths are the caller's to check.
 */
export function hashNmtNode(left: Uint8Array, right: Uint8Array, ns: number): Uint8Array {
  const lMin = minNamespace(left, ns);
  const lMax = maxNamespace(left, ns);
  const rMin = minNamespace(right, ns);
  const rMax = maxNamespace(right, ns);
  if (compareBytes(lMax, rMin) > 0) fail("NAMESPACE_ORDER", "left sibling's maximum namespace exceeds right sibling's minimum");
  const out = new Uint8Array(nmtNodeSize(ns));
  out.set(compareBytes(lMin, rMin) <= 0 ? lMin : rMin, 0);
  // ignore-max-namespace: parity leaves do not raise a node's maximum above the data's
  const max = isParity(lMin) ? lMin : isParity(rMin) ? lMax : compareBytes(lMax, rMax) >= 0 ? lMax : rMax;
  out.set(max, ns);
  const msg = new Uint8Array(1 + left.length + right.length); // 0x01 ‖ l ‖ r, hashed in one call
  msg[0] = NMT_NODE_PREFIX;
  msg.set(left, 1);
  msg.set(right, 1 + left.length);
  out.set(sha256(msg), 2 * ns);
  return out;
}

/** The empty tree's root: 0^ns ‖ 0^ns ‖ SHA-256(""). */
export function emptyNmtRoot(ns: number): Uint8Array {
  const out = new Uint8Array(nmtNodeSize(ns));
  out.set(sha256(new Uint8Array(0)), 2 * ns);
  return out;
}

/** N3: leaves in non-decreasing namespace order (celestiaorg/nmt's `Push` order check). */
function checkLeafOrder(leaves: readonly Uint8Array[], ns: number): void {
  for (let i = 0; i < leaves.length; i++) {
    if (leaves[i]!.length < ns) fail("INVALID_LEAF", `leaf ${i} of ${leaves[i]!.length} bytes is shorter than the ${ns}-byte namespace`);
    if (i > 0 && compareBytes(leafNamespace(leaves[i - 1]!, ns), leafNamespace(leaves[i]!, ns)) > 0) fail("NAMESPACE_ORDER", `leaf ${i}'s namespace is below leaf ${i - 1}'s`);
  }
}

/** Root over already-hashed leaves, RFC 6962 split. */
export function nmtRootOfHashes(hashes: readonly Uint8Array[], ns: number): Uint8Array {
  const n = hashes.length;
  if (n === 0) return emptyNmtRoot(ns);
  if (n === 1) return hashes[0]!;
  const k = splitPoint(n);
  return hashNmtNode(nmtRootOfHashes(hashes.slice(0, k), ns), nmtRootOfHashes(hashes.slice(k), ns), ns);
}

/**
 * The NMT root of `leaves`, each `namespace ‖ data` as nmt's `Push` takes it, ignore-max-namespace on.
 * @throws SpecError PARAMETER_OUT_OF_RANGE, INVALID_LEAF, NAMESPACE_ORDER
 */
export function nmtRoot(leaves: readonly Uint8Array[], namespaceSize: number): Uint8Array {
  checkNamespaceSize(namespaceSize);
  checkLeafOrder(leaves, namespaceSize);
  return nmtRootOfHashes(leaves.map((l) => hashNmtLeaf(l, namespaceSize)), namespaceSize);
}

// ---- range proofs ----

/** A proof for the leaves [start, end) of a tree: the roots of the subtrees outside, in-order. */
export interface NmtProof {
  start: number;
  end: number;
  nodes: Uint8Array[];
}

/**
 * The proof of leaves [start, end) of a tree over `leaves` (0 ≤ start < end ≤ n).
 * @throws SpecError MALFORMED_PROOF when the range is empty or outside the tree; as {@link nmtRoot}.
 */
export function nmtProveRange(leaves: readonly Uint8Array[], namespaceSize: number, start: number, end: number): NmtProof {
  checkNamespaceSize(namespaceSize);
  checkLeafOrder(leaves, namespaceSize);
  if (!(Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= leaves.length)) fail("MALFORMED_PROOF", `range [${start}, ${end}) is empty or outside a tree of ${leaves.length} leaves`);
  const hashes = leaves.map((l) => hashNmtLeaf(l, namespaceSize));
  const nodes: Uint8Array[] = [];
  const walk = (lo: number, hi: number): void => {
    if (hi <= start || lo >= end) {
      nodes.push(nmtRootOfHashes(hashes.slice(lo, hi), namespaceSize));
      return;
    }
    if (hi - lo === 1) return;
    const k = splitPoint(hi - lo);
    walk(lo, lo + k);
    walk(lo + k, hi);
  };
  walk(0, leaves.length);
  return { start, end, nodes };
}

/** How many nodes a proof of [start, end) in a tree of n leaves has: the maximal subtrees outside the range. */
export function countProofNodes(n: number, start: number, end: number): number {
  const walk = (lo: number, hi: number): number => {
    if (hi <= start || lo >= end) return 1;
    if (hi - lo === 1) return 0;
    const k = splitPoint(hi - lo);
    return walk(lo, lo + k) + walk(lo + k, hi);
  };
  return walk(0, n);
}

/** A proof node with the side of the range it lies on. */
interface PlacedNode {
  node: Uint8Array;
  side: "left" | "right";
}

/**
 * Recomputes the root of a tree of `leafCount` leaves from the hashes of leaves [start, end) and the
 * proof's nodes, reporting each node's side. V1–V3 of spec/da.md §Validity rules (NMT proofs).
 */
function computeRangeRoot(leafCount: number, proof: NmtProof, leafHashes: readonly Uint8Array[], ns: number): { root: Uint8Array; placed: PlacedNode[] } {
  const { start, end, nodes } = proof;
  if (!(Number.isInteger(leafCount) && leafCount >= 1 && Number.isInteger(start) && Number.isInteger(end) && 0 <= start && start < end && end <= leafCount)) fail("MALFORMED_PROOF", `range [${start}, ${end}) is empty or outside a tree of ${leafCount} leaves`);
  if (leafHashes.length !== end - start) fail("MALFORMED_PROOF", `${leafHashes.length} leaves for a range of ${end - start}`);
  const needed = countProofNodes(leafCount, start, end);
  if (nodes.length !== needed) fail("MALFORMED_PROOF", `proof has ${nodes.length} nodes, the range needs ${needed}`);
  for (const n of nodes) if (n.length !== nmtNodeSize(ns)) fail("MALFORMED_PROOF", `proof node of ${n.length} bytes, expected ${nmtNodeSize(ns)}`);
  const placed: PlacedNode[] = [];
  let next = 0;
  const walk = (lo: number, hi: number): Uint8Array => {
    if (hi <= start || lo >= end) {
      const node = nodes[next++]!;
      placed.push({ node, side: hi <= start ? "left" : "right" });
      return node;
    }
    if (hi - lo === 1) return leafHashes[lo - start]!;
    const k = splitPoint(hi - lo);
    const l = walk(lo, lo + k);
    return hashNmtNode(l, walk(lo + k, hi), ns);
  };
  const root = walk(0, leafCount);
  return { root, placed };
}

/**
 * Verifies that `leaves` (each ns ‖ data) are the leaves [start, end) of the tree of `leafCount`
 * leaves with root `root`.
 * @throws SpecError PARAMETER_OUT_OF_RANGE, INVALID_LEAF, MALFORMED_PROOF, NAMESPACE_ORDER, ROOT_MISMATCH
 */
export function verifyNmtRange(root: Uint8Array, namespaceSize: number, leafCount: number, proof: NmtProof, leaves: readonly Uint8Array[]): true {
  checkNamespaceSize(namespaceSize);
  if (root.length !== nmtNodeSize(namespaceSize)) fail("MALFORMED_PROOF", `root of ${root.length} bytes, expected ${nmtNodeSize(namespaceSize)}`);
  const hashes = leaves.map((l) => hashNmtLeaf(l, namespaceSize));
  const { root: computed } = computeRangeRoot(leafCount, proof, hashes, namespaceSize);
  if (!bytesEqual(computed, root)) fail("ROOT_MISMATCH", "the proof leads to another root");
  return true;
}

// ---- namespace proofs ----

/** What a namespace query proves: leaves of the namespace, its absence, or that it is outside the root's range. */
export type NamespaceProofKind = "inclusion" | "absence" | "empty";

export interface NamespaceProof extends NmtProof {
  kind: NamespaceProofKind;
  /** For an absence proof: the hash of the leaf whose namespace is the least above the queried one. */
  leafHash: Uint8Array | null;
}

/**
 * The namespace proof for `namespace` over `leaves` (celestiaorg/nmt `ProveNamespace`): inclusion
 * of all its leaves, or absence via the first leaf above it, or the empty proof when the namespace is
 * outside the root's [min, max].
 */
export function nmtProveNamespace(leaves: readonly Uint8Array[], namespaceSize: number, namespace: Uint8Array): NamespaceProof {
  const ns = namespaceSize;
  checkNamespaceSize(ns);
  if (namespace.length !== ns) fail("PARAMETER_OUT_OF_RANGE", `queried namespace of ${namespace.length} bytes, expected ${ns}`);
  const root = nmtRoot(leaves, ns);
  if (leaves.length === 0 || compareBytes(namespace, minNamespace(root, ns)) < 0 || compareBytes(namespace, maxNamespace(root, ns)) > 0) return { kind: "empty", start: 0, end: 0, nodes: [], leafHash: null };
  let start = 0;
  while (start < leaves.length && compareBytes(leafNamespace(leaves[start]!, ns), namespace) < 0) start++;
  let end = start;
  while (end < leaves.length && compareBytes(leafNamespace(leaves[end]!, ns), namespace) === 0) end++;
  if (end > start) return { kind: "inclusion", ...nmtProveRange(leaves, ns, start, end), leafHash: null };
  return { kind: "absence", ...nmtProveRange(leaves, ns, start, start + 1), leafHash: hashNmtLeaf(leaves[start]!, ns) };
}

/**
 * Verifies a namespace proof against `root` (spec/da.md §Namespace proofs): returns true when the
 * namespace has leaves (exactly `leaves`, all of them), false when it proves the namespace absent.
 * @throws SpecError PARAMETER_OUT_OF_RANGE, INVALID_LEAF, MALFORMED_PROOF, NAMESPACE_MISMATCH,
 *   NAMESPACE_ORDER, ROOT_MISMATCH, INCOMPLETE_NAMESPACE_PROOF
 */
export function verifyNmtNamespace(root: Uint8Array, namespaceSize: number, leafCount: number, namespace: Uint8Array, proof: NamespaceProof | NmtProof, leaves: readonly Uint8Array[], leafHash: Uint8Array | null): boolean {
  const ns = namespaceSize;
  checkNamespaceSize(ns);
  if (namespace.length !== ns) fail("PARAMETER_OUT_OF_RANGE", `queried namespace of ${namespace.length} bytes, expected ${ns}`);
  if (root.length !== nmtNodeSize(ns)) fail("MALFORMED_PROOF", `root of ${root.length} bytes, expected ${nmtNodeSize(ns)}`);
  const outside = leafCount === 0 || compareBytes(namespace, minNamespace(root, ns)) < 0 || compareBytes(namespace, maxNamespace(root, ns)) > 0;
  // S1: the empty proof (start = end = 0, nothing else) is valid exactly when the namespace is outside the root's range
  if (proof.start === 0 && proof.end === 0) {
    if (proof.nodes.length > 0 || leaves.length > 0 || leafHash !== null) fail("MALFORMED_PROOF", "an empty proof carries nodes, leaves or a leaf hash");
    if (!outside) fail("INCOMPLETE_NAMESPACE_PROOF", "empty proof for a namespace inside the root's range");
    return false;
  }
  let hashes: Uint8Array[];
  if (leafHash === null) {
    // S2: inclusion: every leaf in the namespace
    if (leaves.length === 0) fail("MALFORMED_PROOF", "inclusion proof without leaves");
    for (const l of leaves) {
      if (l.length < ns) fail("INVALID_LEAF", `leaf of ${l.length} bytes is shorter than the namespace`);
      if (!bytesEqual(leafNamespace(l, ns), namespace)) fail("NAMESPACE_MISMATCH", "a proven leaf is outside the queried namespace");
    }
    hashes = leaves.map((l) => hashNmtLeaf(l, ns));
  } else {
    // S3: absence: one leaf hash, whose namespace is above the queried one
    if (leaves.length > 0 || leafHash.length !== nmtNodeSize(ns) || proof.end !== proof.start + 1) fail("MALFORMED_PROOF", "an absence proof is one leaf hash of node size and a range of one");
    if (compareBytes(minNamespace(leafHash, ns), namespace) <= 0) fail("NAMESPACE_MISMATCH", "the absence leaf's namespace is not above the queried one");
    hashes = [leafHash];
  }
  const { root: computed, placed } = computeRangeRoot(leafCount, proof, hashes, ns);
  if (!bytesEqual(computed, root)) fail("ROOT_MISMATCH", "the proof leads to another root");
  // S4: completeness: nothing left of the range reaches the namespace, nothing right of it comes down to it
  for (const { node, side } of placed) {
    if (side === "left" && compareBytes(maxNamespace(node, ns), namespace) >= 0) fail("INCOMPLETE_NAMESPACE_PROOF", "a node left of the range may hold leaves of the namespace");
    if (side === "right" && compareBytes(minNamespace(node, ns), namespace) <= 0) fail("INCOMPLETE_NAMESPACE_PROOF", "a node right of the range may hold leaves of the namespace");
  }
  return leafHash === null;
}
