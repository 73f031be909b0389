/**
 * Leopard's FFT-based Reed-Solomon erasure code over GF(2^8) (spec/da.md §Leopard), byte-identical
 * to catid/leopard's 8-bit code (LeopardFF8.cpp) as klauspost/reedsolomon ports it (`leopard8.go`,
 * selected by `WithLeopardGF(true)`) and celestiaorg/rsmt2d uses it for every Celestia square.
 * The algorithm is Lin, Chung and Han's additive FFT in the "novel polynomial basis" (IEEE Trans.
 * Inf. Theory 62(11), 2016):
 *
 *   field:   byte b ↦ φ(b) = ⊕_{i : bit i of b} CANTOR[i] in GF(2^8)/0x11D; LOG[b] = log_2 φ(b), LOG[0] = 255
 *   mul:     b · 2^l = EXP[(LOG[b] + l) mod 255] (0 stays 0)
 *   skews:   FFT_SKEW[0..254], logs of the subspace-polynomial twists (derivation in {@link FFT_SKEW})
 *   encode:  m = 2^⌈log2 p⌉; work = Σ over m-chunks c of the data of IFFT_c(chunk); parity = FFT(work)[0..p)
 *   decode:  error locator by Walsh–Hadamard transform of logs; original = −Λ · FFT(D(IFFT(Λ · received)))
 *
 * Positions: parity shard i sits at evaluation point i (0 ≤ i < m), data shard j at m + j.
 *
 * Two kernels run the same transform: {@link readableLeopard} multiplies byte by byte through
 * {@link leoMulLog}; {@link leopard} uses a 64 KiB product table on 32-bit words. A differential test
 * (conformance/da/leopard.test.ts) keeps them equal.
 * @module
 */
import { fail } from "./errors.js";
import { checkSizes, type ErasureCode } from "./reed-solomon.js";

/** Bits of a field element and the field order. */
const BITS = 8;
const ORDER = 256;
/** 2^8 − 1: the multiplicative group's order, and the "logarithm of zero" sentinel. */
export const LEO_MODULUS = 255;
/** The reducing polynomial (the same as the Vandermonde code's: x^8 + x^4 + x^3 + x^2 + 1). */
const POLYNOMIAL = 0x11d;
/** Leopard's Cantor basis of GF(2^8) over GF(2), as elements of the polynomial basis mod 0x11D. */
export const LEO_CANTOR_BASIS: readonly number[] = [1, 214, 152, 146, 86, 200, 88, 230];
/** Shard sizes must be a multiple of this many bytes (catid's and klauspost's SIMD block). */
export const LEOPARD_SHARD_MULTIPLE = 64;

// ---- the field (spec/da.md §Leopard, Field) ----

/**
 * LEO_LOG[b] = discrete log base 2 of φ(b), LEO_LOG[0] = 255; LEO_EXP[l] = φ⁻¹(2^l), LEO_EXP[255] = LEO_EXP[0] = 1.
 * Built as leopard8.go's `initLUTs8`: the polynomial-basis log by the LFSR 2^i mod 0x11D, then composed with φ.
 */
export const { LEO_LOG, LEO_EXP } = (() => {
  const polyLog = new Uint8Array(ORDER);
  for (let i = 0, state = 1; i < LEO_MODULUS; i++) {
    polyLog[state] = i;
    state <<= 1;
    if (state >= ORDER) state ^= POLYNOMIAL;
  }
  polyLog[0] = LEO_MODULUS;
  const phi = new Uint8Array(ORDER); // φ(b): the span of the Cantor basis
  for (let i = 0; i < BITS; i++) for (let j = 0; j < 1 << i; j++) phi[j + (1 << i)] = phi[j]! ^ LEO_CANTOR_BASIS[i]!;
  const log = new Uint8Array(ORDER);
  const exp = new Uint8Array(ORDER);
  for (let b = 0; b < ORDER; b++) log[b] = polyLog[phi[b]!]!;
  for (let b = 0; b < ORDER; b++) exp[log[b]!] = b;
  exp[LEO_MODULUS] = exp[0]!;
  return { LEO_LOG: log, LEO_EXP: exp };
})();

