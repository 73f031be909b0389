/**
 * Systematic Reed-Solomon erasure coding over GF(2^8) (spec/da.md §Reed-Solomon), with the encoding
 * matrix of Backblaze's JavaReedSolomon, klauspost/reedsolomon and Rust's reed-solomon-erasure
 * (`galois_8`): parity is byte-identical to theirs.
 *
 *   V[r][c] = r^c                                   (Vandermonde, n = k + m shards)
 *   E = V · (V[0:k][0:k])⁻¹                          (top k rows become the identity: systematic;
 *                                                     computed in Lagrange form, computeEncodingMatrix)
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
import { gfInv, gfMul, matInvert, MUL_TABLE, type GfMatrix } from "./gf256.js";

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

/**
 * E = V · (top k×k of V)⁻¹ for k data and n total shards (reed-solomon-erasure's `build_matrix`),
 * computed in its Lagrange form: row r of E holds the weights that evaluate at the point r the
 * polynomial of degree < k through (i, data_i), 0 ≤ i < k, so
 *
 *   E[r][j] = δ(r, j)                                   for r < k (the identity: systematic)
 *   E[r][j] = Π_{i<k, i≠j} (r − i) / (j − i)            for r ≥ k
 *           = P(r) / ((r − j) · den_j),  P(r) = Π_{i<k} (r − i),  den_j = Π_{i<k, i≠j} (j − i)
 *
 * (subtraction is XOR in GF(2^8)). The same matrix as the Gauss–Jordan inverse of spec/da.md
 * §Reed-Solomon, in O(n·k) field operations instead of O(k³): a k = 255 code costs milliseconds.
 */
