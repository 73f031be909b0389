/**
 * The extended data square (spec/da.md §Extended data square), Celestia-style: k×k original shares
 * extended to 2k×2k with the square's codec, one NMT per row and column, and the data root over the
 * row roots then the column roots (RFC 6962). Two profiles: `codec: "reed-solomon"` (the default,
 * the PWO profile: {@link reedSolomon}, zero-filled tail padding) and `codec: "leopard"` (the
 * Celestia profile, spec/da.md §Celestia profile: {@link leopard} and go-square's tail-padding share),
 * whose data roots equal celestia-app's.
 *
 *   Q0 = original shares   Q1 = row parity of Q0
 *   Q2 = column parity of Q0   Q3 = column parity of Q1 (= row parity of Q2, the code being linear)
 *   leaf of cell (r, c) = ns ‖ share, ns = share[0:NS] in Q0 (r < k and c < k), PARITY otherwise
 *   dataRoot = MTH(rowRoot_0, …, rowRoot_{2k−1}, colRoot_0, …, colRoot_{2k−1})
 * @module
 */
import { merkleRoot } from "../common/merkle.js";
import { MAX_SHARE_SIZE, MAX_SQUARE_WIDTH, parityNamespace, tailPaddingNamespace } from "./constants.js";
import { fail } from "./errors.js";
import { leopard, LEOPARD_SHARD_MULTIPLE } from "./leopard8.js";
import { checkNamespaceSize, compareBytes, nmtRoot } from "./nmt.js";
import { reedSolomon, type ErasureCode } from "./reed-solomon.js";
import { fastAxisRoots } from "./square-roots.js";

/** The erasure codes a square can be extended with. */
export const SQUARE_CODECS = ["reed-solomon", "leopard"] as const;
export type SquareCodec = (typeof SQUARE_CODECS)[number];

/** The square's parameters: bytes of a share and of its leading namespace, and the codec (default reed-solomon). */
export interface SquareParams {
  shareSize: number;
  namespaceSize: number;
  codec?: SquareCodec;
}

/** The Celestia profile: go-square's 512-byte shares and 29-byte namespaces, Leopard extension. */
export const CELESTIA_SQUARE_PARAMS: Readonly<SquareParams> = { shareSize: 512, namespaceSize: 29, codec: "leopard" };

/** go-square's info byte of a tail-padding share: share version 0, sequence start (version << 1 | 1). */
export const CELESTIA_PADDING_INFO_BYTE = 0x01;

/** The erasure code of a square's profile. */
export function squareCode(p: SquareParams): ErasureCode {
  return p.codec === "leopard" ? leopard : reedSolomon;
}

/** A 2k×2k square: its cells row-major and its commitments. */
export interface ExtendedSquare {
  /** k: the original square's width; the extended square is 2k wide. */
  k: number;
  /** The 4k² shares, row-major: cells[r · 2k + c]. */
  cells: Uint8Array[];
  rowRoots: Uint8Array[];
  colRoots: Uint8Array[];
  dataRoot: Uint8Array;
}

export type Axis = "row" | "col";

/** P1, P2: namespace size in range, NS < shareSize ≤ MAX_SHARE_SIZE; P3: a known codec; P4: Leopard shares a multiple of 64 bytes. */
export function checkSquareParams(p: SquareParams): void {
  checkNamespaceSize(p.namespaceSize);
  if (!Number.isInteger(p.shareSize) || p.shareSize <= p.namespaceSize || p.shareSize > MAX_SHARE_SIZE) fail("PARAMETER_OUT_OF_RANGE", `share size ${p.shareSize} outside ${p.namespaceSize + 1}..${MAX_SHARE_SIZE}`);
  if (p.codec !== undefined && !SQUARE_CODECS.includes(p.codec)) fail("PARAMETER_OUT_OF_RANGE", `codec ${String(p.codec)} is not one of ${SQUARE_CODECS.join(", ")}`);
  if (p.codec === "leopard" && p.shareSize % LEOPARD_SHARD_MULTIPLE !== 0) fail("SHARD_SIZE_NOT_ALIGNED", `Leopard squares need shares of a multiple of ${LEOPARD_SHARD_MULTIPLE} bytes; got ${p.shareSize}`);
}

/** k for n original shares: the least power of two with k² ≥ n (at least 1). */
export function computeSquareWidth(n: number): number {
  if (n > MAX_SQUARE_WIDTH * MAX_SQUARE_WIDTH) fail("SQUARE_TOO_LARGE", `${n} shares exceed ${MAX_SQUARE_WIDTH}² = ${MAX_SQUARE_WIDTH * MAX_SQUARE_WIDTH}`);
  let k = 1;
  while (k * k < n) k *= 2;
  return k;
}

/**
 * The tail-padding share: the tail-padding namespace followed by zeros; in the Celestia profile
 * go-square's `TailPaddingShare()`: namespace ‖ info byte 0x01 ‖ sequence length 0 (4 bytes) ‖ zeros.
 */
export function paddingShare(p: SquareParams): Uint8Array {
  const s = new Uint8Array(p.shareSize);
  s.set(tailPaddingNamespace(p.namespaceSize));
  if (p.codec === "leopard") s[p.namespaceSize] = CELESTIA_PADDING_INFO_BYTE;
  return s;
}

/** The NMT leaf of cell (r, c) holding `share` in a square of original width k. */
export function cellLeaf(share: Uint8Array, r: number, c: number, k: number, ns: number): Uint8Array {
  const leaf = new Uint8Array(ns + share.length);
  leaf.set(r < k && c < k ? share.subarray(0, ns) : parityNamespace(ns), 0);
  leaf.set(share, ns);
  return leaf;
}