/** (a + b) mod 255, partially reduced: may return 255 for 0 (leopard8.go's `addMod8`). */
export function leoAddMod(a: number, b: number): number {
  const s = a + b;
  return (s + (s >>> 8)) & 0xff;
}

/** (a − b) mod 255, partially reduced: may return 255 for 0 (leopard8.go's `subMod8`). */
export function leoSubMod(a: number, b: number): number {
  const d = a - b;
  return d < 0 ? d + LEO_MODULUS : d;
}

/** a · 2^logB: a product whose right operand is given by its logarithm (0 · x = 0). */
export function leoMulLog(a: number, logB: number): number {
  return a === 0 ? 0 : LEO_EXP[leoAddMod(LEO_LOG[a]!, logB)]!;
}

/** a · b in Leopard's representation. */
export function leoMul(a: number, b: number): number {
  return b === 0 ? 0 : leoMulLog(a, LEO_LOG[b]!);
}

/**
 * The Walsh–Hadamard transform over Z/255 in place, on the first `mtrunc` non-zero entries of 256
 * (radix-4, four passes; the rest is taken to be zero): {a, b} ← {a + b, a − b} (mod 255).
 */
export function leoFwht(data: Uint8Array, mtrunc: number): void {
  for (let dist = 1; dist * 4 <= ORDER; dist *= 4) {
    for (let r = 0; r < mtrunc; r += dist * 4) {
      for (let i = r; i < r + dist; i++) {
        let t0 = data[i]!;
        let t1 = data[i + dist]!;
        let t2 = data[i + 2 * dist]!;
        let t3 = data[i + 3 * dist]!;
        [t0, t1] = [leoAddMod(t0, t1), leoSubMod(t0, t1)];
        [t2, t3] = [leoAddMod(t2, t3), leoSubMod(t2, t3)];
        [t0, t2] = [leoAddMod(t0, t2), leoSubMod(t0, t2)];
        [t1, t3] = [leoAddMod(t1, t3), leoSubMod(t1, t3)];
        data[i] = t0;
        data[i + dist] = t1;
        data[i + 2 * dist] = t2;
        data[i + 3 * dist] = t3;
      }
    }
  }
}

/**
 * FFT_SKEW[j] (0 ≤ j < 255): the logarithm of the twist of the butterfly whose block starts at
 * evaluation point j + 1 − dist, as leopard8.go's `initFFTSkew8` (catid's `FFTInitialize`):
 *
 *   temp[i] = 2^(i+1) (0 ≤ i < 7); skew = 0^255
 *   for m in 0..6:
 *     skew[2^m − 1] = 0
 *     for i in m..6, s = 2^(i+1): for j = 2^m − 1 step 2^(m+1) while j < s: skew[j + s] = skew[j] ⊕ temp[i]
 *     temp[m] = 255 − LOG[temp[m] · (temp[m] ⊕ 1)]                      (now a logarithm)
 *     for i in m+1..6: temp[i] = temp[i] · 2^((LOG[temp[i] ⊕ 1] + temp[m]) mod 255)
 *   skew[j] = LOG[skew[j]]
 *
 * temp[i] after step m is the normalised subspace polynomial W_m evaluated at 2^(i+1); a skew of 255
 * (the log of 0) marks a butterfly with no multiplication.
 */
