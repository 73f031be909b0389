/**
 * Bad-encoding fraud proofs (spec/da.md §Bad-encoding fraud proofs; Al-Bassam et al. §5.4): a
 * producer that committed to a row (or column) that is not the Reed-Solomon extension of its first
 * half is exposed by k shares of that axis, each proven against the orthogonal axis' root. Any node
 * decodes the axis from them, recomputes its NMT root and compares it with the committed one.
 * @module
 */
import { bytesEqual } from "../common/bytes.js";
import { isSpecError } from "../common/errors.js";
import { checkCommitments, type SquareCommitments } from "./commitments.js";
import { fail } from "./errors.js";
import { nmtProveRange, verifyNmtRange, type NmtProof } from "./nmt.js";
import { cellLeaf, checkSquareParams, computeAxisRoot, getAxis, squareCode, type Axis, type ExtendedSquare, type SquareParams } from "./square.js";

export interface BadEncodingProof {
  axis: Axis;
  /** The row (axis "row") or column (axis "col") claimed badly extended. */
  index: number;
  /** k strictly increasing positions along the axis. */
  positions: number[];
  /** The share at each position. */
  shares: Uint8Array[];
  /** Each share's proof in the orthogonal tree (column `position` for a row), at leaf `index`. */
  proofs: NmtProof[];
}

const orthogonal = (axis: Axis): Axis => (axis === "row" ? "col" : "row");

/** (r, c) of position j along the axis. */
const cellOf = (axis: Axis, index: number, j: number): [number, number] => (axis === "row" ? [index, j] : [j, index]);

/** A bad-encoding proof for an axis of `square`, from its first k cells (any k would do). */
export function createBadEncodingProof(square: ExtendedSquare, axis: Axis, index: number, params: SquareParams): BadEncodingProof {
  const { k, cells } = square;
  const positions = Array.from({ length: k }, (_, j) => j);
  const line = getAxis(cells, k, axis, index);
  const proofs = positions.map((j) => {
    const ortho = getAxis(cells, k, orthogonal(axis), j).map((s, i) => {
      const [r, c] = cellOf(orthogonal(axis), j, i);
      return cellLeaf(s, r, c, k, params.namespaceSize);
    });
    return nmtProveRange(ortho, params.namespaceSize, index, index + 1);
  });
  return { axis, index, positions, shares: positions.map((j) => line[j]!), proofs };
}

/**
 * Verifies a bad-encoding proof against a square's commitments: true when it proves the axis
 * badly extended. Rules of verify_fraud_proof (spec/da.md), in order: P1, P2, P4, K1–K3, F2–F6.
 * @throws SpecError PARAMETER_OUT_OF_RANGE, MALFORMED_PROOF, DATA_ROOT_MISMATCH, INDEX_OUT_OF_RANGE,
 *   SIZE_MISMATCH, ROOT_MISMATCH, NAMESPACE_ORDER, AXIS_CORRECTLY_ENCODED
 */
export function verifyBadEncodingProof(commitments: SquareCommitments, proof: BadEncodingProof, params: SquareParams): true {
  checkSquareParams(params);
  const ns = params.namespaceSize;
  const k = checkCommitments(commitments, ns); // K1–K3
  const w = 2 * k;
  const { axis, index, positions, shares, proofs } = proof;
  if (!Number.isInteger(index) || index < 0 || index >= w) fail("INDEX_OUT_OF_RANGE", `${axis} ${index} outside a square of width ${w}`); // F2
  // F3: k strictly increasing positions, one share and one proof each
  if (positions.length !== k || shares.length !== k || proofs.length !== k) fail("MALFORMED_PROOF", `${positions.length} positions, ${shares.length} shares, ${proofs.length} proofs; expected k = ${k} of each`);
  positions.forEach((p, i) => {
    if (!Number.isInteger(p) || p < 0 || p >= w || (i > 0 && p <= positions[i - 1]!)) fail("MALFORMED_PROOF", `positions must be strictly increasing in 0..${w - 1}`);
  });
  // F4: share sizes; F5: each share is in its orthogonal tree at leaf `index`
  const orthoRoots = axis === "row" ? commitments.colRoots : commitments.rowRoots;
  shares.forEach((s, i) => {
    if (s.length !== params.shareSize) fail("SIZE_MISMATCH", `share ${i} has ${s.length} bytes, the share size is ${params.shareSize}`);
  });
  shares.forEach((s, i) => {
    const [r, c] = cellOf(axis, index, positions[i]!);
    const p = proofs[i]!;
    if (p.start !== index || p.end !== index + 1) fail("MALFORMED_PROOF", `share ${i}'s proof is for [${p.start}, ${p.end}), expected [${index}, ${index + 1})`);
    verifyNmtRange(orthoRoots[positions[i]!]!, ns, w, p, [cellLeaf(s, r, c, k, ns)]);
  });
  // F6: the axis decoded from the proven shares must not have the committed root
  const line: (Uint8Array | undefined)[] = new Array(w).fill(undefined);
  positions.forEach((p, i) => (line[p] = shares[i]));
  const full = squareCode(params).reconstruct(line, k);
  const committed = axis === "row" ? commitments.rowRoots[index]! : commitments.colRoots[index]!;
  let recomputed: Uint8Array | undefined;
  try {
    recomputed = computeAxisRoot(full, k, axis, index, ns);
  } catch (e) {
    // the decoded axis has no NMT at all (its original shares are out of namespace order): no
    // committed root can be its root, so the commitment is fraudulent
    if (!isSpecError(e, "da") || e.code !== "NAMESPACE_ORDER") throw e;
  }
  if (recomputed !== undefined && bytesEqual(recomputed, committed)) fail("AXIS_CORRECTLY_ENCODED", `${axis} ${index} is the extension of the proven shares`);
  return true;
}
