/**
 * Systematic Reed-Solomon erasure coding over GF(2^8) (spec/da.md §Reed-Solomon), with the encoding
 * matrix of Backblaze's JavaReedSolomon, klauspost/reedsolomon and Rust's reed-solomon-erasure
 * (`galois_8`): parity is byte-identical to theirs.
 *
 *   V = vandermonde(n, k),  V[r][c] = r^c          (n = k + m shards)
 *   E = V · (V[0:k][0:k])⁻¹                          (top k rows become the identity: systematic)
 *   parity_i = Σ_j E[k + i][j] · data_j              (bytewise, for 0 ≤ i < m)
 *
 * Any k rows of E are invertible, so any k shards determine the other m. The codec sits behind one
 * small interface, {@link ErasureCode}, so that the `shreds` component reuses it and another code
 * (Celestia's Leopard FFT code, whose parity differs) could be added beside it.
 *
 * Two implementations: {@link readableReedSolomon} follows the equations byte by byte;
 * {@link reedSolomon} (what {@link rsEncode} and {@link rsReconstruct} use) multiplies through
 * precomputed 256-byte per-coefficient tables. A differential test keeps them equal.
 * @module
 */
import { MAX_SHARDS } from "./constants.js";
import { fail } from "./errors.js";
import { gfMul, matInvert, matMul, MUL_TABLE, vandermonde, type GfMatrix } from "./gf256.js";

/** An erasure code over equal-sized shards: what `da` and `shreds` depend on. */
export interface ErasureCode {
  /** A stable name, e.g. `reed-solomon-gf8`. */
  readonly name: string;
  /** The `parityCount` parity shards of `data` (all shards of one size). */
  encode(data: readonly Uint8Array[], parityCount: number): Uint8Array[];
  /**
   * All shards (data then parity) from any `dataCount` of them; absent shards are `undefined`.
   * Present shards are returned as given (not re-checked: see {@link ErasureCode.encode} to check).
   */
  reconstruct(shards: readonly (Uint8Array | undefined)[], dataCount: number): Uint8Array[];
}

// ---- the encoding matrix ----

const matrixCache = new Map<string, GfMatrix>();
const MATRIX_CACHE_LIMIT = 32;

/** E = V · (top k×k of V)⁻¹ for k data and n total shards (reed-solomon-erasure's `build_matrix`). */
export function computeEncodingMatrix(dataCount: number, totalCount: number): GfMatrix {
  const key = `${dataCount}/${totalCount}`;
  const hit = matrixCache.get(key);
  if (hit) return hit;
  const v = vandermonde(totalCount, dataCount);
  const e = matMul(v, matInvert(v.slice(0, dataCount)));
  if (matrixCache.size >= MATRIX_CACHE_LIMIT) matrixCache.delete(matrixCache.keys().next().value!);
  matrixCache.set(key, e);
  return e;
}

// ---- input rules (spec/da.md §Validity rules, Reed-Solomon) ----

/** R1: 1 ≤ k, 1 ≤ m, k + m ≤ 256. */
function checkCounts(dataCount: number, parityCount: number): void {
  if (!Number.isInteger(dataCount) || !Number.isInteger(parityCount) || dataCount < 1 || parityCount < 1 || dataCount + parityCount > MAX_SHARDS) {
    fail("SHARD_COUNT_OUT_OF_RANGE", `need 1 ≤ data, 1 ≤ parity, data + parity ≤ ${MAX_SHARDS}; got ${dataCount} + ${parityCount}`);
  }
}

/** R2: every present shard has the same, non-zero size; returns it. */
function checkSizes(shards: readonly (Uint8Array | undefined)[]): number {
  let size = -1;
  for (let i = 0; i < shards.length; i++) {
    const s = shards[i];
    if (s === undefined) continue;
    if (size < 0) size = s.length;
    if (s.length !== size || size === 0) fail("SIZE_MISMATCH", `shard ${i} has ${s.length} bytes, expected ${size === 0 ? "at least 1" : size}`);
  }
  return size;
}

/** The indices of the first `dataCount` present shards; R3: there must be that many. */
function pickPresent(shards: readonly (Uint8Array | undefined)[], dataCount: number): number[] {
  const picked: number[] = [];
  for (let i = 0; i < shards.length && picked.length < dataCount; i++) if (shards[i] !== undefined) picked.push(i);
  if (picked.length < dataCount) fail("TOO_FEW_SHARDS", `${picked.length} shards present, ${dataCount} needed`);
  return picked;
}

// ---- the two implementations ----

/** out = Σ_j coefs[j] · src[j], bytewise: the readable form, one field multiplication per byte. */
function combineReadable(coefs: Uint8Array, src: readonly Uint8Array[], size: number): Uint8Array {
  const out = new Uint8Array(size);
  for (let j = 0; j < src.length; j++) {
    const c = coefs[j]!;
    const s = src[j]!;
    for (let b = 0; b < size; b++) out[b]! ^= gfMul(c, s[b]!);
  }
  return out;
}

/**
 * The same sums through the 256-byte row of {@link MUL_TABLE} of each coefficient: the fast path.
 * `bindFast(src, size)` prepares the sources once (32-bit views when every shard is 4-byte aligned
 * and its size a multiple of 4, the usual case) and returns `coefs ↦ Σ_j coefs[j] · src[j]`. The word
 * path does four table lookups per word (each byte is multiplied independently, so byte order does
 * not matter); otherwise it goes byte by byte.
 */