export const FFT_SKEW: Uint8Array = (() => {
  const temp = Array.from({ length: BITS - 1 }, (_, i) => 1 << (i + 1));
  const skew = new Uint8Array(LEO_MODULUS);
  for (let m = 0; m < BITS - 1; m++) {
    const step = 1 << (m + 1);
    skew[(1 << m) - 1] = 0;
    for (let i = m; i < BITS - 1; i++) {
      const s = 1 << (i + 1);
      for (let j = (1 << m) - 1; j < s; j += step) skew[j + s] = skew[j]! ^ temp[i]!;
    }
    temp[m] = LEO_MODULUS - LEO_LOG[leoMulLog(temp[m]!, LEO_LOG[temp[m]! ^ 1]!)]!;
    for (let i = m + 1; i < BITS - 1; i++) temp[i] = leoMulLog(temp[i]!, leoAddMod(LEO_LOG[temp[i]! ^ 1]!, temp[m]!));
  }
  for (let j = 0; j < LEO_MODULUS; j++) skew[j] = LEO_LOG[skew[j]!]!;
  return skew;
})();

/** LOG_WALSH = FWHT(LOG with LOG[0] := 0): the decoder's error-locator weights. */
export const LOG_WALSH: Uint8Array = (() => {
  const w = LEO_LOG.slice();
  w[0] = 0;
  leoFwht(w, ORDER);
  return w;
})();

// ---- butterfly kernels ----

/** The shard-wise operations the transforms are built from; x, y, out are whole shards. */
interface Kernel {
  /** y ^= x. */
  xor(y: Uint8Array, x: Uint8Array): void;
  /** x ^= y · 2^logM. */
  mulAdd(x: Uint8Array, y: Uint8Array, logM: number): void;
  /** x = x · 2^logM. */
  mul(x: Uint8Array, logM: number): void;
}

const readableKernel: Kernel = {
  xor(y, x) {
    for (let b = 0; b < y.length; b++) y[b]! ^= x[b]!;
  },
  mulAdd(x, y, logM) {
    for (let b = 0; b < x.length; b++) x[b]! ^= leoMulLog(y[b]!, logM);
  },
  mul(x, logM) {
    for (let b = 0; b < x.length; b++) x[b] = leoMulLog(x[b]!, logM);
  },
};

/** LEO_MUL_TABLE[l · 256 + x] = x · 2^l (64 KiB; row 255 equals row 0, the identity). */
const LEO_MUL_TABLE: Uint8Array = (() => {
  const t = new Uint8Array(ORDER * ORDER);
  for (let l = 0; l < ORDER; l++) for (let x = 0; x < ORDER; x++) t[(l << 8) | x] = leoMulLog(x, l);
  return t;
})();

/** 32-bit views of a work shard (always 4-byte aligned: work buffers are allocated here). */
const words = (a: Uint8Array): Uint32Array => new Uint32Array(a.buffer, a.byteOffset, a.length >>> 2);

/** Table-driven: four lookups per 32-bit word (each byte multiplied alone, so byte order is irrelevant). */
const fastKernel: Kernel = {
  xor(y, x) {
    const y32 = words(y);
    const x32 = words(x);
    for (let w = 0; w < y32.length; w++) y32[w] = y32[w]! ^ x32[w]!;
  },
  mulAdd(x, y, logM) {
    const t = LEO_MUL_TABLE;
    const a = logM << 8;
    const x32 = words(x);
    const y32 = words(y);
    for (let w = 0; w < x32.length; w++) {
      const v = y32[w]!;
      x32[w] = x32[w]! ^ (t[a | (v & 0xff)]! | (t[a | ((v >>> 8) & 0xff)]! << 8) | (t[a | ((v >>> 16) & 0xff)]! << 16) | (t[a | (v >>> 24)]! << 24));
    }
  },
  mul(x, logM) {
    const t = LEO_MUL_TABLE;
    const a = logM << 8;
    const x32 = words(x);
    for (let w = 0; w < x32.length; w++) {
      const v = x32[w]!;
      x32[w] = t[a | (v & 0xff)]! | (t[a | ((v >>> 8) & 0xff)]! << 8) | (t[a | ((v >>> 16) & 0xff)]! << 16) | (t[a | (v >>> 24)]! << 24);
    }
  },
};

// ---- the transforms (spec/da.md §Leopard, FFT and IFFT) ----