/** The 2k cells of row or column `index`, in order. */
export function getAxis(cells: readonly Uint8Array[], k: number, axis: Axis, index: number): Uint8Array[] {
  const w = 2 * k;
  return Array.from({ length: w }, (_, j) => (axis === "row" ? cells[index * w + j]! : cells[j * w + index]!));
}

/** The NMT root of a row or column given its 2k shares. */
export function computeAxisRoot(shares: readonly Uint8Array[], k: number, axis: Axis, index: number, ns: number): Uint8Array {
  return nmtRoot(
    shares.map((s, j) => (axis === "row" ? cellLeaf(s, index, j, k, ns) : cellLeaf(s, j, index, k, ns))),
    ns,
  );
}

/** dataRoot = MTH(rowRoots ‖ colRoots) (spec/common.md §Merkle tree). */
export function computeDataRoot(rowRoots: readonly Uint8Array[], colRoots: readonly Uint8Array[]): Uint8Array {
  return merkleRoot([...rowRoots, ...colRoots]);
}

/** The commitments of a square given all its cells, readable form: one {@link nmtRoot} per row and column. */
export function readableSquareRoots(cells: readonly Uint8Array[], k: number, ns: number): Pick<ExtendedSquare, "rowRoots" | "colRoots" | "dataRoot"> {
  const w = 2 * k;
  const rowRoots = Array.from({ length: w }, (_, i) => computeAxisRoot(getAxis(cells, k, "row", i), k, "row", i, ns));
  const colRoots = Array.from({ length: w }, (_, i) => computeAxisRoot(getAxis(cells, k, "col", i), k, "col", i, ns));
  return { rowRoots, colRoots, dataRoot: computeDataRoot(rowRoots, colRoots) };
}

/**
 * The commitments of a square given all its cells (also of a badly extended one): the same as
 * {@link readableSquareRoots}, each leaf hashed once for its row and its column (square-roots.ts).
 * @throws SpecError NAMESPACE_ORDER
 */
export function computeSquareRoots(cells: readonly Uint8Array[], k: number, ns: number): Pick<ExtendedSquare, "rowRoots" | "colRoots" | "dataRoot"> {
  const { rowRoots, colRoots } = fastAxisRoots(cells, k, ns);
  return { rowRoots, colRoots, dataRoot: computeDataRoot(rowRoots, colRoots) };
}

/** E1–E4: each share of the share size, below the reserved namespaces, in namespace order. */
function checkOriginalShares(shares: readonly Uint8Array[], p: SquareParams): void {
  const ns = p.namespaceSize;
  const reserved = tailPaddingNamespace(ns);
  computeSquareWidth(shares.length);
  for (let i = 0; i < shares.length; i++) {
    const s = shares[i]!;
    if (s.length !== p.shareSize) fail("SIZE_MISMATCH", `share ${i} has ${s.length} bytes, the share size is ${p.shareSize}`);
    if (compareBytes(s.subarray(0, ns), reserved) >= 0) fail("RESERVED_NAMESPACE", `share ${i} is in a reserved namespace`);
    if (i > 0 && compareBytes(shares[i - 1]!.subarray(0, ns), s.subarray(0, ns)) > 0) fail("NAMESPACE_ORDER", `share ${i}'s namespace is below share ${i - 1}'s`);
  }
}

/** The 4k² cells from the k² original shares (row-major Q0), extended with `code`. */
export function extendCells(q0: readonly Uint8Array[], k: number, code: ErasureCode = reedSolomon): Uint8Array[] {
  const w = 2 * k;
  const cells: Uint8Array[] = new Array(w * w);
  for (let r = 0; r < k; r++) {
    const row = q0.slice(r * k, r * k + k);
    const parity = code.encode(row, k); // Q1
    for (let c = 0; c < k; c++) {
      cells[r * w + c] = row[c]!;
      cells[r * w + k + c] = parity[c]!;
    }
  }
  for (let c = 0; c < w; c++) {
    const col = Array.from({ length: k }, (_, r) => cells[r * w + c]!);
    const parity = code.encode(col, k); // Q2 (c < k), Q3 (c ≥ k)
    for (let r = 0; r < k; r++) cells[(k + r) * w + c] = parity[r]!;
  }
  return cells;
}

/**
 * The extended square of `shares` (row-major, namespace-sorted), padded with tail-padding shares
 * to k², k the least power of two that fits.
 * @throws SpecError PARAMETER_OUT_OF_RANGE, SQUARE_TOO_LARGE, SIZE_MISMATCH, RESERVED_NAMESPACE, NAMESPACE_ORDER
 */
export function extendSquare(shares: readonly Uint8Array[], params: SquareParams): ExtendedSquare {
  checkSquareParams(params);
  checkOriginalShares(shares, params);
  const k = computeSquareWidth(shares.length);
  const pad = paddingShare(params);
  const q0 = Array.from({ length: k * k }, (_, i) => shares[i] ?? pad);
  const cells = extendCells(q0, k, squareCode(params));
  return { k, cells, ...computeSquareRoots(cells, k, params.namespaceSize) };
}

/** The original k² shares (Q0, row-major) of a square, padding included. */
export function getOriginalShares(square: Pick<ExtendedSquare, "k" | "cells">): Uint8Array[] {
  const { k, cells } = square;
  return Array.from({ length: k * k }, (_, i) => cells[Math.floor(i / k) * 2 * k + (i % k)]!);
}
