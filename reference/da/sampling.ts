/**
 * Data availability sampling (spec/da.md §Sampling; Al-Bassam et al. §5.6): a light node draws
 * distinct random cells, fetches each share with its proof against the row root, and accepts the
 * block only if all verify.
 * @module
 */
import { checkCommitments, type SquareCommitments } from "./commitments.js";
import { fail } from "./errors.js";
import { nmtProveRange, verifyNmtRange, type NmtProof } from "./nmt.js";
import { cellLeaf, checkSquareParams, getAxis, type ExtendedSquare, type SquareParams } from "./square.js";

/** One sampled cell: its share and the share's proof in its row's NMT. */
export interface Sample {
  row: number;
  col: number;
  share: Uint8Array;
  proof: NmtProof;
}

/** The sample of cell (row, col) of `square`. */
export function createSample(square: ExtendedSquare, row: number, col: number, params: SquareParams): Sample {
  const { k, cells } = square;
  const leaves = getAxis(cells, k, "row", row).map((s, c) => cellLeaf(s, row, c, k, params.namespaceSize));
  return { row, col, share: cells[row * 2 * k + col]!, proof: nmtProveRange(leaves, params.namespaceSize, col, col + 1) };
}

/**
 * Verifies a sample against the commitments (rules K1–K3, then A1–A3 of spec/da.md).
 * @throws SpecError PARAMETER_OUT_OF_RANGE, MALFORMED_PROOF, DATA_ROOT_MISMATCH, INDEX_OUT_OF_RANGE,
 *   SIZE_MISMATCH, ROOT_MISMATCH, NAMESPACE_ORDER
 */
export function verifySample(commitments: SquareCommitments, sample: Sample, params: SquareParams): true {
  checkSquareParams(params);
  const ns = params.namespaceSize;
  const k = checkCommitments(commitments, ns);
  const w = 2 * k;
  const { row, col, share, proof } = sample;
  if (![row, col].every((x) => Number.isInteger(x) && x >= 0 && x < w)) fail("INDEX_OUT_OF_RANGE", `cell (${row}, ${col}) outside a square of width ${w}`);
  if (share.length !== params.shareSize) fail("SIZE_MISMATCH", `share of ${share.length} bytes, the share size is ${params.shareSize}`);
  if (proof.start !== col || proof.end !== col + 1) fail("MALFORMED_PROOF", `proof for [${proof.start}, ${proof.end}), expected [${col}, ${col + 1})`);
  return verifyNmtRange(commitments.rowRoots[row]!, ns, w, proof, [cellLeaf(share, row, col, k, ns)]);
}

/**
 * The probability that s distinct uniform samples hit at least one of the (k+1)² withheld cells of
 * the worst withholding pattern (the least that makes a 2k×2k square unrecoverable), Al-Bassam et
 * al. §5.6:  p = 1 − ∏_{i<s} (1 − (k+1)² / (4k² − i)).
 */
export function detectionProbability(k: number, s: number): number {
  if (!Number.isInteger(k) || k < 1 || !Number.isInteger(s) || s < 0 || s > 4 * k * k) throw new RangeError(`detectionProbability: need k ≥ 1 and 0 ≤ s ≤ 4k², got k = ${k}, s = ${s}`);
  const withheld = (k + 1) * (k + 1);
  let miss = 1;
  for (let i = 0; i < s; i++) miss *= Math.max(0, 1 - withheld / (4 * k * k - i));
  return 1 - miss;
}

/** The least s with detectionProbability(k, s) ≥ confidence. */
export function samplesForConfidence(k: number, confidence: number): number {
  if (!(confidence >= 0 && confidence < 1)) throw new RangeError(`samplesForConfidence: confidence must be in [0, 1), got ${confidence}`);
  let s = 0;
  while (detectionProbability(k, s) < confidence) s++;
  return s;
}