/** FFT butterfly: x ^= y · 2^logM, then y ^= x; logM = 255 means no multiplication. */
function fftButterfly(k: Kernel, x: Uint8Array, y: Uint8Array, logM: number): void {
  if (logM !== LEO_MODULUS) k.mulAdd(x, y, logM);
  k.xor(y, x);
}

/** IFFT butterfly: y ^= x, then x ^= y · 2^logM; logM = 255 means no multiplication. */
function ifftButterfly(k: Kernel, x: Uint8Array, y: Uint8Array, logM: number): void {
  k.xor(y, x);
  if (logM !== LEO_MODULUS) k.mulAdd(x, y, logM);
}

/**
 * The inverse FFT in place on work[0..size) (size a power of two), decimation in time, two layers at
 * a time; groups at or after `mtrunc` are all zero and skipped. The block of 4·dist starting at r,
 * at absolute evaluation point base + r, takes its three skews at base + r + dist − 1 (first layer,
 * pairs (i, i+dist) and (i+2dist, i+3dist): m01 and m23 = skew[.. + 2dist]) and base + r + 2dist − 1
 * (second layer, pairs (i, i+2dist) and (i+dist, i+3dist): m02).
 */
function ifft(k: Kernel, work: Uint8Array[], mtrunc: number, size: number, base: number): void {
  let dist = 1;
  for (; dist * 4 <= size; dist *= 4) {
    for (let r = 0; r < mtrunc; r += dist * 4) {
      const s = base + r + dist - 1;
      const m01 = FFT_SKEW[s]!;
      const m02 = FFT_SKEW[s + dist]!;
      const m23 = FFT_SKEW[s + 2 * dist]!;
      for (let i = r; i < r + dist; i++) {
        ifftButterfly(k, work[i]!, work[i + dist]!, m01);
        ifftButterfly(k, work[i + 2 * dist]!, work[i + 3 * dist]!, m23);
        ifftButterfly(k, work[i]!, work[i + 2 * dist]!, m02);
        ifftButterfly(k, work[i + dist]!, work[i + 3 * dist]!, m02);
      }
    }
  }
  if (dist < size) {
    // one layer left (size = 2·dist): every pair (i, i + dist) with the same skew
    const logM = FFT_SKEW[base + dist - 1]!;
    for (let i = 0; i < dist; i++) ifftButterfly(k, work[i]!, work[i + dist]!, logM);
  }
}

/**
 * The FFT in place on work[0..size), decimation in time from the widest layer down, two at a time;
 * outputs at or after `mtrunc` are not needed and their groups skipped. Block of 4·dist at r: first
 * layer pairs (i, i+2dist), (i+dist, i+3dist) with skew[r + 2dist − 1], second layer (i, i+dist) with
 * skew[r + dist − 1] and (i+2dist, i+3dist) with skew[r + 3dist − 1].
 */
function fft(k: Kernel, work: Uint8Array[], mtrunc: number, size: number): void {
  let dist4 = size;
  let dist = size >>> 2;
  for (; dist !== 0; dist4 = dist, dist >>>= 2) {
    for (let r = 0; r < mtrunc; r += dist4) {
      const m01 = FFT_SKEW[r + dist - 1]!;
      const m02 = FFT_SKEW[r + 2 * dist - 1]!;
      const m23 = FFT_SKEW[r + 3 * dist - 1]!;
      for (let i = r; i < r + dist; i++) {
        fftButterfly(k, work[i]!, work[i + 2 * dist]!, m02);
        fftButterfly(k, work[i + dist]!, work[i + 3 * dist]!, m02);
        fftButterfly(k, work[i]!, work[i + dist]!, m01);
        fftButterfly(k, work[i + 2 * dist]!, work[i + 3 * dist]!, m23);
      }
    }
  }
  if (dist4 === 2) for (let r = 0; r < mtrunc; r += 2) fftButterfly(k, work[r]!, work[r + 1]!, FFT_SKEW[r]!);
}

// ---- shapes (spec/da.md §Leopard, Shapes) ----

