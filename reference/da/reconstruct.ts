/**
 * Reconstruction of an extended square from a subset of its shares by iterative row and column
 * decoding (spec/da.md §Reconstruction): any row or column with at least k shares present is decoded
 * in full; repeat until the square is complete or no axis can be decoded.
 * @module
 */
import { bytesEqual } from "../common/bytes.js";
import { MAX_SQUARE_WIDTH } from "./constants.js";
import { fail } from "./errors.js";
import { reedSolomon, type ErasureCode } from "./reed-solomon.js";
import { checkSquareParams, computeSquareRoots, extendCells, squareCode, type ExtendedSquare, type SquareParams } from "./square.js";

/** The width 2k of a square of `cellCount` cells; C1: 2k a power of two, 2 ≤ 2k ≤ 2·MAX_SQUARE_WIDTH. */
function checkCellCount(cellCount: number): number {
  const w = Math.round(Math.sqrt(cellCount));
  if (w * w !== cellCount || w < 2 || w > 2 * MAX_SQUARE_WIDTH || (w & (w - 1)) !== 0) fail("PARAMETER_OUT_OF_RANGE", `${cellCount} cells are not a 2k×2k square with k a power of two ≤ ${MAX_SQUARE_WIDTH}`);
  return w / 2;
}

/**
 * Fills in the missing cells by decoding every row or column with ≥ k cells present, until none is
 * missing (returns the cells) or no axis can progress (UNRECOVERABLE). The loop is bounded: each
 * pass that continues fills at least one cell.
 */
export function decodeSquare(cells: readonly (Uint8Array | undefined)[], k: number, code: ErasureCode = reedSolomon): Uint8Array[] {
  const w = 2 * k;
  const grid = cells.slice();
  let missing = grid.filter((c) => c === undefined).length;
  // C3: fewer than k² present can never determine k² unknowns; checked before any decoding
  if (w * w - missing < k * k) fail("UNRECOVERABLE", `${w * w - missing} shares present, at least ${k * k} are needed`);
  const at = (axis: number, index: number, j: number) => (axis === 0 ? index * w + j : j * w + index);
  while (missing > 0) {
    let progress = false;
    for (let axis = 0; axis < 2; axis++) {
      for (let index = 0; index < w; index++) {
        const line = Array.from({ length: w }, (_, j) => grid[at(axis, index, j)]);
        const absent = line.filter((c) => c === undefined).length;
        if (absent === 0 || w - absent < k) continue;
        const full = code.reconstruct(line, k);
        for (let j = 0; j < w; j++) if (grid[at(axis, index, j)] === undefined) grid[at(axis, index, j)] = full[j]!;
        missing -= absent;
        progress = true;
      }
    }
    if (!progress) fail("UNRECOVERABLE", `${missing} shares missing and no row or column has ${k} shares present`);
  }
  return grid as Uint8Array[];
}

/**
 * The square from any sufficient subset of its 4k² cells (row-major, `undefined` where withheld),
 * checked against `dataRoot`.
 * @throws SpecError PARAMETER_OUT_OF_RANGE, SIZE_MISMATCH, UNRECOVERABLE, INCONSISTENT_SHARES,
 *   NAMESPACE_ORDER, DATA_ROOT_MISMATCH
 */
export function reconstructSquare(cells: readonly (Uint8Array | undefined)[], params: SquareParams, dataRoot: Uint8Array): ExtendedSquare {
  checkSquareParams(params);
  const k = checkCellCount(cells.length);
  // C2: every present cell has the share size
  cells.forEach((c, i) => {
    if (c !== undefined && c.length !== params.shareSize) fail("SIZE_MISMATCH", `cell ${i} has ${c.length} bytes, the share size is ${params.shareSize}`);
  });
  const code = squareCode(params);
  const decoded = decodeSquare(cells, k, code);
  // C5: the given cells are one code word: re-extending Q0 gives back every cell
  const q0 = Array.from({ length: k * k }, (_, i) => decoded[Math.floor(i / k) * 2 * k + (i % k)]!);
  const full = extendCells(q0, k, code);
  for (let i = 0; i < full.length; i++) if (!bytesEqual(full[i]!, decoded[i]!)) fail("INCONSISTENT_SHARES", `cell (${Math.floor(i / (2 * k))}, ${i % (2 * k)}) disagrees with the extension of the decoded original shares`);
  const roots = computeSquareRoots(full, k, params.namespaceSize); // C6: every axis in namespace order
  // C7: the commitments
  if (!bytesEqual(roots.dataRoot, dataRoot)) fail("DATA_ROOT_MISMATCH", "the reconstructed square has another data root");
  return { k, cells: full, ...roots };
}
