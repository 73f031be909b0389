/**
 * Checking a square's commitments before trusting any proof against them (spec/da.md §Commitments):
 * row and column roots of the right number and size that hash to the data root.
 * @module
 */
import { bytesEqual } from "../common/bytes.js";
import { HASH_SIZE, MAX_SQUARE_WIDTH } from "./constants.js";
import { fail } from "./errors.js";
import { nmtNodeSize } from "./nmt.js";
import { computeDataRoot } from "./square.js";

/** A square's commitments as a light node receives them with a header. */
export interface SquareCommitments {
  dataRoot: Uint8Array;
  rowRoots: Uint8Array[];
  colRoots: Uint8Array[];
}

/**
 * K1–K3: 2k row roots and 2k column roots (k a power of two ≤ MAX_SQUARE_WIDTH), each an NMT node,
 * a 32-byte data root equal to MTH(rowRoots ‖ colRoots). Returns k.
 * @throws SpecError MALFORMED_PROOF, DATA_ROOT_MISMATCH
 */
export function checkCommitments(c: SquareCommitments, namespaceSize: number): number {
  const w = c.rowRoots.length;
  if (w !== c.colRoots.length || w < 2 || w > 2 * MAX_SQUARE_WIDTH || (w & (w - 1)) !== 0) fail("MALFORMED_PROOF", `${c.rowRoots.length} row and ${c.colRoots.length} column roots: expected 2k of each, k a power of two ≤ ${MAX_SQUARE_WIDTH}`);
  for (const r of [...c.rowRoots, ...c.colRoots]) if (r.length !== nmtNodeSize(namespaceSize)) fail("MALFORMED_PROOF", `a root of ${r.length} bytes, expected ${nmtNodeSize(namespaceSize)}`);
  if (c.dataRoot.length !== HASH_SIZE) fail("MALFORMED_PROOF", `a data root of ${c.dataRoot.length} bytes`);
  if (!bytesEqual(computeDataRoot(c.rowRoots, c.colRoots), c.dataRoot)) fail("DATA_ROOT_MISMATCH", "row and column roots do not hash to the data root");
  return w / 2;
}