/** The least power of two ≥ n (n ≥ 1). */
export function ceilPow2(n: number): number {
  let p = 1;
  while (p < n) p *= 2;
  return p;
}

/** L1: 1 ≤ k, 1 ≤ p, 2^⌈log2 p⌉ + k ≤ 256 (the evaluation points of GF(2^8)). */
export function checkLeopardShape(dataCount: number, parityCount: number): void {
  if (!Number.isInteger(dataCount) || !Number.isInteger(parityCount) || dataCount < 1 || parityCount < 1 || dataCount + parityCount > ORDER || ceilPow2(parityCount) + dataCount > ORDER) {
    fail("SHARD_COUNT_OUT_OF_RANGE", `Leopard GF(2^8) needs 1 ≤ data, 1 ≤ parity, 2^⌈log2 parity⌉ + data ≤ ${ORDER}; got ${dataCount} + ${parityCount}`);
  }
}

/** L2, L3: present shards all of one non-zero size (R2, {@link checkSizes}), a multiple of 64 bytes; returns it. */
function checkLeopardSizes(shards: readonly (Uint8Array | undefined)[]): number {
  const size = checkSizes(shards);
  if (size > 0 && size % LEOPARD_SHARD_MULTIPLE !== 0) fail("SHARD_SIZE_NOT_ALIGNED", `Leopard shards are a multiple of ${LEOPARD_SHARD_MULTIPLE} bytes; got ${size}`);
  return size;
}

/** `count` zeroed, 4-byte-aligned shards of `size` bytes in one buffer. */
function allocShards(count: number, size: number): Uint8Array[] {
  const buf = new Uint8Array(count * size);
  return Array.from({ length: count }, (_, i) => buf.subarray(i * size, (i + 1) * size));
}

// ---- encode and decode (spec/da.md §Leopard, Encoding and Decoding) ----

/**
 * Parity of `data`: with m = 2^⌈log2 p⌉, data shard j at point m + j. The data splits into chunks of
 * m (the last one short); chunk c (starting at data index c·m) is copied to a scratch of m zeroed
 * shards and inverse-transformed with base m + c·m; the scratches are XORed together (the first is
 * the accumulator itself); an FFT of size m, truncated to p outputs, gives the parity.
 */
function encodeWith(kernel: Kernel, data: readonly Uint8Array[], parityCount: number): Uint8Array[] {
  const k = data.length;
  checkLeopardShape(k, parityCount);
  const size = checkLeopardSizes(data);
  const m = ceilPow2(parityCount);
  const work = allocShards(2 * m, size);
  const acc = work.slice(0, m);
  const scratch = work.slice(m);
  for (let c = 0; c < k; c += m) {
    const count = Math.min(m, k - c);
    const dst = c === 0 ? acc : scratch;
    for (let i = 0; i < count; i++) dst[i]!.set(data[c + i]!);
    for (let i = count; i < m; i++) dst[i]!.fill(0);
    ifft(kernel, dst, count, m, m + c);
    if (c !== 0) for (let i = 0; i < m; i++) kernel.xor(acc[i]!, scratch[i]!);
  }
  fft(kernel, acc, parityCount, m);
  return acc.slice(0, parityCount);
}

/**
 * The error locator's logarithms for the erased positions: Λ(x) = Π over erased points e of (x − e),
 * evaluated at every point as log Λ'… in Walsh form: loc = FWHT(FWHT(erased indicator) · LOG_WALSH mod 255).
 * Point i (i < m) is parity i, erased if absent or i ≥ p; point m + j is data j.
 */
function errorLocator(shards: readonly (Uint8Array | undefined)[], k: number, p: number, m: number): Uint8Array {
  const loc = new Uint8Array(ORDER);
  for (let i = 0; i < m; i++) if (i >= p || shards[k + i] === undefined) loc[i] = 1;
  for (let j = 0; j < k; j++) if (shards[j] === undefined) loc[m + j] = 1;
  leoFwht(loc, m + k);
  for (let i = 0; i < ORDER; i++) loc[i] = (loc[i]! * LOG_WALSH[i]!) % LEO_MODULUS;
  leoFwht(loc, ORDER);
  return loc;
}