function bindFast(src: readonly Uint8Array[], size: number): (coefs: Uint8Array) => Uint8Array {
  const t = MUL_TABLE;
  const aligned = size % 4 === 0 && src.every((s) => s.byteOffset % 4 === 0);
  if (!aligned) {
    return (coefs) => {
      const out = new Uint8Array(size);
      for (let j = 0; j < src.length; j++) {
        const c = coefs[j]!;
        if (c === 0) continue;
        const s = src[j]!;
        const base = c << 8;
        for (let b = 0; b < size; b++) out[b] = out[b]! ^ t[base + s[b]!]!;
      }
      return out;
    };
  }
  const words = size >>> 2;
  const src32 = src.map((s) => new Uint32Array(s.buffer, s.byteOffset, words));
  return (coefs) => {
    const out32 = new Uint32Array(words);
    for (let j = 0; j < src32.length; j++) {
      const c = coefs[j]!;
      if (c === 0) continue;
      const s32 = src32[j]!;
      if (c === 1) {
        for (let w = 0; w < words; w++) out32[w] = out32[w]! ^ s32[w]!;
        continue;
      }
      const base = c << 8;
      for (let w = 0; w < words; w++) {
        const x = s32[w]!;
        out32[w] = out32[w]! ^ (t[base | (x & 0xff)]! | (t[base | ((x >>> 8) & 0xff)]! << 8) | (t[base | ((x >>> 16) & 0xff)]! << 16) | (t[base | (x >>> 24)]! << 24));
      }
    }
    return new Uint8Array(out32.buffer);
  };
}

/** The readable form bound the same way. */
const bindReadable = (src: readonly Uint8Array[], size: number) => (coefs: Uint8Array) => combineReadable(coefs, src, size);

type Bind = typeof bindReadable;

/** Bytes per chunk when encoding long shards (a multiple of 4, so chunks stay word-aligned). */
const ENCODE_CHUNK = 2048;

function makeReedSolomon(name: string, bind: Bind): ErasureCode {
  const encode = (data: readonly Uint8Array[], parityCount: number): Uint8Array[] => {
    checkCounts(data.length, parityCount);
    const size = checkSizes(data);
    const e = computeEncodingMatrix(data.length, data.length + parityCount);
    if (size <= ENCODE_CHUNK) {
      const combine = bind(data, size);
      return Array.from({ length: parityCount }, (_, i) => combine(e[data.length + i]!));
    }
    // long shards: all parity shards chunk by chunk, so the data chunks stay in cache
    const parity = Array.from({ length: parityCount }, () => new Uint8Array(size));
    for (let off = 0; off < size; off += ENCODE_CHUNK) {
      const part = data.map((d) => d.subarray(off, off + ENCODE_CHUNK));
      const combine = bind(part, part[0]!.length);
      for (let i = 0; i < parityCount; i++) parity[i]!.set(combine(e[data.length + i]!), off);
    }
    return parity;
  };

  const reconstruct = (shards: readonly (Uint8Array | undefined)[], dataCount: number): Uint8Array[] => {
    checkCounts(dataCount, shards.length - dataCount);
    const size = checkSizes(shards);
    const picked = pickPresent(shards, dataCount);
    const present = picked.map((i) => shards[i]!);
    const out = shards.slice() as (Uint8Array | undefined)[];
    const e = computeEncodingMatrix(dataCount, shards.length);
    // data_d = Σ_j D[d][j] · present_j, where D = (rows `picked` of E)⁻¹
    if (picked.some((i, j) => i !== j)) {
      const decode = matInvert(picked.map((i) => e[i]!));
      const fromPresent = bind(present, size);
      for (let d = 0; d < dataCount; d++) if (out[d] === undefined) out[d] = fromPresent(decode[d]!);
    }
    const data = out.slice(0, dataCount) as Uint8Array[];
    const fromData = bind(data, size);
    for (let p = dataCount; p < shards.length; p++) if (out[p] === undefined) out[p] = fromData(e[p]!);
    return out as Uint8Array[];
  };

  return { name, encode, reconstruct };
}

/** Reed-Solomon over GF(2^8), readable form: one `gfMul` per byte and coefficient. */
export const readableReedSolomon: ErasureCode = makeReedSolomon("reed-solomon-gf8 (readable)", bindReadable);

/** Reed-Solomon over GF(2^8), table-driven: the implementation the reference uses. */
export const reedSolomon: ErasureCode = makeReedSolomon("reed-solomon-gf8", bindFast);

/**
 * The `parityCount` parity shards of `data` (spec/da.md §Reed-Solomon).
 * @throws SpecError SHARD_COUNT_OUT_OF_RANGE, SIZE_MISMATCH
 */
export function rsEncode(data: readonly Uint8Array[], parityCount: number): Uint8Array[] {
  return reedSolomon.encode(data, parityCount);
}

/**
 * Every shard back from any `dataCount` present ones (`shards.length` = data + parity).
 * @throws SpecError SHARD_COUNT_OUT_OF_RANGE, SIZE_MISMATCH, TOO_FEW_SHARDS
 */
export function rsReconstruct(shards: readonly (Uint8Array | undefined)[], dataCount: number): Uint8Array[] {
  return reedSolomon.reconstruct(shards, dataCount);
}
