/**
 * t-of-n Shamir secret sharing over GF(2^31 + 11), byte-compatible with fcp's
 * `ShamirSecretSharing` (fcp/secagg/shared/shamir_secret_sharing.cc; spec/secagg.md §Shamir secret
 * sharing): a secret of `len` bytes is read as a big-endian integer and cut into 31-bit limbs, most
 * significant first; each limb is shared by its own random polynomial of degree t − 1; a share is the
 * concatenation of the limbs' evaluations as big-endian u32 values.
 * @module
 */
import { MIN_THRESHOLD, SHAMIR_PRIME as P, SUBSECRET_BITS, SUBSHARE_SIZE } from "./constants.js";
import type { Drbg } from "./drbg.js";
import { fail } from "./errors.js";
import { addP, invP, mulP, subP } from "./field.js";

/** Largest secret, in bytes (bounds every allocation of reconstruct). */
export const MAX_SECRET_LENGTH = 1024;

/** One share: the evaluation point x (the recipient's user id) and its bytes. */
export interface Share {
  x: number;
  data: Uint8Array;
}

/** Limbs of a `len`-byte secret: ceil(8·len / 31). */
export const limbCount = (len: number): number => Math.ceil((8 * len) / SUBSECRET_BITS);

/** The secret as 31-bit limbs, most significant first (fcp DivideIntoSubsecrets). */
export function secretToLimbs(secret: Uint8Array): number[] {
  let v = 0n;
  for (const b of secret) v = (v << 8n) | BigInt(b);
  const limbs: number[] = new Array(limbCount(secret.length));
  for (let i = limbs.length - 1; i >= 0; i--, v >>= 31n) limbs[i] = Number(v & 0x7fffffffn);
  return limbs;
}

/** The `len`-byte secret whose limbs these are; a value of more than 8·len bits is INCONSISTENT_SHARES. */
export function limbsToSecret(limbs: readonly number[], len: number): Uint8Array {
  let v = 0n;
  for (const l of limbs) v = (v << 31n) | BigInt(l);
  if (v >> BigInt(8 * len) !== 0n) fail("INCONSISTENT_SHARES", `the reconstructed value has more than ${8 * len} bits`);
  const out = new Uint8Array(len);
  for (let i = len - 1; i >= 0; i--, v >>= 8n) out[i] = Number(v & 0xffn);
  return out;
}

/** A field element below p from the stream: big-endian u32 draws, rejecting values ≥ p (fcp RandomFieldElement). */
export function randomFieldElement(drbg: Drbg): number {
  for (;;) {
    const r = drbg.u32();
    if (r < P) return r;
  }
}

/** Σ c_i x^i mod p by Horner's rule. */
export function evaluatePolynomial(coefficients: readonly number[], x: number): number {
  let s = 0;
  for (let i = coefficients.length - 1; i >= 0; i--) s = addP(mulP(s, x), coefficients[i]!);
  return s;
}

/**
 * Shares `secret` t-of-|xs| at the points `xs` (spec §Shamir, {@link shamirSplit}). Random
 * coefficients come from `drbg`, limb by limb, t − 1 per limb, in increasing degree.
 */
export function shamirSplit(secret: Uint8Array, t: number, xs: readonly number[], drbg: Drbg): Share[] {
  if (secret.length < 1 || secret.length > MAX_SECRET_LENGTH) fail("SECRET_LENGTH", `secret of ${secret.length} bytes; expected 1..${MAX_SECRET_LENGTH}`);
  if (!Number.isInteger(t) || t < MIN_THRESHOLD || t > xs.length) fail("PARAMETER_OUT_OF_RANGE", `threshold ${t} with ${xs.length} shares; expected 2 ≤ t ≤ shares`);
  checkPoints(xs);
  const limbs = secretToLimbs(secret);
  const out = xs.map((x) => ({ x, data: new Uint8Array(limbs.length * SUBSHARE_SIZE) }));
  limbs.forEach((limb, i) => {
    const coefficients = [limb];
    for (let d = 1; d < t; d++) coefficients.push(randomFieldElement(drbg));
    for (const s of out) new DataView(s.data.buffer).setUint32(i * SUBSHARE_SIZE, evaluatePolynomial(coefficients, s.x));
  });
  return out;
}