export function computeEncodingMatrix(dataCount: number, totalCount: number): GfMatrix {
  const key = `${dataCount}/${totalCount}`;
  const hit = matrixCache.get(key);
  if (hit) return hit;
  const k = dataCount;
  // den_j = Π_{i≠j} (j − i)
  const den = Array.from({ length: k }, (_, j) => {
    let d = 1;
    for (let i = 0; i < k; i++) if (i !== j) d = gfMul(d, j ^ i);
    return d;
  });
  const e = Array.from({ length: totalCount }, (_, r) => {
    const row = new Uint8Array(k);
    if (r < k) {
      row[r] = 1;
      return row;
    }
    let pr = 1; // P(r) = Π_i (r − i), non-zero as r is not a node
    for (let i = 0; i < k; i++) pr = gfMul(pr, r ^ i);
    for (let j = 0; j < k; j++) row[j] = gfMul(pr, gfInv(gfMul(r ^ j, den[j]!)));
    return row;
  });
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

/** R2: every present shard has the same, non-zero size; returns it (shared by every ErasureCode instance). */
export function checkSizes(shards: readonly (Uint8Array | undefined)[]): number {
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
 * `bindFast(src, size)` prepares the sources once and returns `rows ↦ [Σ_j row[j] · src[j] for each
 * row]`. When every shard is 4-byte aligned and its size a multiple of 4 (the usual case) it works on
 * 32-bit words, four table lookups per word (each byte is multiplied independently, so byte order
 * does not matter), and eight output rows per pass over the sources, so each source word is read and
 * split into bytes once for eight outputs (the rest one row at a time). Otherwise it goes byte by byte.
 */
function bindFast(src: readonly Uint8Array[], size: number): (rows: readonly Uint8Array[]) => Uint8Array[] {
  const t = MUL_TABLE;
  const k = src.length;
  const aligned = size % 4 === 0 && src.every((s) => s.byteOffset % 4 === 0);
  if (!aligned) {
    return (rows) =>
      rows.map((coefs) => {
        const out = new Uint8Array(size);
        for (let j = 0; j < k; j++) {
          const base = coefs[j]! << 8;
          const s = src[j]!;
          for (let b = 0; b < size; b++) out[b] = out[b]! ^ t[base + s[b]!]!;
        }
        return out;
      });
  }
  const words = size >>> 2;
  const src32 = src.map((s) => new Uint32Array(s.buffer, s.byteOffset, words));
  /** out ^= c · s, wordwise. */
  const mulAdd1 = (o: Uint32Array, c: number, s: Uint32Array): void => {
    const a = c << 8;
    for (let w = 0; w < words; w++) {
      const x = s[w]!;
      o[w] = o[w]! ^ (t[a | (x & 0xff)]! | (t[a | ((x >>> 8) & 0xff)]! << 8) | (t[a | ((x >>> 16) & 0xff)]! << 16) | (t[a | (x >>> 24)]! << 24));
    }
  };
  return (rows) => {
    const outs = rows.map(() => new Uint32Array(words));
    let i = 0;
    for (; i + 8 <= rows.length; i += 8) {
      const [o0, o1, o2, o3, o4, o5, o6, o7] = outs.slice(i, i + 8) as [Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array, Uint32Array];
      const r = rows.slice(i, i + 8);
      for (let j = 0; j < k; j++) {
        const s = src32[j]!;
        // the 256-byte table row of each of the eight coefficients
        const [a, b, c, d, e, f, g, h] = r.map((row) => row[j]! << 8) as [number, number, number, number, number, number, number, number];
        for (let w = 0; w < words; w++) {
          const x = s[w]!;
          const x0 = x & 0xff;
          const x1 = (x >>> 8) & 0xff;
          const x2 = (x >>> 16) & 0xff;
          const x3 = x >>> 24;
          o0[w] = o0[w]! ^ (t[a | x0]! | (t[a | x1]! << 8) | (t[a | x2]! << 16) | (t[a | x3]! << 24));
          o1[w] = o1[w]! ^ (t[b | x0]! | (t[b | x1]! << 8) | (t[b | x2]! << 16) | (t[b | x3]! << 24));
          o2[w] = o2[w]! ^ (t[c | x0]! | (t[c | x1]! << 8) | (t[c | x2]! << 16) | (t[c | x3]! << 24));
          o3[w] = o3[w]! ^ (t[d | x0]! | (t[d | x1]! << 8) | (t[d | x2]! << 16) | (t[d | x3]! << 24));
          o4[w] = o4[w]! ^ (t[e | x0]! | (t[e | x1]! << 8) | (t[e | x2]! << 16) | (t[e | x3]! << 24));
          o5[w] = o5[w]! ^ (t[f | x0]! | (t[f | x1]! << 8) | (t[f | x2]! << 16) | (t[f | x3]! << 24));
          o6[w] = o6[w]! ^ (t[g | x0]! | (t[g | x1]! << 8) | (t[g | x2]! << 16) | (t[g | x3]! << 24));
          o7[w] = o7[w]! ^ (t[h | x0]! | (t[h | x1]! << 8) | (t[h | x2]! << 16) | (t[h | x3]! << 24));
        }
      }
    }
    for (; i < rows.length; i++) for (let j = 0; j < k; j++) mulAdd1(outs[i]!, rows[i]![j]!, src32[j]!);
    return outs.map((o) => new Uint8Array(o.buffer));
  };
}

/** Shards at least this long take {@link bindWide} (its tables cost ~k·m·256 lookups to build). */
export const WIDE_SHARD_SIZE = 8192;
/** Bytes per chunk of {@link bindWide}: its 4-row accumulators (4 bytes per position) stay in L1. */
const WIDE_CHUNK = 4096;

/**
 * The same sums for long shards, four output rows per table lookup: for each source j and group of
 * four rows (c0..c3 their coefficients for j), a 256-entry table T[x] = c0·x | c1·x << 8 | c2·x << 16 |
 * c3·x << 24, so one lookup gives the four products of a source byte. Per chunk, the sources are
 * packed into one buffer S[j·len + b]; for each byte position b the sums over j of two groups (eight
 * rows) are accumulated in two integers and their eight bytes stored once. Pinned to the readable
 * form by a differential test on shards of this size (conformance/da/leopard.test.ts).
 */
function bindWide(src: readonly Uint8Array[], size: number): (rows: readonly Uint8Array[]) => Uint8Array[] {
  const mul = MUL_TABLE;
  const k = src.length;
  return (rows) => {
    const groups = Math.ceil(rows.length / 4);
    // tables[(g·k + j)·256 + x]; rows past the end use coefficient 0; Int32 so values stay int32 in the JIT
    const tables = new Int32Array((groups + 3) * k * 256); // zero groups of slack for a count not a multiple of 4
    for (let g = 0; g < groups; g++) {
      for (let j = 0; j < k; j++) {
        const base = (g * k + j) * 256;
        const c = [0, 1, 2, 3].map((i) => (rows[4 * g + i]?.[j] ?? 0) << 8);
        for (let x = 0; x < 256; x++) tables[base + x] = mul[c[0]! | x]! | (mul[c[1]! | x]! << 8) | (mul[c[2]! | x]! << 16) | (mul[c[3]! | x]! << 24);
      }
    }
    const outs = rows.map(() => new Uint8Array(size));
    const empty = new Uint8Array(size);
    const out = (i: number) => outs[i] ?? empty;
    const packed = new Uint8Array(k * WIDE_CHUNK);
    const stride = k * 256;
    for (let off = 0; off < size; off += WIDE_CHUNK) {
      const len = Math.min(WIDE_CHUNK, size - off);
      for (let j = 0; j < k; j++) packed.set(src[j]!.subarray(off, off + len), j * len);
      for (let g = 0; g < groups; g += 4) {
        const o = Array.from({ length: 16 }, (_, i) => out(4 * g + i));
        const t0 = g * stride;
        for (let b = 0; b < len; b++) {
          let a = 0;
          let c = 0;
          let d = 0;
          let e = 0;
          for (let j = 0, si = b, t = t0; j < k; j++, si += len, t += 256) {
            const x = packed[si]!;
            a ^= tables[t + x]!;
            c ^= tables[t + stride + x]!;
            d ^= tables[t + 2 * stride + x]!;
            e ^= tables[t + 3 * stride + x]!;
          }
          const p = off + b;
          o[0]![p] = a;
          o[1]![p] = a >>> 8;
          o[2]![p] = a >>> 16;
          o[3]![p] = a >>> 24;
          o[4]![p] = c;
          o[5]![p] = c >>> 8;
          o[6]![p] = c >>> 16;
          o[7]![p] = c >>> 24;
          o[8]![p] = d;
          o[9]![p] = d >>> 8;
          o[10]![p] = d >>> 16;
          o[11]![p] = d >>> 24;
          o[12]![p] = e;
          o[13]![p] = e >>> 8;
          o[14]![p] = e >>> 16;
          o[15]![p] = e >>> 24;
        }
      }
    }
    return outs;
  };
}

/** The readable form bound the same way. */
const bindReadable = (src: readonly Uint8Array[], size: number) => (rows: readonly Uint8Array[]) => rows.map((coefs) => combineReadable(coefs, src, size));

type Bind = typeof bindReadable;

/** Bytes per chunk when encoding long shards (a multiple of 4, so chunks stay word-aligned). */
const ENCODE_CHUNK = 2048;

function makeReedSolomon(name: string, bind: Bind): ErasureCode {
  const encode = (data: readonly Uint8Array[], parityCount: number): Uint8Array[] => {
    checkCounts(data.length, parityCount);
    const size = checkSizes(data);
    const e = computeEncodingMatrix(data.length, data.length + parityCount);
    if (size <= ENCODE_CHUNK || (bind === bindFastOrWide && size >= WIDE_SHARD_SIZE)) {
      return bind(data, size)(e.slice(data.length));
    }
    // long shards: all parity shards chunk by chunk, so the data chunks stay in cache
    const parity = Array.from({ length: parityCount }, () => new Uint8Array(size));
    for (let off = 0; off < size; off += ENCODE_CHUNK) {
      const part = data.map((d) => d.subarray(off, off + ENCODE_CHUNK));
      bind(part, part[0]!.length)(e.slice(data.length)).forEach((chunk, i) => parity[i]!.set(chunk, off));
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
      const missing = Array.from({ length: dataCount }, (_, d) => d).filter((d) => out[d] === undefined);
      bind(present, size)(missing.map((d) => decode[d]!)).forEach((shard, x) => (out[missing[x]!] = shard));
    }
    const data = out.slice(0, dataCount) as Uint8Array[];
    const missingParity = Array.from({ length: shards.length - dataCount }, (_, i) => dataCount + i).filter((p) => out[p] === undefined);
    bind(data, size)(missingParity.map((p) => e[p]!)).forEach((shard, x) => (out[missingParity[x]!] = shard));
    return out as Uint8Array[];
  };

  return { name, encode, reconstruct };
}

/** Reed-Solomon over GF(2^8), readable form: one `gfMul` per byte and coefficient. */
export const readableReedSolomon: ErasureCode = makeReedSolomon("reed-solomon-gf8 (readable)", bindReadable);

/** {@link bindFast}, or {@link bindWide} for shards of at least {@link WIDE_SHARD_SIZE} bytes. */
const bindFastOrWide: Bind = (src, size) => (size >= WIDE_SHARD_SIZE ? bindWide(src, size) : bindFast(src, size));

/** Reed-Solomon over GF(2^8), table-driven: the implementation the reference uses. */
export const reedSolomon: ErasureCode = makeReedSolomon("reed-solomon-gf8", bindFastOrWide);

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