/**
 * Every shard from any k: n = 2^⌈log2(m + k)⌉ work shards hold the received shards times Λ at their
 * points (zero where erased or beyond m + k); then IFFT (size n), the formal derivative
 * (work[i − w .. i) ^= work[i .. i + w) for w the lowest set bit of i, i = 1..n−1), FFT (size n,
 * truncated to m + k); erased shard at point t is work[t] · 2^(255 − loc[t]).
 */
function reconstructWith(kernel: Kernel, shards: readonly (Uint8Array | undefined)[], dataCount: number): Uint8Array[] {
  const k = dataCount;
  const p = shards.length - k;
  checkLeopardShape(k, p);
  const size = checkLeopardSizes(shards);
  let present = 0;
  for (const s of shards) if (s !== undefined) present++;
  if (present < k) fail("TOO_FEW_SHARDS", `${present} shards present, ${k} needed`);
  if (present === shards.length) return shards.slice() as Uint8Array[];
  const m = ceilPow2(p);
  const n = ceilPow2(m + k);
  const loc = errorLocator(shards, k, p, m);
  const work = allocShards(n, size);
  const point = (t: number): Uint8Array | undefined => (t < m ? (t < p ? shards[k + t] : undefined) : t < m + k ? shards[t - m] : undefined);
  for (let t = 0; t < m + k; t++) {
    const s = point(t);
    if (s === undefined) continue;
    work[t]!.set(s);
    kernel.mul(work[t]!, loc[t]!);
  }
  ifft(kernel, work, m + k, n, 0);
  for (let i = 1; i < n; i++) {
    const width = ((i ^ (i - 1)) + 1) >>> 1;
    for (let j = 0; j < width; j++) kernel.xor(work[i - width + j]!, work[i + j]!);
  }
  fft(kernel, work, m + k, n);
  const out = shards.slice() as Uint8Array[];
  for (let t = 0; t < m + k; t++) {
    const index = t < m ? k + t : t - m;
    if (t < m && t >= p) continue;
    if (out[index] !== undefined) continue;
    kernel.mul(work[t]!, LEO_MODULUS - loc[t]!);
    out[index] = work[t]!;
  }
  return out;
}

function makeLeopard(name: string, kernel: Kernel): ErasureCode {
  return {
    name,
    encode: (data, parityCount) => encodeWith(kernel, data, parityCount),
    reconstruct: (shards, dataCount) => reconstructWith(kernel, shards, dataCount),
  };
}

/** Leopard GF(2^8), readable kernel: one {@link leoMulLog} per byte. */
export const readableLeopard: ErasureCode = makeLeopard("leopard-gf8 (readable)", readableKernel);

/** Leopard GF(2^8), table-driven kernel on 32-bit words: the implementation the reference uses. */
export const leopard: ErasureCode = makeLeopard("leopard-gf8", fastKernel);

/**
 * The `parityCount` parity shards of `data` under Leopard GF(2^8) (spec/da.md §Leopard).
 * @throws SpecError SHARD_COUNT_OUT_OF_RANGE, SIZE_MISMATCH, SHARD_SIZE_NOT_ALIGNED
 */
export function leopardEncode(data: readonly Uint8Array[], parityCount: number): Uint8Array[] {
  return leopard.encode(data, parityCount);
}

/**
 * Every shard (data then parity) from any `dataCount` present ones under Leopard GF(2^8).
 * @throws SpecError SHARD_COUNT_OUT_OF_RANGE, SIZE_MISMATCH, SHARD_SIZE_NOT_ALIGNED, TOO_FEW_SHARDS
 */
export function leopardReconstruct(shards: readonly (Uint8Array | undefined)[], dataCount: number): Uint8Array[] {
  return leopard.reconstruct(shards, dataCount);
}