function checkPoints(xs: readonly number[]): void {
  const seen = new Set<number>();
  for (const x of xs) {
    if (!Number.isInteger(x) || x < 1 || x >= P || seen.has(x)) fail("DUPLICATE_SHARE", `evaluation point ${x} repeated or outside 1..p−1`);
    seen.add(x);
  }
}

/** The Lagrange coefficients λ_j = Π_{m≠j} x_m / (x_m − x_j) at 0. */
export function lagrangeAtZero(xs: readonly number[]): number[] {
  return xs.map((xj, j) => {
    let num = 1;
    let den = 1;
    xs.forEach((xm, m) => {
      if (m === j) return;
      num = mulP(num, xm);
      den = mulP(den, subP(xm, xj));
    });
    return mulP(num, invP(den));
  });
}

/** The Lagrange coefficients at point z (for the consistency check of surplus shares). */
function lagrangeAt(xs: readonly number[], z: number): number[] {
  return xs.map((xj, j) => {
    let num = 1;
    let den = 1;
    xs.forEach((xm, m) => {
      if (m === j) return;
      num = mulP(num, subP(z, xm));
      den = mulP(den, subP(xj, xm));
    });
    return mulP(num, invP(den));
  });
}

function element(s: Share, i: number): number {
  return new DataView(s.data.buffer, s.data.byteOffset).getUint32(i * SUBSHARE_SIZE);
}

/**
 * Reconstructs a `len`-byte secret from t or more shares (spec §Validity rules, table
 * `shamir_reconstruct`). The first t shares, in the order given, interpolate; every further share
 * must lie on the same polynomials. Cost: O(t² + (s − t)·t) field operations per limb.
 */
export function shamirReconstruct(shares: readonly Share[], t: number, len: number): Uint8Array {
  if (!Number.isInteger(len) || len < 1 || len > MAX_SECRET_LENGTH) fail("SECRET_LENGTH", `secret length ${len}; expected 1..${MAX_SECRET_LENGTH}`);
  if (!Number.isInteger(t) || t < MIN_THRESHOLD) fail("PARAMETER_OUT_OF_RANGE", `threshold ${t}; expected t ≥ ${MIN_THRESHOLD}`);
  if (shares.length < t) fail("TOO_FEW_SHARES", `${shares.length} shares for threshold ${t}`);
  checkPoints(shares.map((s) => s.x));
  const limbs = limbCount(len);
  for (const s of shares) if (s.data.length !== limbs * SUBSHARE_SIZE) fail("SECRET_LENGTH", `share at ${s.x} has ${s.data.length} bytes; a ${len}-byte secret needs ${limbs * SUBSHARE_SIZE}`);
  for (const s of shares) for (let i = 0; i < limbs; i++) if (element(s, i) >= P) fail("VALUE_OUT_OF_RANGE", `share at ${s.x}, element ${i} is not below p`);
  const basis = shares.slice(0, t);
  const xs = basis.map((s) => s.x);
  const lambda0 = lagrangeAtZero(xs);
  const surplus = shares.slice(t).map((s) => ({ s, lambda: lagrangeAt(xs, s.x) }));
  const out: number[] = [];
  for (let i = 0; i < limbs; i++) {
    const ys = basis.map((s) => element(s, i));
    out.push(ys.reduce((acc, y, j) => addP(acc, mulP(y, lambda0[j]!)), 0));
    for (const { s, lambda } of surplus) {
      const expected = ys.reduce((acc, y, j) => addP(acc, mulP(y, lambda[j]!)), 0);
      if (expected !== element(s, i)) fail("INCONSISTENT_SHARES", `share at ${s.x} is not on the polynomial of the first ${t} shares`);
    }
  }
  return limbsToSecret(out, len);
}
