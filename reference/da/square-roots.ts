/**
 * The square's commitments computed for speed (spec/da.md §Extended data square, §Performance
 * notes): the same roots as {@link readableSquareRoots} (one {@link nmtRoot} per row and column), but
 *
 * - each cell's leaf hash is computed **once** and used in both its row tree and its column tree
 *   (the leaf `ns ‖ share` of cell (r, c) is the same in both, spec/da.md §Extended data square), which
 *   halves the hashing of the 4k² leaves, the bulk of the bytes hashed;
 * - every tree is perfect (2k leaves, a power of two) and built level by level in place in one buffer
 *   of `2k` nodes, with one reused message buffer per level of hashing: no per-node allocation,
 *   concatenation or subarray view besides the digest SHA-256 returns.
 *
 * Checks and codes are the readable path's (NMT rules N3 and V4, `NAMESPACE_ORDER`); a differential
 * test (conformance/da/leopard.test.ts) keeps the two equal on both profiles and on unsorted squares.
 * @module
 */
import { sha256 } from "@noble/hashes/sha2.js";
import { HASH_SIZE, NMT_LEAF_PREFIX, NMT_NODE_PREFIX, parityNamespace } from "./constants.js";
import { fail } from "./errors.js";
import type { ExtendedSquare } from "./square.js";

/** a[ao..ao+n) vs b[bo..bo+n), lexicographic: −1, 0, 1. */
function compareAt(a: Uint8Array, ao: number, b: Uint8Array, bo: number, n: number): number {
  for (let i = 0; i < n; i++) {
    const x = a[ao + i]!;
    const y = b[bo + i]!;
    if (x !== y) return x < y ? -1 : 1;
  }
  return 0;
}

/** Whether a[ao..ao+n) is all 0xFF (the parity namespace). */
function isParityAt(a: Uint8Array, ao: number, n: number): boolean {
  for (let i = 0; i < n; i++) if (a[ao + i] !== 0xff) return false;
  return true;
}

/** The leaf node ns ‖ ns ‖ SHA-256(0x00 ‖ ns ‖ share) of every cell, row-major, in one buffer. */
function leafNodes(cells: readonly Uint8Array[], k: number, ns: number): Uint8Array {
  const w = 2 * k;
  const size = 2 * ns + HASH_SIZE;
  const out = new Uint8Array(w * w * size);
  const parity = parityNamespace(ns);
  let msg = new Uint8Array(0);
  for (let r = 0; r < w; r++) {
    for (let c = 0; c < w; c++) {
      const share = cells[r * w + c]!;
      if (msg.length !== 1 + ns + share.length) msg = new Uint8Array(1 + ns + share.length);
      const id = r < k && c < k ? share.subarray(0, ns) : parity;
      msg[0] = NMT_LEAF_PREFIX;
      msg.set(id, 1);
      msg.set(share, 1 + ns);
      const off = (r * w + c) * size;
      out.set(id, off);
      out.set(id, off + ns);
      out.set(sha256(msg), off + 2 * ns);
    }
  }
  return out;
}

/**
 * The NMT root over `w` leaf nodes (w a power of two ≥ 2) copied into `level`, which the tree is
 * built in: node i of the next level overwrites slot i after slots 2i and 2i + 1 are read.
 */
function perfectNmtRoot(level: Uint8Array, w: number, ns: number, msg: Uint8Array): Uint8Array {
  const size = 2 * ns + HASH_SIZE;
  // N3: leaves in non-decreasing namespace order
  for (let j = 1; j < w; j++) if (compareAt(level, (j - 1) * size, level, j * size, ns) > 0) fail("NAMESPACE_ORDER", `leaf ${j}'s namespace is below leaf ${j - 1}'s`);
  msg[0] = NMT_NODE_PREFIX;
  for (let n = w; n > 1; n >>>= 1) {
    for (let i = 0; i < n / 2; i++) {
      const l = 2 * i * size;
      const r = l + size;
      // V4: l.max ≤ r.min; then min = l.min, max = l.max if r.min is the parity namespace, else r.max
      if (compareAt(level, l + ns, level, r, ns) > 0) fail("NAMESPACE_ORDER", "left sibling's maximum namespace exceeds right sibling's minimum");
      msg.set(level.subarray(l, r + size), 1);
      const digest = sha256(msg);
      const o = i * size;
      const maxFrom = isParityAt(level, r, ns) ? l + ns : r + ns;
      level.copyWithin(o + ns, maxFrom, maxFrom + ns); // slot i lies at or before slot 2i: no source is overwritten early
      level.copyWithin(o, l, l + ns);
      level.set(digest, o + 2 * ns);
    }
  }
  return level.slice(0, size);
}

/**
 * Row and column roots of a 2k×2k square (data root left to the caller): each leaf hashed once.
 * @throws SpecError NAMESPACE_ORDER
 */
export function fastAxisRoots(cells: readonly Uint8Array[], k: number, ns: number): Pick<ExtendedSquare, "rowRoots" | "colRoots"> {
  const w = 2 * k;
  const size = 2 * ns + HASH_SIZE;
  const leaves = leafNodes(cells, k, ns);
  const level = new Uint8Array(w * size);
  const msg = new Uint8Array(1 + 2 * size);
  const rowRoots: Uint8Array[] = [];
  const colRoots: Uint8Array[] = [];
  for (let r = 0; r < w; r++) {
    level.set(leaves.subarray(r * w * size, (r + 1) * w * size));
    rowRoots.push(perfectNmtRoot(level, w, ns, msg));
  }
  for (let c = 0; c < w; c++) {
    for (let r = 0; r < w; r++) level.set(leaves.subarray((r * w + c) * size, (r * w + c + 1) * size), r * size);
    colRoots.push(perfectNmtRoot(level, w, ns, msg));
  }
  return { rowRoots, colRoots };
}
