/**
 * Arithmetic in GF(2^8) with the reducing polynomial 0x11D and generator 2 (spec/da.md §GF(2^8)),
 * the field of reed-solomon-erasure's `galois_8`, klauspost/reedsolomon and Backblaze's
 * JavaReedSolomon. Addition is XOR; multiplication goes through logarithm tables.
 * @module
 */
import { GF_POLYNOMIAL } from "./constants.js";

/** EXP[i] = 2^i for 0 ≤ i < 510 (doubled so EXP[LOG[a] + LOG[b]] needs no reduction mod 255). */
const EXP = new Uint8Array(510);
/** LOG[a] = i with 2^i = a, for a ≠ 0 (LOG[0] is unused). */
const LOG = new Uint8Array(256);
for (let i = 0, x = 1; i < 255; i++) {
  EXP[i] = x;
  LOG[x] = i;
  x <<= 1; // multiply by the generator 2
  if (x & 0x100) x ^= GF_POLYNOMIAL; // reduce mod x^8 + x^4 + x^3 + x^2 + 1
}
for (let i = 255; i < 510; i++) EXP[i] = EXP[i - 255]!;

/** a · b in GF(2^8). */
export function gfMul(a: number, b: number): number {
  if (a === 0 || b === 0) return 0;
  return EXP[LOG[a]! + LOG[b]!]!;
}

/** a⁻¹ in GF(2^8), a ≠ 0. */
export function gfInv(a: number): number {
  if (a === 0) throw new RangeError("gfInv: 0 has no inverse");
  return EXP[255 - LOG[a]!]!;
}

/**
 * The full multiplication table, MUL_TABLE[c·256 + x] = c · x (64 KiB): the fast path's
 * per-coefficient 256-byte tables are its rows.
 */
export const MUL_TABLE: Uint8Array = (() => {
  const t = new Uint8Array(256 * 256);
  for (let c = 0; c < 256; c++) for (let x = 0; x < 256; x++) t[c * 256 + x] = gfMul(c, x);
  return t;
})();

/** A matrix over GF(2^8), as rows. */
export type GfMatrix = Uint8Array[];

/** The inverse of a square matrix by Gauss–Jordan elimination; throws RangeError if singular. */
export function matInvert(m: GfMatrix): GfMatrix {
  const n = m.length;
  const a = m.map((row, i) => {
    const r = new Uint8Array(2 * n);
    r.set(row);
    r[n + i] = 1;
    return r;
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    while (pivot < n && a[pivot]![col] === 0) pivot++;
    if (pivot === n) throw new RangeError("matInvert: singular matrix");
    [a[col], a[pivot]] = [a[pivot]!, a[col]!];
    const row = a[col]!;
    const inv = gfInv(row[col]!);
    for (let j = 0; j < 2 * n; j++) row[j] = gfMul(row[j]!, inv);
    for (let r = 0; r < n; r++) {
      if (r === col) continue;
      const f = a[r]![col]!;
      if (f === 0) continue;
      const target = a[r]!;
      for (let j = 0; j < 2 * n; j++) target[j]! ^= gfMul(f, row[j]!);
    }
  }
  return a.map((r) => r.slice(n));
}
